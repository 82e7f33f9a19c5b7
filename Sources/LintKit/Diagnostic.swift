import ProcessModel
import ResidualModel

/// A finding of a rule in a file, ready for a reporter.
public struct Diagnostic: Sendable, Comparable {
    public let ruleID: String
    public let severity: Severity
    public let message: String
    public let location: SourceLocation
    public let related: [RelatedLocation]
    public let fix: String?
    public let risk: Risk?

    public init(ruleID: String, severity: Severity, finding: Finding, file: String) {
        self.ruleID = ruleID
        self.severity = severity
        message = finding.message
        location = SourceLocation(file: file, range: finding.range)
        related = finding.related
        fix = finding.fix
        risk = finding.risk
    }

    /// File, line, column, then rule id: the order every output uses.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.ruleID, lhs.message) < (rhs.location, rhs.ruleID, rhs.message)
    }

    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.ruleID, lhs.message) == (rhs.location, rhs.ruleID, rhs.message)
    }

    /// `path:line:col: severity: message [rule-id]`, as a compiler prints it.
    public var description: String { "\(location): \(severity.rawValue): \(message) [\(ruleID)]" }
}
