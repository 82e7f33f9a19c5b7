import Foundation
import ProcessModel
import Testing

@testable import ResidualModel

/// The facts the second rule pack reads (design-facts.json): complete, sourced, and in the tool's vocabulary.
@Suite struct DesignFactsTests {
    let facts = DesignFacts.bundled

    @Test func everyLabelTheFormatNamesHasItsDoses() {
        for label in ProductLabel.allCases {
            let entries = facts.labelDoses[label.rawValue] ?? []
            #expect(!entries.isEmpty, "\(label)")
            for entry in entries {
                #expect(entry.perKilogram != nil || entry.total != nil, "\(label)")
                for range in [entry.perKilogram, entry.total].compactMap({ $0 }) {
                    #expect(range.minimum != nil || range.maximum != nil, "\(label)")
                    if let low = range.minimum, let high = range.maximum { #expect(low <= high, "\(label)") }
                }
                // A label dose is a label's: the source names it.
                #expect(
                    entry.source.contains("prescribing information") || entry.source.contains("label"),
                    "\(label): \(entry.source)")
                for indication in entry.indications {
                    #expect(
                        facts.diseases.contains { $0.name == indication || $0.spellings.contains(indication) },
                        "\(label): \(indication)")
                }
            }
        }
        #expect(Set(facts.labelDoses.keys) == Set(ProductLabel.allCases.map(\.rawValue)))
    }

    @Test func everyFactNamesItsSourceOrSaysAssumption() {
        var sources = facts.tCellAntigens.map { ("tCellAntigens.\($0.key)", $0.value.source) }
        sources += facts.diseases.map { ("diseases.\($0.name)", $0.markerSource) }
        sources += facts.diseases.flatMap { disease in
            (disease.cytokines ?? []).map { ("diseases.\(disease.name).\($0.cytokine)", $0.source) }
        }
        for (path, source) in sources {
            let cites = ["DOI", "PMC", "Blood", "Nature", "Nat ", "Cancer Res", "JCI", "Leukemia", "label"].contains {
                source.contains($0)
            }
            #expect(cites || source.hasPrefix("assumption"), "\(path): '\(source)'")
        }
    }

    @Test func everyMarkerIsInTheVocabulary() {
        for marker in facts.tCellAntigens.keys + facts.diseases.flatMap(\.usualMarkers) {
            #expect(Marker(normalising: marker).isKnown && Marker(normalising: marker).name == marker, "\(marker)")
        }
    }

    @Test func indicationsAreFoundAsWordsWhateverTheirCase() {
        #expect(facts.disease(named: "B-ALL, CD19-negative relapse after blinatumomab")?.name == "B-ALL")
        #expect(facts.disease(named: "LBCL (DLBCL)")?.name == "LBCL")
        #expect(facts.disease(named: "relapsed multiple myeloma")?.name == "multiple myeloma")
        #expect(facts.disease(named: "t-all")?.name == "T-ALL")
        #expect(facts.disease(named: "Sézary syndrome")?.name == "CTCL")
        #expect(facts.disease(named: "B-ALL")?.tCellMalignancy == false)
        #expect(facts.disease(named: "glioblastoma") == nil)
        // "ALL" alone is not T-ALL, and "MM" inside a word is not myeloma.
        #expect(facts.disease(named: "ALL") == nil)
        #expect(facts.disease(named: "hammer") == nil)
    }

    @Test func cytokinesCompareWhateverTheirSpelling() {
        #expect(DesignFacts.cytokineKey("IL-7") == DesignFacts.cytokineKey("il7"))
        #expect(DesignFacts.cytokineKey("IL 15") == DesignFacts.cytokineKey("Interleukin-15"))
        #expect(DesignFacts.cytokineKey("IL-2") != DesignFacts.cytokineKey("IL-21"))
    }

    @Test func kymriahsWeightBandsMeetAt50Kilograms() throws {
        let entries = facts.labelDoses["kymriah"] ?? []
        let bAll = try #require(facts.disease(named: "B-ALL"))
        let bands = entries.filter { $0.indications.contains(bAll.name) }
        #expect(bands.filter { $0.holds(bodyWeight: 50) }.count == 1)
        #expect(bands.filter { $0.holds(bodyWeight: 50.1) }.count == 1)
        #expect(bands.first { $0.holds(bodyWeight: 50) }?.perKilogram != nil)
        #expect(bands.first { $0.holds(bodyWeight: 70) }?.total != nil)
    }
}
