import Foundation
import ProcessModel
import Testing

@testable import ResidualModel

/// Malignant cells fare by their disease: `indication` selects the catalogue's set, an unknown one takes the widest
/// ranges, the culture's cytokines shift the rate where a source says, and CAR T cells kill a transduced malignant
/// cell before its CAR masks the target only when the cells carry that target.
@Suite struct DiseaseBiologyTests {
    static let catalogue = Catalogue.bundled

    /// A design of one disease whose malignant cells lack the CAR's target (no killing before masking).
    static func design(indication: String, steps: String, markers: String = "[CD10]") throws -> ProcessDesign {
        try Support.design(
            """
            processlint: 1
            name: test
            product: {car_target: CD19, vector: lentiviral}
            indication: \(indication)
            starting_material:
              kind: leukapheresis
              total_nucleated_cells: 1.0e10
              composition: {T: 0.4, malignant: 0.05}
              malignant_markers: \(markers)
            steps:
            \(steps)
            dose: {car_t_cells: 1.0e8}
            """)
    }

    @Test(arguments: Catalogue.bundled.knownIndications)
    func theIndicationSelectsItsDiseasesCultureRateAndUptake(indication: String) throws {
        let biology = try #require(Self.catalogue.malignantBiology[indication])
        let design = try Self.design(
            indication: indication,
            steps: """
                  - {id: t, operation: transduction}
                  - {id: e, operation: expansion, days: 10}
                """)
        let balance = Support.balance(design)
        let uptake = try #require(balance.steps[0].uptake).malignant.value(at: balance.centralDraw)
        let lentiviral = try #require(biology.transduction["lentiviral"]).central
        #expect(abs(uptake - lentiviral) < 1e-9, "\(indication)")
        #expect(
            abs(Support.centralFactor(balance, step: 1, .malignant) - pow10(10 * biology.culturePerDay.central)) < 1e-9)
        #expect(balance.variables.contains { $0.key == "malignantBiology.\(indication).culturePerDay" })
    }

    @Test func diseasesDiffer() {
        let rates = Self.catalogue.knownIndications.map { Self.catalogue.malignantBiology[$0]!.culturePerDay.central }
        #expect(Set(rates).count >= 5)
        // T-ALL blasts may grow in culture; B-ALL blasts die faster than CLL cells; myeloma cells take up a lentiviral
        // vector best of the B-lineage diseases and lose half at a freeze.
        #expect(Self.catalogue.malignantBiology["T-ALL"]!.culturePerDay.high! > 0)
        #expect(
            Self.catalogue.malignantBiology["B-ALL"]!.culturePerDay.central
                < Self.catalogue.malignantBiology["CLL"]!.culturePerDay.central)
        #expect(Self.catalogue.malignantBiology["multiple myeloma"]!.freezeThawRelative.central == 0.5)
    }

    @Test(arguments: [
        ("LBCL (DLBCL)", "LBCL"), ("DLBCL", "LBCL"), ("B-ALL, CD19-negative relapse", "B-ALL"),
        ("Multiple Myeloma", "multiple myeloma"), ("mantle cell lymphoma", "MCL"), ("t-all", "T-ALL"),
    ])
    func namesAndQualifiersResolve(written: String, disease: String) {
        let resolved = Self.catalogue.indication(written)
        #expect(resolved.isKnown && resolved.name == disease, "\(written) → \(resolved.name)")
    }

    @Test func anUnknownIndicationTakesTheWidestRangeAndNamesTheClosest() throws {
        let misspelled = Self.catalogue.indication("B-AL")
        #expect(!misspelled.isKnown && misspelled.name == Catalogue.unknownIndication)
        #expect(misspelled.closest.first == "B-ALL")
        #expect(Set(Self.catalogue.indication("ALL").closest) == ["B-ALL", "T-ALL"])
        // The unknown set spans every disease's culture rate.
        let unknown = try #require(Self.catalogue.malignantBiology[Catalogue.unknownIndication]).culturePerDay
        for disease in Self.catalogue.knownIndications {
            let rate = Self.catalogue.malignantBiology[disease]!.culturePerDay
            #expect(unknown.low! <= rate.low! && unknown.high! >= rate.high!, "\(disease)")
        }
        let estimate = Support.estimator.estimate(
            try Self.design(indication: "B-AL", steps: "  - {id: t, operation: transduction}"))
        #expect(
            estimate.assumptions.contains {
                $0.hasPrefix("indication 'B-AL' is not in the catalogue") && $0.contains("'B-ALL'")
            })
    }

    /// IL-7 drives T-ALL blasts (Blood 2000;96:297), IL-2 does not; a cytokine added at activation stays in the medium.
    @Test func cytokinesInTheMediumShiftTheRateWhereASourceSaysSo() throws {
        func expansionFactor(_ cytokines: String) throws -> Double {
            let design = try Self.design(
                indication: "T-ALL",
                steps: """
                      - {id: a, operation: activation, reagent: anti-cd3-cd28-nanomatrix, cytokines: \(cytokines)}
                      - {id: e, operation: expansion, days: 10}
                    """)
            return Support.centralFactor(Support.balance(design), step: 1, .malignant)
        }
        let biology = Self.catalogue.malignantBiology["T-ALL"]!
        #expect(abs(try expansionFactor("[]") - pow10(10 * biology.culturePerDay.central)) < 1e-9)
        #expect(abs(try expansionFactor("[IL2]") - pow10(10 * biology.culturePerDay.central)) < 1e-9)
        #expect(
            abs(
                try expansionFactor("[IL-7, IL-15]")
                    - pow10(10 * (biology.culturePerDay.central + biology.cytokines["IL-7"]!.central))) < 1e-9)
    }

    @Test func myelomaCellsLoseHalfAtAFreezeRelativeToTCells() throws {
        for (indication, relative) in [("multiple myeloma", 0.5), ("B-ALL", 1.0)] {
            let balance = Support.balance(
                try Self.design(indication: indication, steps: "  - {id: f, operation: cryopreservation}"))
            let ratio =
                Support.centralFactor(balance, step: 0, .malignant) / Support.centralFactor(balance, step: 0, .T)
            #expect(abs(ratio - relative) < 1e-9, "\(indication)")
        }
    }

    /// Killing before masking needs the target on the malignant cells: CD19+ blasts under a CD19 CAR lose half
    /// (catalogue maskingWindowSurvival); CD19-negative ones, or undeclared markers (taken at their worst), none.
    @Test func killingBeforeMaskingAppliesOnlyWhenTheMalignantCellsCarryTheTarget() throws {
        func uptake(_ markers: String) throws -> Double {
            let text =
                markers.isEmpty
                ? "processlint: 1\nname: t\nproduct: {car_target: CD19, vector: lentiviral}\nindication: B-ALL\n"
                    + "starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}}\nsteps:\n  - {id: t, operation: transduction}\n"
                : nil
            let design =
                try text.map { try Support.design($0) }
                ?? Self.design(indication: "B-ALL", steps: "  - {id: t, operation: transduction}", markers: markers)
            let balance = Support.balance(design)
            #expect(
                balance.variables.contains { $0.key == "maskingWindowSurvival" } == (markers == "[CD19, CD10]"),
                "\(markers)")
            return try #require(balance.steps[0].uptake).malignant.value(at: balance.centralDraw)
        }
        let lentiviral = Self.catalogue.malignantBiology["B-ALL"]!.transduction["lentiviral"]!.central
        #expect(abs(try uptake("[CD19, CD10]") - lentiviral * Self.catalogue.maskingWindowSurvival.central) < 1e-12)
        #expect(abs(try uptake("[CD10]") - lentiviral) < 1e-12)
        #expect(abs(try uptake("") - lentiviral) < 1e-12)
    }
}
