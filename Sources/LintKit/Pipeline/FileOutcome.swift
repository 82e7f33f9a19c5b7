import ProcessModel
import ResidualModel

/// What one file came to: every diagnostic after rules, suppression comments and step attribution, the rules
/// that ran, and the estimate the rules shared. Findings of external rules, which run once over many files,
/// join afterwards through the same suppression comments (`adding`).
public struct FileOutcome: Sendable {
    public let file: String
    /// The typed model; `nil` when the file could not be read as a process.
    public let design: ProcessDesign?
    /// The file's text, for quoting lines under findings.
    public let text: String?
    /// Load problems and findings, sorted; those a suppression comment silences are marked, not removed, and
    /// findings about the comments themselves (no reason, silences nothing) are among them.
    public let diagnostics: [Diagnostic]
    /// The ids of the rules that ran on the design: none when there is no design.
    public let rulesRun: [String]
    private let estimate: SharedEstimate?
    /// What was found before suppression comments were applied, so external findings can join.
    private let found: [Diagnostic]
    private let suppressions: SuppressionContext?

    /// What suppression comments are read against: a file that did not load has none that count.
    struct SuppressionContext: Sendable {
        let comments: [YAMLComment]
        let knownRules: Set<String>
        let strict: Bool
    }

    init(
        file: String, design: ProcessDesign?, text: String?, found: [Diagnostic], rulesRun: [String],
        estimate: SharedEstimate?,
        suppressions: SuppressionContext?
    ) {
        self.file = file
        self.design = design
        self.text = text
        self.found = found
        self.rulesRun = rulesRun
        self.estimate = estimate
        self.suppressions = suppressions
        let sorted = found.sorted()
        diagnostics =
            suppressions.map {
                Suppressions.apply(
                    to: sorted, comments: $0.comments, file: file, knownRules: $0.knownRules, strict: $0.strict)
            } ?? sorted
    }

    /// The residual-cell estimate: the one the rules shared, or computed now if no rule read it.
    public var risk: Risk? { estimate?.risk }

    /// The same outcome with external rules' findings added, suppression comments applied to all of them at once
    /// (a suppression of an external rule silences nothing until its findings are here).
    public func adding(_ external: [Diagnostic]) -> FileOutcome {
        guard !external.isEmpty else { return self }
        return FileOutcome(
            file: file, design: design, text: text, found: found + external, rulesRun: rulesRun, estimate: estimate,
            suppressions: suppressions)
    }
}
