import LintKit

extension ConfigurationLoader {
    /// The loader every front end uses: the rules of `registry`, and declarative rule files for configurations
    /// that name them under `custom_rules`.
    public static func standard(registry: RuleRegistry) -> ConfigurationLoader {
        ConfigurationLoader(registry: registry, ruleFiles: DeclarativeRuleFiles())
    }
}
