import LintKit
import ProcessModel

/// A step like the pattern must be in the process; when none is, the finding points at the start of the steps.
struct RequireCheck: DeclarativeCheck {
    let pattern: StepPattern

    func violations(in context: LintContext) -> [Violation] {
        let steps = context.design.steps
        guard !steps.contains(where: { pattern.matches($0) }), let first = steps.first else { return [] }
        return [Violation(range: SourceRange(at: first.range.start), value: "none", limit: pattern.phrase)]
    }
}
