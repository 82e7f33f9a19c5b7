import LintKit
import ProcessModel
import Testing

/// Matching findings and steps across two versions, as the baseline and `processlint diff` do.
@Suite struct GateTests {
    func diagnostic(_ rule: String, step: String?, line: Int, _ message: String = "a finding") -> Diagnostic {
        Diagnostic(ruleID: rule, severity: .warning, finding: Finding(message, at: SourceRange(at: SourcePosition(line: line, column: 1))),
                   file: "p.yaml", stepID: step)
    }

    func process(_ diagnostics: [Diagnostic]) -> ProcessFindings {
        ProcessFindings(file: "p.yaml", design: nil, diagnostics: diagnostics, risk: nil)
    }

    @Test func findingsMatchByRuleStepAndWordsNotByLine() {
        let before = process([diagnostic("r", step: "a", line: 3, "λ is 2e-3"), diagnostic("r", step: "b", line: 9)])
        let after = process([diagnostic("r", step: "a", line: 30, "λ is 4e-1"), diagnostic("r", step: "c", line: 9)])
        let comparison = FindingComparison(base: [before], head: [after])
        #expect(comparison.unchanged.map(\.stepID) == ["a"])
        #expect(comparison.new.map(\.stepID) == ["c"])
        #expect(comparison.fixed.map(\.stepID) == ["b"])
    }

    @Test func aRepeatedFindingCountsEachCopy() {
        let one = diagnostic("r", step: nil, line: 1)
        let comparison = FindingComparison(base: [process([one])], head: [process([one, diagnostic("r", step: nil, line: 2)])])
        #expect(comparison.new.count == 1 && comparison.unchanged.count == 1 && comparison.fixed.isEmpty)
    }

    @Test func oneStepMovedFarIsOneMoveNotOnePerStepItPassed() {
        let before: [(id: String, kind: OperationKind)] = [("a", .wash), ("b", .wash), ("c", .wash), ("d", .wash), ("e", .harvest)]
        let after: [(id: String, kind: OperationKind)] = [("e", .formulation), ("a", .wash), ("b", .wash), ("c", .wash), ("f", .thaw)]
        let changes = RiskChange.changes(from: before, to: after).map(\.description)
        #expect(changes == [
            "step 'd' (wash) was removed",
            "step 'f' (thaw) was added",
            "step 'e' was moved",
            "step 'e' changed from harvest to formulation",
        ])
    }

    @Test func aProcessWithNoEstimateInEitherVersionHasNoRiskToReport() {
        let comparison = FindingComparison(base: [process([])], head: [process([diagnostic("r", step: nil, line: 1)])])
        let risk = comparison.processes[0].risk
        #expect(!risk.moved && risk.factor == nil && comparison.riskIncreases == 0)
        #expect(risk.summary == "no estimate in either version (no malignant fraction stated)")
    }
}
