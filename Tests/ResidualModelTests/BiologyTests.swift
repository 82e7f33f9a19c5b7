import ProcessModel
import Testing

@testable import ResidualModel

/// Selections and depletions act through the markers cells carry, so the model gets these cases right
/// by construction: no rule or special case names them.
@Suite struct BiologyTests {
    @Test func cd3SelectionKeepsACD3PositiveMalignancy() throws {
        let design = try Support.design(file: "processes/flawed/cd3-selection-t-all.yaml")
        let balance = Support.balance(design)
        let index = try #require(design.steps.firstIndex { $0.kind == .positiveSelection })
        #expect(
            Support.centralFactor(balance, step: index, .malignant) == Support.centralFactor(balance, step: index, .T))
    }

    @Test func cd19DepletionMissesACD19NegativeMalignancy() throws {
        let design = try Support.design(file: "processes/flawed/cd19-depletion-cd19-negative-relapse.yaml")
        let balance = Support.balance(design)
        let index = try #require(design.steps.firstIndex { $0.kind == .depletion })
        #expect(
            Support.centralFactor(balance, step: index, .malignant) == Support.centralFactor(balance, step: index, .T))
        #expect(Support.centralFactor(balance, step: index, .B) < 0.02)
    }

    @Test func theCAROnAMalignantCellHidesItsTargetFromALaterDepletion() throws {
        let design = try Support.process(
            steps: """
                  - {id: transduce, operation: transduction}
                  - {id: deplete, operation: depletion, markers: [CD19]}
                """)
        let balance = Support.balance(design)
        #expect(abs(Support.centralFactor(balance, step: 1, .malignant) - 1e-2) < 1e-12)
        #expect(abs(Support.centralFactor(balance, step: 1, .malignant, carrying: true) - 0.75) < 1e-9)
    }

    @Test func aMaskedCellIsStillRemovedThroughAnotherMarker() throws {
        let design = try Support.process(
            steps: """
                  - {id: transduce, operation: transduction}
                  - {id: deplete, operation: depletion, markers: [CD19, CD10]}
                """)
        #expect(abs(Support.centralFactor(Support.balance(design), step: 1, .malignant, carrying: true) - 1e-2) < 1e-12)
    }

    @Test func undeclaredMalignantMarkersAreTakenAtTheirWorst() throws {
        let design = try Support.design(
            """
            processlint: 1
            name: t
            product: {car_target: CD19, vector: lentiviral}
            indication: B-ALL
            starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}}
            steps:
              - {id: select, operation: positive-selection, markers: [CD3]}
              - {id: deplete, operation: depletion, markers: [CD19]}
            """)
        let balance = Support.balance(design)
        #expect(Support.centralFactor(balance, step: 0, .malignant) == Support.centralFactor(balance, step: 0, .T))
        #expect(abs(Support.centralFactor(balance, step: 1, .malignant) - 0.75) < 1e-9)
        #expect(
            Support.estimator.estimate(design).assumptions.contains { $0.hasPrefix("malignant markers not declared") })
    }
}
