import LintKit
import ProcessModel

/// No step may be like the pattern: a finding at the operation of each that is.
struct ForbidCheck: DeclarativeCheck {
    let pattern: StepPattern

    func violations(in context: LintContext) -> [Violation] {
        context.design.steps.filter { pattern.matches($0) }.map { step in
            Violation(
                range: step.operation.range, step: step.id.value, value: step.kind.rawValue, limit: pattern.phrase)
        }
    }
}
