import ProcessModel
import ResidualModel

/// A check of a process design. One rule is one type in one file, holding its own description.
///
/// Rules read the typed model and the shared estimate, never YAML, and know nothing of output formats.
public protocol Rule: Sendable {
    /// The single source of truth for the rule's id, prose and examples.
    static var description: RuleDescription { get }

    init()

    /// The findings for one process; empty when the design passes.
    func check(_ context: LintContext) -> [Finding]
}

/// What a rule sees of one process: the design and its residual-cell estimate, computed once per file.
public struct LintContext: Sendable {
    public let design: ProcessDesign
    public let estimate: ResidualEstimate

    public init(design: ProcessDesign, estimate: ResidualEstimate) {
        self.design = design
        self.estimate = estimate
    }
}
