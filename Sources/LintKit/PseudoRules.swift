/// The descriptions of the two pseudo-rules the engine reports under with no `Rule` behind them: `format`
/// (the loader's problems) and `suppression` (suppression comments without a reason, that silence nothing, or
/// that are malformed).
/// Output formats with a rule table (SARIF, JUnit) list them beside the registered rules, so every finding's
/// rule resolves.
public enum PseudoRules {
    public static let format = RuleDescription(
        id: Diagnostic.formatRuleID, title: "Readable process file in the process format", defaultSeverity: .error,
        rationale:
            "A process file must be readable YAML in the process format (known keys, values of the right type and "
            + "range, no duplicates) before any rule can judge it. Every problem is reported at its place, and a file with "
            + "an error is not checked by the rules.",
        references: ["docs/format.md (the process file format)", "docs/process-1.schema.json (its JSON Schema)"],
        triggering: [], nonTriggering: [])

    public static let suppression = RuleDescription(
        id: Suppressions.ruleID, title: "Justified suppression comments", defaultSeverity: .warning,
        rationale: "A regulated site must be able to say why a finding is accepted. So a suppression comment "
            + "(`# processlint:disable-next-line RULE-ID -- reason`) needs a reason, must name a known rule, and must "
            + "silence a finding; and a comment that starts with `processlint` but is not a directive is reported with "
            + "the directive it probably meant, rather than silencing nothing unnoticed.",
        references: ["README.md (suppression comments)", "docs/lint-json.md (suppressed findings as an audit trail)"],
        triggering: [], nonTriggering: [])

    public static let all = [format, suppression]
}
