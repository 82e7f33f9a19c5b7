import Testing

@testable import ProcessModel

/// `alternatives:` on a step: each entry an operation with its own keys, typed like a step and checked by the same
/// shape, with located errors.
@Suite struct AlternativesTests {
    static func load(_ steps: String) -> LoadResult {
        let text = """
            processlint: 1
            name: n
            product: {car_target: CD19, vector: lentiviral}
            indication: B-ALL
            starting_material: {kind: leukapheresis}
            steps:
            \(steps)
            """
        return ProcessLoader().load(bytes: Array(text.utf8), file: "alternatives.yaml")
    }

    @Test func alternativesAreTypedLikeSteps() throws {
        let result = Self.load(
            """
              - id: enrich
                operation: elutriation
                alternatives:
                  - {operation: positive-selection, markers: [CD4, CD8], note: immunomagnetic}
                  - operation: depletion
                    markers: [CD19]
                    performance: {malignant_log_depletion: 3, source: spike-in}
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let step = try #require(result.design?.steps.first)
        #expect(step.kind == .elutriation)
        #expect(step.alternatives.map(\.label) == ["positive-selection [CD4, CD8]", "depletion [CD19]"])
        #expect(step.alternatives[0].note?.value == "immunomagnetic")
        #expect(step.alternatives[1].performance?.figures[.malignantLogDepletion]?.value == 3)
        #expect(step.choosing(step.alternatives[1]).kind == .depletion)
        #expect(step.choosing(step.alternatives[1]).id.value == "enrich")
        #expect(step.alternatives[1].operation.range.start.line == 11)
    }

    @Test func aBadAlternativeIsALocatedError() throws {
        let result = Self.load(
            """
              - id: enrich
                operation: elutriation
                alternatives:
                  - {operation: positive-selection}
                  - {operation: selection, markers: [CD3]}
                  - {id: other, operation: wash}
            """)
        let messages = result.diagnostics.map { "\($0.location.range.start.line): \($0.message)" }
        #expect(
            messages.contains {
                $0.hasPrefix(
                    "10: an alternative (operation 'positive-selection') is missing the required key 'markers'")
            }, "\(messages)")
        #expect(
            messages.contains { $0.hasPrefix("11:") && $0.contains("did you mean 'positive-selection'?") },
            "\(messages)")
        #expect(messages.contains { $0.hasPrefix("12:") && $0.contains("unknown key 'id'") }, "\(messages)")
    }

    @Test func anEmptyListIsAnError() {
        let result = Self.load("  - {id: enrich, operation: elutriation, alternatives: []}")
        #expect(result.hasErrors)
    }
}
