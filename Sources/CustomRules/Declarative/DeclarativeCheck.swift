import LintKit
import ProcessModel
import ResidualModel

/// The one check of a declarative rule: where a process breaks it, with the values its message may quote.
protocol DeclarativeCheck: Sendable {
    func violations(in context: LintContext) -> [Violation]
}

/// One place a process breaks a declarative rule, with what fills the message's placeholders.
struct Violation {
    let range: SourceRange
    /// `{step}`: the id of the step the finding is about.
    var step: String?
    /// `{value}`: the offending value as written, or "none" when it is missing.
    var value: String?
    /// `{limit}`: the rule's limit that the value breaks.
    var limit: String?
    var related: [RelatedLocation] = []
    var risk: Risk?
}
