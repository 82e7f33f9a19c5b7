import ProcessModel
import Testing

/// "Did you mean" follows meaning before spelling: the words people write for an operation or a test
/// suggest it, and none suggests its opposite.
@Suite struct SynonymTests {
    /// The loader's messages for a small process with one step and one release test.
    func messages(operation: String = "electroporation", test: String = "sterility") -> String {
        let text = """
            processlint: 1
            name: synonym
            product: {car_target: CD19, vector: mrna}
            indication: B-ALL
            starting_material: {kind: leukapheresis}
            steps:
              - {id: s, operation: \(operation)}
            release_tests: [\(test)]
            """
        return ProcessLoader().load(bytes: Array(text.utf8), file: "s.yaml").diagnostics.map(\.message).joined(
            separator: "\n")
    }

    func message(operation: String) -> String { messages(operation: operation) }

    func message(test: String) -> String { messages(test: test) }

    @Test(arguments: [
        ("transduce", "transduction"), ("ficoll", "density-gradient"), ("CD3 selection", "positive-selection"),
        ("debead", "bead-removal"), ("freeze", "cryopreservation"), ("selection", "positive-selection"),
        ("CD19_depletion", "depletion"), ("Negative Selection", "depletion"),
    ])
    func theIssuesExamplesSuggestTheOperationTheyMean(_ written: String, _ meant: String) {
        #expect(message(operation: "'\(written)'").contains("did you mean '\(meant)'?"))
    }

    @Test(arguments: OperationKind.allCases)
    func everyOperationSynonymSuggestsItsOperation(_ kind: OperationKind) {
        for synonym in kind.synonyms {
            #expect(message(operation: "'\(synonym)'").contains("did you mean '\(kind.rawValue)'?"), "\(synonym)")
        }
    }

    @Test(arguments: ReleaseTestKind.allCases)
    func everyTestSynonymSuggestsItsTest(_ kind: ReleaseTestKind) {
        for synonym in kind.synonyms {
            #expect(message(test: "'\(synonym)'").contains("did you mean '\(kind.rawValue)'?"), "\(synonym)")
        }
    }

    @Test func noWordStandsForTwoValues() {
        for words in [
            OperationKind.allCases.map { [$0.rawValue.replacingOccurrences(of: "-", with: " ")] + $0.synonyms },
            ReleaseTestKind.allCases.map { [$0.rawValue.replacingOccurrences(of: "-", with: " ")] + $0.synonyms },
        ] {
            let all = words.flatMap { $0 }
            #expect(all.count == Set(all).count, "\(all.filter { word in all.filter { $0 == word }.count > 1 })")
            #expect(all.allSatisfy { $0 == $0.lowercased() })
        }
    }
}
