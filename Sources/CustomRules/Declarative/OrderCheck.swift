import LintKit
import ProcessModel

/// Where a step like `step` must stand against the steps like `other`.
struct OrderCheck: DeclarativeCheck {
    let step: StepPattern
    let relation: OrderRelation
    let other: StepPattern
    /// For `within`: the largest distance allowed, in steps.
    let distance: Int

    func violations(in context: LintContext) -> [Violation] {
        let steps = context.design.steps
        let placed = steps.filter(step.matches)
        let others = steps.filter(other.matches)
        guard let firstOther = others.first else { return [] }
        switch relation {
        case .before:
            guard !placed.contains(where: { $0.index < firstOther.index }) else { return [] }
            return [Violation(range: firstOther.operation.range, step: firstOther.id.value, value: placed.first?.id.value ?? "none",
                              related: placed.prefix(1).map { RelatedLocation("a matching step, after it", at: $0.operation.range) })]
        case .notAfter:
            return placed.filter { $0.index > firstOther.index }.map { late in
                Violation(range: late.operation.range, step: late.id.value, value: late.kind.rawValue,
                          related: [RelatedLocation("step '\(firstOther.id.value)', which it must not follow", at: firstOther.operation.range)])
            }
        case .within:
            return others.compactMap { anchor in
                let nearest = placed.min { abs($0.index - anchor.index) < abs($1.index - anchor.index) }
                let gap = nearest.map { abs($0.index - anchor.index) }
                guard gap.map({ $0 > distance }) ?? true else { return nil }
                return Violation(range: anchor.operation.range, step: anchor.id.value, value: gap.map(String.init) ?? "none",
                                 limit: String(distance),
                                 related: nearest.map { [RelatedLocation("the nearest matching step", at: $0.operation.range)] } ?? [])
            }
        }
    }
}
