import ProcessModel
import ResidualModel

/// What a rule reports: a message at a place in the file, with what to do about it.
/// The runner turns it into a `Diagnostic` by adding the rule's id, severity and the file.
public struct Finding: Sendable {
    public let message: String
    public let range: SourceRange
    /// Other places that explain the finding (the step where a depletion should go).
    public let related: [RelatedLocation]
    /// The suggested fix, in words.
    public let fix: String?
    /// The risk figures, for findings about residual cells.
    public let risk: Risk?
    /// This finding's severity when it is not the rule's default (a CAR target on the malignant cells makes a risk an
    /// error); a configured severity for the rule outranks it.
    public let severity: Severity?

    public init(
        _ message: String, at range: SourceRange, related: [RelatedLocation] = [], fix: String? = nil,
        risk: Risk? = nil, severity: Severity? = nil
    ) {
        self.message = message
        self.range = range
        self.related = related
        self.fix = fix
        self.risk = risk
        self.severity = severity
    }
}

/// A second place a finding points to, with why.
public struct RelatedLocation: Sendable, Hashable {
    public let range: SourceRange
    public let message: String

    public init(_ message: String, at range: SourceRange) {
        self.message = message
        self.range = range
    }
}
