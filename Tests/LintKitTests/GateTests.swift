import LintKit
import ProcessModel
import Testing

/// Matching findings and steps across two versions, as the baseline and `processlint diff` do.
@Suite struct GateTests {
    func diagnostic(_ rule: String, step: String?, line: Int, _ message: String = "a finding") -> Diagnostic {
        Diagnostic(
            ruleID: rule, severity: .warning,
            finding: Finding(message, at: SourceRange(at: SourcePosition(line: line, column: 1))),
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
        let comparison = FindingComparison(
            base: [process([one])], head: [process([one, diagnostic("r", step: nil, line: 2)])])
        #expect(comparison.new.count == 1 && comparison.unchanged.count == 1 && comparison.fixed.isEmpty)
    }

    @Test func oneStepMovedFarIsOneMoveNotOnePerStepItPassed() {
        let before: [(id: String, kind: OperationKind)] = [
            ("a", .wash), ("b", .wash), ("c", .wash), ("d", .wash), ("e", .harvest),
        ]
        let after: [(id: String, kind: OperationKind)] = [
            ("e", .formulation), ("a", .wash), ("b", .wash), ("c", .wash), ("f", .thaw),
        ]
        let changes = RiskChange.changes(from: before, to: after).map(\.description)
        #expect(
            changes == [
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

    /// A process without a design: its identity is its path, so two versions' paths differ as renamed processes' names do.
    func at(_ file: String, _ diagnostics: [Diagnostic] = []) -> ProcessFindings {
        ProcessFindings(file: file, design: nil, diagnostics: diagnostics, risk: nil)
    }

    /// Issue 13, item 2: a process whose name changed is paired by its file's place, else by git's rename.
    @Test func aRenamedProcessIsPairedByPlaceThenByRename() {
        let pairing = ProcessPairing(
            basePlace: { String($0.dropFirst("base/".count)) }, headPlace: { String($0.dropFirst("head/".count)) },
            renames: ["b.yaml": "moved/b.yaml"])
        let base = [at("base/a.yaml"), at("base/b.yaml"), at("base/gone.yaml")]
        let head = [at("head/a.yaml"), at("head/moved/b.yaml"), at("head/fresh.yaml")]
        let comparison = FindingComparison(base: base, head: head, pairing: pairing)
        let pairs = comparison.processes.map { "\($0.base?.file ?? "-") → \($0.head?.file ?? "-")" }
        #expect(
            pairs == [
                "base/gone.yaml → -", "base/a.yaml → head/a.yaml", "- → head/fresh.yaml",
                "base/b.yaml → head/moved/b.yaml",
            ])
        #expect(comparison.processes.first { $0.head?.file == "head/a.yaml" }?.baseIdentity == "base/a.yaml")
        #expect(FindingComparison(base: base, head: head).processes.count == 6, "by name only, nothing pairs")
    }

    /// Issue 13, item 4: each gate failure names its option and the amount, and a factor that is not a number fails.
    @Test func aGateFailureNamesTheGateAndTheAmount() {
        let comparison = FindingComparison(
            base: [at("p.yaml")], head: [at("p.yaml", [diagnostic("r", step: nil, line: 1)])])
        let failures = DiffGate(newFindingsAtOrAbove: .warning, riskIncreaseLimit: 10).failures(of: comparison)
        #expect(failures.map(\.description) == ["1 new finding at or above warning, --fail-on-new"])
        #expect(DiffGate(newFindingsAtOrAbove: .error).failures(of: comparison).isEmpty, "a warning is below error")
    }
}
