import LintKit

/// An external rule that did not give a valid answer: it could not start, crashed, hung, failed, printed
/// too much, or printed something that is not the protocol. The run fails with it (exit status 2): a rule
/// that did not run must never look like a rule that found nothing.
public struct ExternalRuleFailure: Error, Sendable, CustomStringConvertible {
    public let rule: ExternalRuleDeclaration
    public let reason: String
    /// The end of what the program wrote on standard error, shortened, when it wrote anything.
    public let errorOutput: String?

    /// Lines of standard error shown, from its end, where the cause usually is.
    static let shownLines = 12

    init(_ rule: ExternalRuleDeclaration, _ reason: String, errorOutput: String? = nil) {
        self.rule = rule
        self.reason = reason
        let lines = errorOutput?.split(separator: "\n", omittingEmptySubsequences: true) ?? []
        let shown = lines.suffix(Self.shownLines).map { String($0.prefix(300)) }
        self.errorOutput =
            lines.isEmpty ? nil : ((lines.count > Self.shownLines ? ["..."] : []) + shown).joined(separator: "\n")
    }

    /// `external rule 'id' (command) failed: reason`, then the program's standard error, indented.
    public var message: String {
        "external rule '\(rule.id)' (\(rule.command.joined(separator: " "))) failed: \(reason)"
            + (errorOutput.map { "\n" + $0.split(separator: "\n").map { "  stderr: " + $0 }.joined(separator: "\n") }
                ?? "")
    }

    /// `config:line:col: error: ` and the message, located at the rule's declaration.
    public var description: String { "\(rule.declaredAt): error: \(message)" }
}
