import ProcessModel
import ResidualModel

/// Runs the registered rules on a design: the residual-cell risk is computed once and shared by every rule.
public struct Linter: Sendable {
    public let registry: RuleRegistry
    public let estimator: ResidualEstimator

    public init(registry: RuleRegistry, estimator: ResidualEstimator = Linter.defaultEstimator) {
        self.registry = registry
        self.estimator = estimator
    }

    /// Every enabled rule's diagnostics for one design under a configuration, sorted by position then rule.
    public func lint(_ design: ProcessDesign, configuration: Configuration) -> [Diagnostic] {
        check(design, configuration: configuration).diagnostics
    }

    /// The diagnostics, and the risk the rules shared: for callers that need the estimate too (external rules,
    /// `processlint diff`), so it is not computed twice.
    public func check(_ design: ProcessDesign, configuration: Configuration) -> (diagnostics: [Diagnostic], risk: Risk?) {
        let context = LintContext(design: design, estimator: estimator)
        func run(_ rule: any Rule) -> [Diagnostic] {
            let description = rule.description
            guard !configuration.disabled.contains(description.id) else { return [] }
            let severity = configuration.severity[description.id]
            return rule.check(context.with(options: configuration.options[description.id] ?? [:])).map { finding in
                Diagnostic(ruleID: description.id, severity: severity ?? max(description.defaultSeverity, finding.severity ?? .note),
                           finding: finding, file: design.file, stepID: design.step(containing: finding.range)?.id.value)
            }
        }
        let notFinite = NonFiniteEstimate.diagnostic(for: design, risk: context.risk).map { [$0] } ?? []
        return ((registry.rules.flatMap { run($0) } + configuration.customRules.flatMap { run($0) } + notFinite).sorted(), context.risk)
    }

    /// The standard estimator with 2,000 Monte Carlo draws: since figures are drawn as stated (asymmetric ranges),
    /// every reference process takes the Monte Carlo path, and a lint run may cover thousands of files. The gate
    /// figure (the mean calibrated P) is resolved to about 5% of itself by that many; `processlint estimate`
    /// keeps 100,000, and a file near its threshold should be judged there.
    public static let defaultEstimator: ResidualEstimator = {
        var estimator = ResidualEstimator.standard
        estimator.draws = 2_000
        return estimator
    }()

    /// Every rule's diagnostics for one design with the default configuration.
    public func lint(_ design: ProcessDesign) -> [Diagnostic] { lint(design, configuration: Configuration()) }
}
