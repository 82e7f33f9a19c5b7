import ProcessModel
import ResidualModel

/// What happens to one file, for every front end (the command line, `processlint test`, the report, the language
/// server): its load problems, then every enabled rule on its design, the estimate the rules shared, suppression
/// comments, and each finding's step. External rules join the outcome afterwards (`FileOutcome.adding`), and
/// a baseline acts on it after that.
public struct Linter: Sendable {
    public let registry: RuleRegistry
    public let estimator: ResidualEstimator
    /// `--strict-suppressions`: a suppression without a reason is an error, whatever the configuration says.
    public let strictSuppressions: Bool
    /// The registry's rule ids, listed and as a set, worked out once rather than for every file.
    private let registryIDs: [String]
    private let knownRegistryIDs: Set<String>

    public init(
        registry: RuleRegistry, estimator: ResidualEstimator = Linter.defaultEstimator, strictSuppressions: Bool = false
    ) {
        self.registry = registry
        self.estimator = estimator
        self.strictSuppressions = strictSuppressions
        registryIDs = registry.descriptions.map { $0.id }
        knownRegistryIDs = Set(registryIDs)
    }

    /// The outcome of one loaded file under its configuration.
    public func lint(_ file: LoadResult, configuration: Configuration) -> FileOutcome {
        let problems = file.diagnostics.map(Diagnostic.init)
        guard let design = file.design else {
            return FileOutcome(
                file: file.file, design: nil, text: file.text, found: problems, rulesRun: [], estimate: nil,
                suppressions: nil)
        }
        let estimate = SharedEstimate(design: design, estimator: estimator)
        let found = problems + findings(in: design, estimate: estimate, configuration: configuration)
        let customIDs = configuration.customRules.map { $0.description.id } + configuration.externalRules.map(\.id)
        let suppressions = FileOutcome.SuppressionContext(
            comments: file.comments,
            knownRules: customIDs.isEmpty ? knownRegistryIDs : knownRegistryIDs.union(customIDs),
            strict: strictSuppressions || configuration.strictSuppressions)
        return FileOutcome(
            file: file.file, design: design, text: file.text, found: found,
            rulesRun: (registryIDs + customIDs).filter { !configuration.disabled.contains($0) },
            estimate: estimate, suppressions: suppressions)
    }

    /// Every enabled rule's findings on a design, and an error when the estimate they read is not a number.
    private func findings(in design: ProcessDesign, estimate: SharedEstimate, configuration: Configuration)
        -> [Diagnostic]
    {
        let context = LintContext(design: design, estimate: estimate)
        func run(_ rule: any Rule) -> [Diagnostic] {
            let description = rule.description
            guard !configuration.disabled.contains(description.id) else { return [] }
            return rule.check(context.with(options: configuration.options[description.id] ?? [:])).map { finding in
                Diagnostic(
                    finding, ruleID: description.id, defaultSeverity: description.defaultSeverity,
                    configured: configuration.severity[description.id], in: design)
            }
        }
        let found = registry.rules.flatMap { run($0) } + configuration.customRules.flatMap { run($0) }
        // Only an estimate some rule read can have misled one.
        guard estimate.isComputed, let notFinite = NonFiniteEstimate.diagnostic(for: design, risk: estimate.risk) else {
            return found
        }
        return found + [notFinite]
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
}

extension Linter {
    /// The diagnostics of a design alone, through the same pipeline: a design read without its file has no
    /// comments, so nothing is suppressed. For tests of rules and for callers that build designs in code.
    public func lint(_ design: ProcessDesign, configuration: Configuration = Configuration()) -> [Diagnostic] {
        lint(LoadResult(file: design.file, design: design), configuration: configuration).diagnostics
    }
}
