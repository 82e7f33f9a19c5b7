import ProcessModel
import ResidualModel

/// Runs the registered rules on a design: the estimate is computed once and shared by every rule.
public struct Linter: Sendable {
    public let registry: RuleRegistry
    public let estimator: ResidualEstimator

    public init(registry: RuleRegistry, estimator: ResidualEstimator = .standard) {
        self.registry = registry
        self.estimator = estimator
    }

    /// Every rule's diagnostics for one design, sorted by position then rule.
    public func lint(_ design: ProcessDesign) -> [Diagnostic] {
        let context = LintContext(design: design, estimate: estimator.estimate(design))
        return registry.rules.flatMap { rule in
            let description = rule.description
            return rule.init().check(context).map { finding in
                Diagnostic(ruleID: description.id, severity: max(description.defaultSeverity, finding.severity ?? .note),
                           finding: finding, file: design.file)
            }
        }
        .sorted()
    }
}
