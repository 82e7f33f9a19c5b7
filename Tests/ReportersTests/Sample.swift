import LintKit
import ProcessModel
import Reporters

/// Small diagnostics for the reporters' tests, in a file `p.yaml` of a repository at `/repo`.
enum Sample {
    static let rule = RuleDescription(
        id: "sample-rule", title: "Sample", defaultSeverity: .warning,
        rationale: "Samples show the format. Nothing else.", references: ["none"],
        triggering: [], nonTriggering: [])
    static let root = SourceRoot("/repo", currentDirectory: "/repo")

    static func diagnostic(
        _ message: String, line: Int = 2, column: Int = 7, endColumn: Int? = nil, severity: Severity = .error,
        step: String? = nil, fix: String? = nil, related: [RelatedLocation] = [], file: String = "p.yaml"
    ) -> Diagnostic {
        let start = SourcePosition(line: line, column: column)
        let range = SourceRange(start: start, end: SourcePosition(line: line, column: endColumn ?? column))
        return Diagnostic(
            ruleID: rule.id, severity: severity, finding: Finding(message, at: range, related: related, fix: fix),
            file: file, stepID: step)
    }

    /// `diagnostic` at line 2, suppressed by a justified comment on line 1.
    static func suppressed(_ diagnostic: Diagnostic, reason: String = "accepted in deviation DV-1") -> Diagnostic {
        let comment = YAMLComment(
            at: SourcePosition(line: 1, column: 1), text: " processlint:disable-next-line \(rule.id) -- \(reason)")
        return Suppressions.apply(
            to: [diagnostic], comments: [comment], file: diagnostic.location.file, knownRules: [rule.id])[0]
    }

    static func loadError(_ message: String, file: String = "p.yaml") -> Diagnostic {
        Diagnostic(
            LoadDiagnostic(
                .error, .unreadableFile, message, at: SourceLocation(file: file, range: SourceRange(at: .fileStart))))
    }
}
