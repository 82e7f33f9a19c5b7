import Foundation
import ProcessModel

/// A site's settings, from `.processlint.yml`: rules turned off, severities changed, options set,
/// files left out; `extends` another file whose settings this one refines.
///
///     extends: ../site.processlint.yml
///     custom_rules: [rules/site-policy.yaml]
///     disable: [dose-not-stated]
///     severity: {missing-t-cell-selection: error}
///     options:
///       residual-tumour-risk: {threshold: 1.0e-4}
///     include: ["*.yaml"]
///     exclude: ["drafts/*"]
///     strict_suppressions: true
///     external_rules:
///       - {id: site-closed-expansion, command: [python3, rules/closed.py]}
public struct Configuration: Sendable {
    public var disabled: Set<String> = []
    public var severity: [String: Severity] = [:]
    public var options: [String: [String: Double]] = [:]
    /// Glob patterns of the files to lint (all when empty), each with the folder it is relative to.
    public var include: [(pattern: String, base: String)] = []
    /// Glob patterns of files to leave out, each with the folder it is relative to.
    public var exclude: [(pattern: String, base: String)] = []
    /// The rules of the rule files named under `custom_rules`, here and in what this extends; the linter runs
    /// them after the registry's, under the same `disable`, `severity` and suppressions.
    public var customRules: [any CustomRule] = []
    /// What reading this file, what it extends and its rule files found worth a warning without stopping.
    public var warnings: [LoadDiagnostic] = []
    /// Programs run as rules, each once per run over every process this configuration governs.
    public var externalRules: [ExternalRuleDeclaration] = []
    /// Whether a suppression comment without a reason is an error (not a warning), for sites whose QA requires one.
    public var strictSuppressions = false

    public init() {}

    /// The file name looked for, from each process file's folder upwards.
    public static let fileName = ".processlint.yml"
    /// The other extension people give YAML files: read as well, never silently passed over.
    public static let alternativeFileName = ".processlint.yaml"

    /// Whether a file is left out: not matched by an `include` pattern (when there are any), matched by an `exclude`
    /// one, or one of the rule files named under `custom_rules` (YAML, but not a process).
    public func excludes(_ path: String) -> Bool {
        guard !include.isEmpty || !exclude.isEmpty || !customRules.isEmpty else { return false }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        if customRules.contains(where: { $0.origin.file == absolute }) { return true }
        func matches(_ patterns: [(pattern: String, base: String)]) -> Bool {
            patterns.contains { pattern, base in
                let relative = absolute.hasPrefix(base + "/") ? String(absolute.dropFirst(base.count + 1)) : absolute
                return fnmatch(pattern, relative, 0) == 0
            }
        }
        return (!include.isEmpty && !matches(include)) || matches(exclude)
    }

    /// The external rules the run executes for this configuration: those declared and not disabled.
    public var enabledExternalRules: [ExternalRuleDeclaration] { externalRules.filter { !disabled.contains($0.id) } }

    /// The schema of a configuration file for the rules of a registry: ids and options are checked,
    /// with the nearest valid one suggested. `externalRuleIDs` are the ids of the external rules the file
    /// and those it extends declare, which `disable` and `severity` may name too.
    public static func shape(for registry: RuleRegistry, externalRuleIDs: [String] = []) -> ObjectShape {
        let descriptions = registry.descriptions
        let ids =
            descriptions.map { Choice($0.id, $0.title) }
            + Set(externalRuleIDs).sorted().map { Choice($0, "external rule") }
        let severities = Severity.allCases.map { Choice($0.rawValue, "\($0.rawValue) severity") }
        let options = descriptions.filter { !$0.options.isEmpty }.map { description in
            Field.optional(
                description.id,
                .object(ObjectShape(description.options.map { .optional($0.name, .number($0.bounds), $0.summary) })),
                "options of \(description.id)")
        }
        return ObjectShape([
            .optional("extends", .text(.prose), "another configuration file this one refines, relative to this file"),
            .optional(
                "custom_rules", .list(of: .text(.prose), constraints: ListConstraints(uniqueBy: ".")),
                "declarative rule files (docs/custom-rules.md), relative to this file; their rule ids may be used below"
            ),
            .optional(
                "disable", .list(of: .choice(ids, noun: "rule"), constraints: ListConstraints(uniqueBy: ".")),
                "rules not to run"),
            .optional(
                "severity", .dictionary(keys: ids, value: .choice(severities, noun: "severity")),
                "a severity per rule, replacing its default"),
            .optional("options", .object(ObjectShape(options)), "rule options, by rule"),
            .optional(
                "include", .list(of: .text(.prose), constraints: .oneOrMore),
                "glob patterns of the process files to lint, relative to this file; all when absent"),
            .optional(
                "exclude", .list(of: .text(.prose), constraints: .oneOrMore),
                "glob patterns of process files to leave out, relative to this file"),
            .optional(
                "external_rules", .list(of: .object(ExternalRuleDeclaration.shape), constraints: .any),
                "programs run as rules, once per run, over the processes this file governs (docs/custom-rules.md)"),
            .optional(
                "strict_suppressions", .boolean,
                "a suppression comment without a reason is an error, not a warning (default false; as --strict-suppressions)"
            ),
        ])
    }
}
