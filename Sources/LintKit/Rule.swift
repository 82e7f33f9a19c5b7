import ProcessModel
import ResidualModel

/// A check of a process design. A built-in rule is one type in one file, holding its own description; a
/// custom rule (declarative, external, or Swift in a user's package) is a value of any type conforming here.
///
/// Rules read the typed model and the shared estimate, never YAML, and know nothing of output formats.
public protocol Rule: Sendable {
    /// The single source of truth for the rule's id, prose and examples.
    var description: RuleDescription { get }

    /// The findings for one process; empty when the design passes.
    func check(_ context: LintContext) -> [Finding]
}

/// What a rule sees of one process: the design, and its residual-cell risk computed once per file.
public struct LintContext: Sendable {
    public let design: ProcessDesign
    /// The risk figures; `nil` when the file states no malignant fraction.
    public let risk: Risk?
    let estimator: ResidualEstimator
    /// The configured options of the rule being run, by name.
    var options: [String: Double] = [:]

    public init(design: ProcessDesign, estimator: ResidualEstimator) {
        self.design = design
        self.estimator = estimator
        risk = estimator.risk(of: design)
    }

    /// The value of one of the running rule's options: as configured, or its default.
    public func option(_ option: RuleOption) -> Double { options[option.name] ?? option.defaultValue }

    /// The same context for another rule, with that rule's configured options.
    func with(options: [String: Double]) -> LintContext {
        var context = self
        context.options = options
        return context
    }

    /// The catalogue the estimate reads: its figures, and the diseases it holds malignant-cell biology for.
    public var catalogue: Catalogue { estimator.catalogue }

    /// For a design whose steps list alternatives, the risk of each combination of their choices: computed on demand,
    /// since only the risk rule reads them.
    public func alternatives() -> [AlternativeRisk] { estimator.alternatives(of: design) }

    /// The standard remedies and their effect: computed on demand, since only a rule that reports a
    /// risk needs them, and each costs three more estimates.
    public func remedies() -> [Remedy] { estimator.remedies(for: design) }
}
