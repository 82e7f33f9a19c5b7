import LintKit
import ProcessModel

/// A figure of the residual-cell estimate must be at most a limit; the finding points at the dose (or the last
/// step), as the built-in risk rule's does, and carries the risk figures.
struct EstimateThresholdCheck: DeclarativeCheck {
    let figure: EstimateFigure
    let maximum: Double

    func violations(in context: LintContext) -> [Violation] {
        guard let risk = context.risk else { return [] }
        let value = figure.value(in: risk)
        guard value > maximum else { return [] }
        let design = context.design
        let format = figure.isProbability ? FigureFormat.percent : FigureFormat.count
        return [
            Violation(
                range: design.dose?.range ?? design.steps.last?.range ?? design.name.range,
                value: format(value), limit: format(maximum), risk: risk)
        ]
    }
}
