import Foundation
import ProcessModel

/// A rule that is a program of the site's own, in any language, as `external_rules` in `.processlint.yml`
/// declares it: plain data the configuration carries; the CustomRules target runs it (docs/custom-rules.md).
public struct ExternalRuleDeclaration: Sendable, Hashable {
    /// The rule id its findings carry, as `disable`, `severity` and suppression comments name it.
    public let id: String
    /// The program and its arguments, run without a shell; a program path with a `/` is resolved against
    /// the configuration's folder, a bare name is looked up on `PATH`.
    public let command: [String]
    public let title: String?
    /// The severity of findings that state none.
    public let severity: Severity
    /// How long the program may run before it is killed and the run fails.
    public let timeoutSeconds: Double
    /// The folder of the configuration file that declares the rule: the program's working directory.
    public let folder: String
    /// Where the declaration is, for errors about the program.
    public let declaredAt: SourceLocation

    public static let defaultSeverity = Severity.warning
    public static let defaultTimeoutSeconds = 30.0

    public init(
        id: String, command: [String], title: String? = nil, severity: Severity = defaultSeverity,
        timeoutSeconds: Double = defaultTimeoutSeconds, folder: String, declaredAt: SourceLocation
    ) {
        self.id = id
        self.command = command
        self.title = title
        self.severity = severity
        self.timeoutSeconds = timeoutSeconds
        self.folder = folder
        self.declaredAt = declaredAt
    }

    /// The rule as reports list it (the SARIF rule table, JUnit test cases, `why` lines): all a declaration says.
    public var description: RuleDescription {
        RuleDescription(
            id: id, title: title ?? "External rule \(id)", defaultSeverity: severity,
            rationale: "A site's own rule, checked by the program `\(command.joined(separator: " "))` that "
                + "\(URL(fileURLWithPath: declaredAt.file).lastPathComponent) declares at line \(declaredAt.range.start.line).",
            references: ["the site's policy; the program's protocol: docs/custom-rules.md#external-rules"],
            triggering: [], nonTriggering: [])
    }

    /// The schema of one `external_rules` entry.
    static let shape = ObjectShape([
        .required(
            "id", .text(.identifier), "the rule id of the program's findings; must differ from every built-in rule's"),
        .required(
            "command", .list(of: .text(.prose), constraints: .nonEmpty),
            "the program and its arguments, run without a shell in this file's folder, e.g. [python3, rules/site.py]"),
        .optional("title", .text(.prose), "what the rule checks, in a few words"),
        .optional(
            "severity",
            .choice(Severity.allCases.map { Choice($0.rawValue, "\($0.rawValue) severity") }, noun: "severity"),
            "the severity of findings that state none; warning when absent"),
        .optional(
            "timeout_seconds", .number(NumberBounds(minimum: 0, maximum: 3600, minimumIsExclusive: true)),
            "seconds the program may run before it is killed and the run fails; 30 when absent"),
    ])
}
