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

/// What a rule sees of one process: the design, and its residual-cell risk computed once per file, when the
/// first rule asks for it.
public struct LintContext: Sendable {
    public let design: ProcessDesign
    let estimate: SharedEstimate
    /// The configured options of the rule being run, by name.
    var options: [String: Double] = [:]

    /// The context of one rule run alone, with its options as a configuration would set them.
    public init(design: ProcessDesign, estimator: ResidualEstimator, options: [String: Double] = [:]) {
        self.init(design: design, estimate: SharedEstimate(design: design, estimator: estimator))
        self.options = options
    }

    init(design: ProcessDesign, estimate: SharedEstimate) {
        self.design = design
        self.estimate = estimate
    }

    /// The risk figures; `nil` when the file states no malignant fraction.
    public var risk: Risk? { estimate.risk }

    /// The figures the estimate uses (marker expression, log reductions, the diseases it holds malignant-cell biology
    /// for), a site's own catalogue when it has one.
    public var catalogue: Catalogue { estimate.estimator.catalogue }

    /// The file's indication resolved against the catalogue, as the estimate resolves it (and only once per run).
    public var indication: ResolvedIndication { estimate.estimator.indication(design.indication.value) }

    /// The value of one of the running rule's options: as configured, or its default.
    public func option(_ option: RuleOption) -> Double { options[option.name] ?? option.defaultValue }

    /// The same context for another rule, with that rule's configured options.
    func with(options: [String: Double]) -> LintContext {
        var context = self
        context.options = options
        return context
    }

    /// For a design whose steps list alternatives, the risk of each combination of their choices: computed on demand,
    /// since only the risk rule reads them.
    public func alternatives() -> [AlternativeRisk] { estimate.estimator.alternatives(of: design) }

    /// The standard remedies and their effect: computed on demand, since only a rule that reports a
    /// risk needs them, and each costs three more estimates.
    public func remedies() -> [Remedy] { estimate.remedies() }
}
