import ProcessModel
@testable import ResidualModel
import Testing

/// What each operation does to each population, at the catalogue's central figures.
@Suite struct OperationEffectTests {
    func factors(_ step: String, markers: String = "[CD19, CD10, CD34]") throws -> [Population: Double] {
        let design = try Support.process(steps: "  - " + step, malignantMarkers: markers)
        let balance = Support.balance(design)
        return Dictionary(uniqueKeysWithValues: Population.allCases.map { ($0, Support.centralFactor(balance, step: 0, $0)) })
    }

    @Test func densityGradientRemovesGranulocytesAndKeepsLymphoidBlasts() throws {
        let f = try factors("{id: s, operation: density-gradient}")
        #expect(abs(f[.T]! - 0.8) < 1e-9)
        #expect(abs(f[.granulocyte]! - 0.1) < 1e-9)
        #expect(abs(f[.malignant]! - 0.8 * pow10(-0.1)) < 1e-9)
    }

    @Test func elutriationRemovesMonocytesAndGranulocytes() throws {
        let f = try factors("{id: s, operation: elutriation}")
        #expect(f[.monocyte]! < f[.T]! / 5)
        #expect(f[.granulocyte]! < f[.T]! / 2)
        #expect(f[.malignant]! < f[.T]! && f[.malignant]! > f[.T]! / 4)
    }

    @Test func adherenceRemovesMonocytesOnly() throws {
        let f = try factors("{id: s, operation: adherence}")
        #expect(f[.monocyte]! < f[.T]! / 4)
        #expect(f[.B] == f[.T] && f[.malignant] == f[.T])
    }

    @Test func cd3SelectionKeepsTCellsAndRemovesTheRest() throws {
        let f = try factors("{id: s, operation: positive-selection, markers: [CD3]}")
        #expect(abs(f[.T]! - 0.55) < 1e-9)
        for population in [Population.B, .monocyte, .granulocyte, .malignant] {
            #expect(abs(f[population]! - 1e-3) < 1e-12, "\(population)")
        }
    }

    @Test func cd4SelectionAlsoKeepsCD4DimMonocytesAndOnlyCD4TCells() throws {
        let f = try factors("{id: s, operation: positive-selection, markers: [CD4]}")
        #expect(abs(f[.T]! - (0.6 * 0.55 + 0.4 * 1e-3)) < 1e-9)
        #expect(abs(f[.monocyte]! - 0.55) < 1e-9)
    }

    @Test func cd19DepletionRemovesBCellsAndCD19PositiveBlasts() throws {
        let f = try factors("{id: s, operation: depletion, markers: [CD19]}")
        #expect(abs(f[.B]! - 1e-2) < 1e-12)
        #expect(abs(f[.malignant]! - 1e-2) < 1e-12)
        #expect(abs(f[.T]! - 0.75) < 1e-9)
    }

    @Test func magneticBeadActivationIsAWeakCD3SelectionPlusADayOfCulture() throws {
        let beads = try factors("{id: s, operation: activation, reagent: anti-cd3-cd28-magnetic-beads}")
        let nanomatrix = try factors("{id: s, operation: activation, reagent: anti-cd3-cd28-nanomatrix}")
        #expect(abs(beads[.T]! - 0.7 * pow10(0.15)) < 1e-9)
        #expect(abs(beads[.malignant]! - 0.1 * pow10(-0.15)) < 1e-9)
        #expect(abs(nanomatrix[.T]! - pow10(0.15)) < 1e-9)
        #expect(abs(nanomatrix[.malignant]! - pow10(-0.15)) < 1e-9)
    }

    @Test func expansionGrowsTCellsAndMalignantCellsDie() throws {
        let f = try factors("{id: s, operation: expansion, days: 10}")
        #expect(abs(f[.T]! - pow10(1.5)) < 1e-6)
        #expect(abs(f[.malignant]! - pow10(-1.5)) < 1e-9)
        #expect(f[.granulocyte]! < 1e-4)
    }

    @Test(arguments: ["wash", "harvest", "bead-removal", "formulation", "cryopreservation", "hold"])
    func handlingStepsLoseEveryPopulationAlike(operation: String) throws {
        let f = try factors("{id: s, operation: \(operation)}")
        #expect(f[.T]! < 1)
        #expect(Set(f.values).count == 1)
    }

    @Test func transductionPutsTheGeneIntoFewerMalignantCellsThanTCells() throws {
        for (vector, t, malignant) in [("lentiviral", 0.25, 0.1), ("gamma-retroviral", 0.4, 0.02)] {
            let design = try Support.process(steps: "  - {id: s, operation: transduction}", vector: vector)
            let uptake = try #require(Support.balance(design).steps[0].uptake)
            #expect(abs(uptake.tCell.value(at: [0, 0]) - t) < 1e-9, "\(vector)")
            #expect(abs(uptake.malignant.value(at: [0, 0]) - malignant) < 1e-9, "\(vector)")
        }
    }

    @Test func aMeasuredPerformanceReplacesTheCatalogue() throws {
        let f = try factors("{id: s, operation: depletion, markers: [CD19], performance: {malignant_log_depletion: 3.5, recovery: 0.9, source: spike-in VR-7}}")
        #expect(abs(f[.malignant]! - pow10(-3.5)) < 1e-12)
        #expect(abs(f[.T]! - 0.9) < 1e-9)
    }
}
