import ProcessModel
import Testing

@testable import ResidualModel

/// Properties the estimate must have whatever the catalogue's figures are.
@Suite struct PropertyTests {
    static let referenceFiles = [
        "ctl019-academic-2018", "kymriah", "yescarta", "tecartus", "breyanzi", "abecma", "carvykti",
    ]
    .map { "processes/\($0).yaml" }

    func depletion(of marker: String, at index: Int, in design: ProcessDesign) -> [Step] {
        var steps = design.steps
        let anchor = SourceRange(at: .fileStart)
        let operation = UnitOperation.depletion(
            .init(markers: [Located(Marker(normalising: marker), at: anchor)], device: nil))
        steps.insert(
            Step(
                id: Located("added", at: anchor), operation: Located(operation, at: anchor), note: nil,
                performance: nil,
                range: anchor, index: index), at: index)
        return steps
    }

    /// Depleting a marker that T cells do not carry never raises λ, wherever it goes. (Depleting a
    /// T-cell marker can: it shrinks the product, so the dose takes a larger share of it.)
    @Test(arguments: referenceFiles)
    func addingADepletionNeverRaisesLambda(file: String) throws {
        let design = try Support.design(file: file)
        let base = Support.centralLambda(Support.balance(design))
        for marker in ["CD19", "CD22", "BCMA", "CD38", "CD14", "CD15"] {
            for index in 0...design.steps.count {
                let lambda = Support.centralLambda(
                    Support.balance(design, steps: depletion(of: marker, at: index, in: design)))
                #expect(lambda <= base * (1 + 1e-9), "\(marker) at \(index): \(lambda) > \(base)")
            }
        }
    }

    @Test(arguments: referenceFiles)
    func lambdaScalesLinearlyWithTheMalignantFraction(file: String) throws {
        let design = try Support.design(file: file)
        let small = Support.centralLambda(Support.balance(design, malignantFraction: 0.001))
        let large = Support.centralLambda(Support.balance(design, malignantFraction: 0.01))
        #expect(abs(large / small - 10) < 1e-6)
    }

    @Test func lambdaScalesLinearlyWithTheDose() throws {
        let steps = "  - {id: t, operation: transduction}\n  - {id: e, operation: expansion, days: 9}"
        let one = Support.centralLambda(Support.balance(try Support.process(steps: steps, dose: "car_t_cells: 1.0e8")))
        let two = Support.centralLambda(Support.balance(try Support.process(steps: steps, dose: "car_t_cells: 2.0e8")))
        let perKilogram = Support.centralLambda(
            Support.balance(try Support.process(steps: steps, dose: "car_t_cells_per_kg: 2.0e6, body_weight_kg: 100")))
        #expect(abs(two / one - 2) < 1e-9)
        #expect(abs(perKilogram / one - 2) < 1e-9)
    }

    @Test func theWholeProductIsTheCeilingWhenTheDoseExceedsIt() throws {
        let steps = "  - {id: t, operation: transduction}"
        let huge = Support.balance(try Support.process(steps: steps, dose: "car_t_cells: 1.0e12"))
        #expect(huge.lambda(at: huge.centralDraw).doseShare == 1)
    }

    @Test func noMalignantCellsMeansNoRisk() throws {
        let design = try Support.process(
            steps: "  - {id: t, operation: transduction}\n  - {id: e, operation: expansion, days: 9}", malignant: 0)
        let risk = try #require(Support.estimator.risk(of: design))
        #expect(risk.lambda.median == 0 && risk.lambda.high == 0)
        #expect(risk.probability.mean == 0 && risk.calibratedProbability.mean == 0)
    }

    @Test func aNonIntegratingVectorLeavesNoHeritableCAR() throws {
        let design = try Support.process(steps: "  - {id: ep, operation: electroporation}", vector: "mrna")
        #expect(try #require(Support.estimator.risk(of: design)).lambda.high == 0)
    }

    /// Moving a depletion from before the gene transfer to after it never lowers λ, and for a depletion of
    /// the CAR's own target it raises λ: the CAR hides the antigen on the cells it is in.
    @Test(arguments: [("CD19", true), ("CD10", false)])
    func movingADepletionAfterTransductionNeverLowersLambda(marker: String, masked: Bool) throws {
        let before = try Support.process(
            steps: """
                  - {id: d, operation: depletion, markers: [\(marker)]}
                  - {id: t, operation: transduction}
                  - {id: e, operation: expansion, days: 9}
                """)
        let after = try Support.process(
            steps: """
                  - {id: t, operation: transduction}
                  - {id: d, operation: depletion, markers: [\(marker)]}
                  - {id: e, operation: expansion, days: 9}
                """)
        let early = Support.centralLambda(Support.balance(before))
        let late = Support.centralLambda(Support.balance(after))
        #expect(late >= early * (1 - 1e-9))
        #expect((late > early * 10) == masked)
    }
}
