import LintKit
import ProcessModel

/// Where a step like `step` must stand against the steps like `other`. Works on indices, without copying
/// steps, since it runs for every file.
struct OrderCheck: DeclarativeCheck {
    let step: StepPattern
    let relation: OrderRelation
    let other: StepPattern
    /// For `within`: the largest distance allowed, in steps.
    let distance: Int

    func violations(in context: LintContext) -> [Violation] {
        let steps = context.design.steps
        guard let firstOther = steps.firstIndex(where: { other.matches($0) }) else { return [] }
        switch relation {
        case .before:
            for index in 0..<firstOther where step.matches(steps[index]) { return [] }
            let anchor = steps[firstOther]
            let late = steps[firstOther...].first(where: { step.matches($0) })
            return [
                Violation(
                    range: anchor.operation.range, step: anchor.id.value, value: late?.id.value ?? "none",
                    related: late.map { [RelatedLocation("a matching step, after it", at: $0.operation.range)] } ?? [])
            ]
        case .notAfter:
            let anchor = steps[firstOther]
            return steps[(firstOther + 1)...].filter { step.matches($0) }.map { late in
                Violation(
                    range: late.operation.range, step: late.id.value, value: late.kind.rawValue,
                    related: [
                        RelatedLocation(
                            "step '\(anchor.id.value)', which it must not follow", at: anchor.operation.range)
                    ])
            }
        case .within:
            return steps.indices[firstOther...].compactMap { index -> Violation? in
                guard other.matches(steps[index]) else { return nil }
                let window = max(0, index - distance)...min(steps.count - 1, index + distance)
                guard !steps[window].contains(where: { step.matches($0) }) else { return nil }
                let nearest = steps.indices.filter { step.matches(steps[$0]) }.min { abs($0 - index) < abs($1 - index) }
                let anchor = steps[index]
                return Violation(
                    range: anchor.operation.range, step: anchor.id.value,
                    value: nearest.map { String(abs($0 - index)) } ?? "none", limit: String(distance),
                    related: nearest.map {
                        [RelatedLocation("the nearest matching step", at: steps[$0].operation.range)]
                    } ?? [])
            }
        }
    }
}
