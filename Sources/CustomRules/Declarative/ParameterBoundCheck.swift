import LintKit
import ProcessModel

/// A number of every step of one operation must lie within limits: a finding at each value outside them, and,
/// when the number is required, at each step that does not state it.
struct ParameterBoundCheck: DeclarativeCheck {
    let operation: OperationKind
    let name: String
    let limits: Limits
    let isRequired: Bool

    func violations(in context: LintContext) -> [Violation] {
        context.design.steps.compactMap { step in
            guard step.kind == operation else { return nil }
            guard let value = step.number(named: name) else {
                return isRequired
                    ? Violation(range: step.operation.range, step: step.id.value, value: "none", limit: limitText) : nil
            }
            if let maximum = limits.maximum, value.value > maximum {
                return Violation(
                    range: value.range, step: step.id.value, value: value.value.compactText, limit: maximum.compactText)
            }
            if let minimum = limits.minimum, value.value < minimum {
                return Violation(
                    range: value.range, step: step.id.value, value: value.value.compactText, limit: minimum.compactText)
            }
            return nil
        }
    }

    /// The limits, for a finding about a missing value.
    private var limitText: String {
        [limits.minimum.map { "at least \($0.compactText)" }, limits.maximum.map { "at most \($0.compactText)" }]
            .compactMap { $0 }.joined(separator: " and ")
    }
}
