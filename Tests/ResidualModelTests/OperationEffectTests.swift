import ProcessModel
import Testing

@testable import ResidualModel

/// What each operation does to each population, at the catalogue's central figures.
@Suite struct OperationEffectTests {
    func factors(_ step: String, markers: String = "[CD19, CD10, CD34]") throws -> [Population: Double] {
        let design = try Support.process(steps: "  - " + step, malignantMarkers: markers)
        let balance = Support.balance(design)
        return Dictionary(
            uniqueKeysWithValues: Population.allCases.map { ($0, Support.centralFactor(balance, step: 0, $0)) })
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
            #expect(abs(f[population]! - pow10(-2.5)) < 1e-12, "\(population)")
        }
    }

    /// CD4 beads take about an eighth of the CD4-dim monocytes (the capture that matches Zhu 2018's CD3 purity).
    @Test func cd4SelectionAlsoKeepsSomeCD4DimMonocytesAndOnlyCD4TCells() throws {
        let f = try factors("{id: s, operation: positive-selection, markers: [CD4]}")
        #expect(abs(f[.T]! - (0.6 * 0.55 + 0.4 * pow10(-2.5))) < 1e-9)
        #expect(abs(f[.monocyte]! - (0.12 * 0.55 + 0.88 * pow10(-2.5))) < 1e-9)
    }

    /// A CD4/CD8 selection of the default apheresis gives the CD3 purity Zhu 2018 measured (89 ± 10%,
    /// PMID 29287970); treating monocytes as fully captured gave 60%.
    @Test func cd4cd8SelectionGivesThePublishedCD3Purity() throws {
        let design = try Support.design(
            """
            processlint: 1
            name: t
            product: {car_target: CD19, vector: lentiviral}
            indication: B-ALL
            starting_material: {kind: leukapheresis, total_nucleated_cells: 1.0e10, composition: {T: 0.45, B: 0.02, NK: 0.05, monocyte: 0.25, granulocyte: 0.15, malignant: 0}}
            steps:
              - {id: s, operation: positive-selection, markers: [CD4, CD8]}
            """)
        let balance = Support.balance(design)
        let counts = try #require(balance.trace(at: balance.centralDraw).counts.first)
        let total = counts.values.reduce(0) { $0 + $1.plain + $1.carrying }
        let purity = try #require(counts[.T]?.plain) / total
        #expect(purity > 0.87 && purity < 0.91, "CD3 purity \(purity)")
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
        // A day of culture: B-ALL blasts at their disease's rate (catalogue malignantBiology.B-ALL.culturePerDay, -0.23).
        #expect(abs(beads[.malignant]! - 0.1 * pow10(-0.23)) < 1e-9)
        #expect(abs(nanomatrix[.T]! - pow10(0.15)) < 1e-9)
        #expect(abs(nanomatrix[.malignant]! - pow10(-0.23)) < 1e-9)
    }

    @Test func expansionGrowsTCellsAndMalignantCellsDie() throws {
        let f = try factors("{id: s, operation: expansion, days: 10}")
        #expect(abs(f[.T]! - pow10(1.5)) < 1e-6)
        #expect(abs(f[.malignant]! - pow10(-2.3)) < 1e-9)
        #expect(f[.granulocyte]! < 1e-4)
    }

    @Test(arguments: ["wash", "harvest", "bead-removal", "formulation", "cryopreservation", "hold"])
    func handlingStepsLoseEveryPopulationAlike(operation: String) throws {
        let f = try factors("{id: s, operation: \(operation)}")
        #expect(f[.T]! < 1)
        #expect(Set(f.values).count == 1)
    }

    /// B-ALL blasts' uptake (0.1 lentiviral, 0.02 gamma-retroviral), times the half that survive CAR T cells until their
    /// own CAR masks CD19 (the process's blasts carry the CAR's target).
    @Test func transductionPutsTheGeneIntoFewerMalignantCellsThanTCells() throws {
        for (vector, t, malignant) in [("lentiviral", 0.25, 0.1 * 0.5), ("gamma-retroviral", 0.4, 0.02 * 0.5)] {
            let design = try Support.process(steps: "  - {id: s, operation: transduction}", vector: vector)
            let balance = Support.balance(design)
            let uptake = try #require(balance.steps[0].uptake)
            #expect(abs(uptake.tCell.value(at: balance.centralDraw) - t) < 1e-9, "\(vector)")
            #expect(abs(uptake.malignant.value(at: balance.centralDraw) - malignant) < 1e-9, "\(vector)")
        }
    }

    @Test func aMeasuredPerformanceReplacesTheCatalogue() throws {
        let f = try factors(
            "{id: s, operation: depletion, markers: [CD19], performance: {malignant_log_depletion: 3.5, recovery: 0.9, source: spike-in VR-7}}"
        )
        #expect(abs(f[.malignant]! - pow10(-3.5)) < 1e-12)
        #expect(abs(f[.T]! - 0.9) < 1e-9)
    }
}
