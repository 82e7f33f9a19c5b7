import LintKit
import ProcessModel
import Testing

/// A rule made for testing the engine: it reports every step, stating its own severity for a wash (raised) and a
/// harvest (lowered), and none for other steps.
private struct EveryStepRule: Rule {
    let description = RuleDescription(
        id: "every-step", title: "Every step", defaultSeverity: .warning,
        rationale: "A rule that reports every step, so the engine's handling of findings can be observed.",
        references: ["none"], triggering: [], nonTriggering: [])

    func check(_ context: LintContext) -> [Finding] {
        context.design.steps.map { step in
            Finding(
                "step \(step.id.value)", at: step.operation.range,
                severity: [.wash: .error, .harvest: .note][step.kind])
        }
    }
}

@Suite struct LintKitTests {
    let design: ProcessDesign = {
        let text = """
            processlint: 1
            name: engine
            product: {car_target: CD19, vector: lentiviral}
            indication: B-ALL
            starting_material: {kind: leukapheresis}
            steps:
              - {id: b, operation: wash}
              - {id: a, operation: harvest}
              - {id: c, operation: formulation}
            """
        return ProcessLoader().load(bytes: Array(text.utf8), file: "engine.yaml").design!
    }()

    /// One rule for every kind of rule (built-in, custom, external): the severity a configuration sets, else the
    /// one the finding states, else the rule's default; and the step the finding points into.
    @Test func findingsGetTheRuleIdTheFileTheirStepAndTheirOwnSeverityOrTheDefault() {
        let diagnostics = Linter(registry: RuleRegistry([EveryStepRule()])).lint(design)
        #expect(
            diagnostics.map(\.description) == [
                "engine.yaml:7:24: error: step b [every-step]",
                "engine.yaml:8:24: note: step a [every-step]",
                "engine.yaml:9:24: warning: step c [every-step]",
            ])
        #expect(diagnostics.map(\.stepID) == ["b", "a", "c"])
        var configuration = Configuration()
        configuration.severity["every-step"] = .note
        #expect(
            Linter(registry: RuleRegistry([EveryStepRule()])).lint(design, configuration: configuration).map(\.severity)
                == [.note, .note, .note])
    }

    @Test func severitiesAreOrdered() {
        #expect(Severity.note < .warning && Severity.warning < .error)
        #expect(Severity.allCases.sorted() == [.note, .warning, .error])
    }

    @Test func examplesRecordWhereTheirMarkersStand() {
        let example = RuleExample("a: ↓1\nbb: [x, ↓y]\n↓")
        let (text, positions) = example.unmarked
        #expect(text == "a: 1\nbb: [x, y]\n")
        #expect(
            positions == [
                SourcePosition(line: 1, column: 4), SourcePosition(line: 2, column: 9),
                SourcePosition(line: 3, column: 1),
            ])
        #expect(example.file.hasSuffix("LintKitTests.swift"))
    }

    @Test func registryFindsRulesByIdAndTakesMore() {
        var registry = RuleRegistry()
        #expect(registry.rule(withID: "every-step") == nil)
        registry.register([EveryStepRule()])
        #expect(registry.rule(withID: "every-step") != nil)
    }

    @Test func findingsKnowTheirStepAndMatchAcrossEditsElsewhere() {
        let moved = Fingerprint(
            ruleID: "r", stepID: "b", message: "λ rose from 2e-3 to 4.5 × 10⁻¹ in 12 days, 3.3% after CD19")
        #expect(moved.message == "λ rose from # to # in # days, #% after CD19")
        #expect(
            moved
                == Fingerprint(
                    ruleID: "r", stepID: "b", message: "λ rose from 7e-9 to 1 × 10⁻² in 9 days, 12% after CD19"))
        #expect(moved != Fingerprint(ruleID: "r", stepID: "a", message: "λ rose from 2e-3 to 4.5 × 10⁻¹ in 12 days"))
    }
}
