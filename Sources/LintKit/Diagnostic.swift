import ProcessModel
import ResidualModel

/// A finding of a rule in a file, ready for a reporter.
public struct Diagnostic: Sendable, Hashable, Comparable {
    public let ruleID: String
    public let severity: Severity
    public let message: String
    public let location: SourceLocation
    public let related: [RelatedLocation]
    /// The suggested fix, in words.
    public var fix: String? { pendingFix?.text ?? fixText }
    private var fixText: String?
    /// A fix not worked out yet (`Finding.init(_:at:related:fixWhenShown:...)`): `resolvingFix(shown:)` settles it.
    private var pendingFix: PendingFix?
    public let risk: Risk?
    /// The id of the step the finding points into; `nil` for findings about the whole process or its other
    /// sections. With the rule id it identifies a finding across edits elsewhere in the file (see `fingerprint`).
    public let stepID: String?
    /// What kind of problem a `format` diagnostic is, as the loader classed it (`unknown-key`, `yaml-syntax`,
    /// `out-of-range`...): a tool can tell a typo from a broken file without reading the message. `nil` for findings.
    public let code: String?
    /// The justification of the suppression comment that silences this finding, if one does: a suppressed
    /// finding leaves text output and the exit status, and stays in machine-readable output as an audit trail.
    public internal(set) var suppression: String?

    public init(ruleID: String, severity: Severity, finding: Finding, file: String, stepID: String? = nil) {
        self.ruleID = ruleID
        self.stepID = stepID
        self.severity = severity
        message = finding.message
        location = SourceLocation(file: file, range: finding.range)
        related = finding.related
        fixText = finding.fixText
        pendingFix = finding.pendingFix
        risk = finding.risk
        code = nil
    }

    /// A rule's finding in a design, as every rule (built-in, custom or external) is reported: with the severity
    /// the configuration sets for the rule, else the one the finding states (a rule raising it for one case, a
    /// program choosing its own), else the rule's default; and with the step the finding points into.
    public init(
        _ finding: Finding, ruleID: String, defaultSeverity: Severity, configured: Severity?, in design: ProcessDesign
    ) {
        self.init(
            ruleID: ruleID, severity: configured ?? finding.severity ?? defaultSeverity, finding: finding,
            file: design.file,
            stepID: design.step(containing: finding.range)?.id.value)
    }

    /// A problem of the loader, reported like a finding under the pseudo-rule `format` (as actionlint
    /// reports every structural problem under one), so reporters handle one kind of record.
    public init(_ problem: LoadDiagnostic) {
        ruleID = Self.formatRuleID
        severity = problem.severity == .error ? .error : .warning
        message = problem.message
        location = problem.location
        related = []
        fixText = nil
        pendingFix = nil
        risk = nil
        stepID = nil
        code = problem.kind.rawValue
    }

    /// The pseudo-rule of the loader's problems: an unreadable file or one that breaks the format.
    public static let formatRuleID = "format"

    /// Whether the diagnostic says the file could not be read or breaks the format (exit status 2).
    public var isLoadError: Bool { ruleID == Self.formatRuleID && severity == .error }

    /// The same finding, silenced for a reason (a baseline entry, say) but kept in machine-readable output.
    public func suppressed(because reason: String) -> Diagnostic {
        var copy = self
        copy.suppression = reason
        return copy
    }

    /// The same diagnostic with its fix worked out now, where the caller is about to show it (in parallel, before
    /// the reporter runs on one thread), or dropped where no output will show it.
    public func resolvingFix(shown: Bool) -> Diagnostic {
        guard let pendingFix else { return self }
        var copy = self
        copy.fixText = shown ? pendingFix.text : nil
        copy.pendingFix = nil
        return copy
    }

    /// Equal when every field is, the fix compared by its text, however it was found.
    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        lhs.ruleID == rhs.ruleID && lhs.severity == rhs.severity && lhs.message == rhs.message
            && lhs.location == rhs.location && lhs.related == rhs.related && lhs.fix == rhs.fix && lhs.risk == rhs.risk
            && lhs.stepID == rhs.stepID && lhs.code == rhs.code && lhs.suppression == rhs.suppression
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ruleID)
        hasher.combine(severity)
        hasher.combine(message)
        hasher.combine(location)
        hasher.combine(related)
        hasher.combine(fix)
        hasher.combine(risk)
        hasher.combine(stepID)
        hasher.combine(code)
        hasher.combine(suppression)
    }

    /// File, line, column, then rule id: the order every output uses.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.ruleID, lhs.message) < (rhs.location, rhs.ruleID, rhs.message)
    }

    /// `path:line:col: severity: message [rule-id]`, as a compiler prints it.
    public var description: String { "\(location): \(severity.rawValue): \(message) [\(ruleID)]" }
}
