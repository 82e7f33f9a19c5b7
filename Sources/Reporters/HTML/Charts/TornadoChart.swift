import Foundation
import ResidualModel

/// What carries the uncertainty of λ, widest bar first: each catalogue figure's share of the variance of
/// log10 λ; or, where the estimate has no per-figure shares (λ is not a product of single factors), each step's
/// effect on λ at central figures, to the right for a step that lowers λ and to the left for one that raises it.
struct TornadoChart {
    struct Bar {
        let label: String
        /// A share between 0 and 1, or a signed log10 reduction.
        let value: Double
        let detail: String
    }

    enum Kind {
        case figureShares, stepEffects
    }

    let id: String
    let kind: Kind
    let bars: [Bar]
    let tableID: String?

    /// The figures' shares where the estimate has them, else the steps' effects; `nil` when it has neither.
    init?(id: String, estimate: ResidualEstimate, tableID: String?) {
        self.id = id
        self.tableID = tableID
        let bars: [Bar]
        if !estimate.figures.isEmpty {
            kind = .figureShares
            bars = Self.figureBars(estimate.figures)
        } else {
            kind = .stepEffects
            bars = estimate.sensitivity.filter { abs($0.log10Reduction) >= 0.01 }.prefix(10).map {
                Bar(
                    label: $0.stepID, value: $0.log10Reduction,
                    detail:
                        "\($0.log10Reduction >= 0 ? "lowers" : "raises") λ by \(String(format: "%.2f", abs($0.log10Reduction))) log"
                )
            }
        }
        // No λ (no malignant cells at all) leaves shares that are not numbers: nothing to draw.
        self.bars = bars.filter(\.value.isFinite)
        if self.bars.isEmpty { return nil }
    }

    /// The figures above 1% each, the rest gathered in one bar, at most ten bars.
    static func figureBars(_ figures: [FigureSensitivity]) -> [Bar] {
        let shown = figures.filter { $0.varianceShare >= 0.01 }.prefix(9)
        var bars = shown.map {
            Bar(label: $0.figure, value: $0.varianceShare, detail: "steps: \($0.stepIDs.joined(separator: ", "))")
        }
        let rest = figures.dropFirst(shown.count).reduce(0) { $0 + $1.varianceShare }
        if rest >= 0.005 {
            bars.append(Bar(label: "\(figures.count - shown.count) other figures", value: rest, detail: ""))
        }
        return bars
    }

    var title: String {
        kind == .figureShares
            ? "Figures by their share of the uncertainty of log10 λ" : "Steps by their effect on λ (central figures)"
    }

    var markup: Markup {
        let rowHeight = 22.0
        var canvas = SVGCanvas(
            width: 860, height: 40 + rowHeight * Double(bars.count), top: 8, right: 70, bottom: 24, left: 330)
        let domain: ClosedRange<Double>
        switch kind {
        case .figureShares: domain = 0...max(0.05, bars.map(\.value).max() ?? 1)
        case .stepEffects:
            let reach = max(0.1, bars.map { abs($0.value) }.max() ?? 1)
            domain = (bars.contains { $0.value < 0 } ? -reach : 0)...reach
        }
        let x = SVGCanvas.Scale(domain: domain, from: canvas.plot.x, to: canvas.plot.right)
        let ticks = Self.ticks(domain, count: 5).map { value in
            (
                value: value,
                label: kind == .figureShares ? "\(Int((value * 100).rounded()))%" : String(format: "%+.1f log", value)
            )
        }
        canvas.verticalGrid(x, ticks: ticks)
        for (index, bar) in bars.enumerated() {
            let top = canvas.plot.y + Double(index) * rowHeight + 3
            let (start, end) = (x(min(0, bar.value)), x(max(0, bar.value)))
            let text = kind == .figureShares ? "\(Int((bar.value * 100).rounded()))%" : bar.detail
            canvas.label(
                Self.shortened(bar.label), x: canvas.plot.x - 8, y: top + (rowHeight - 6) / 2, anchor: "end",
                className: "label")
            canvas.bar(
                x: start, y: top, width: end - start, height: rowHeight - 6,
                className: "bar" + (bar.value < 0 ? " raises" : ""), tooltip: "\(bar.label): \(text)")
            canvas.label(
                kind == .figureShares ? text : String(format: "%+.2f", bar.value), x: end + 4,
                y: top + (rowHeight - 6) / 2, className: "value")
        }
        let description = bars.map {
            "\($0.label): \(kind == .figureShares ? "\(Int(($0.value * 100).rounded()))%" : $0.detail)"
        }
        .joined(separator: "; ")
        return canvas.svg(
            id: id, title: title, description: description + ".", className: "chart tornado", describedBy: tableID)
    }

    /// About `count` round ticks across the domain, zero among them.
    static func ticks(_ domain: ClosedRange<Double>, count: Int) -> [Double] {
        let raw = (domain.upperBound - domain.lowerBound) / Double(count)
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        let first = (domain.lowerBound / step).rounded(.up)
        return stride(from: first * step, through: domain.upperBound + step * 1e-9, by: step).map { $0 }
    }

    /// A long figure path cut in its middle, so that labels fit their column; the tooltip and table keep it whole.
    static func shortened(_ label: String, limit: Int = 52) -> String {
        guard label.count > limit else { return label }
        return String(label.prefix(limit / 2 - 1)) + "…" + String(label.suffix(limit / 2 - 1))
    }
}
