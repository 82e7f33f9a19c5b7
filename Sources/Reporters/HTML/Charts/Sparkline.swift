import Foundation
import LintKit
import ResidualModel

/// The summary's small plot of one process: log10 malignant cells from the start through each step, with no
/// axes; its title gives the first and last counts in words.
struct Sparkline {
    let id: String
    let name: String
    let values: [Double]

    init?(id: String, name: String, estimate: ResidualEstimate) {
        guard let start = estimate.startingCounts[.malignant] else { return nil }
        self.id = id
        self.name = name
        values = [start] + estimate.steps.map { $0.counts[.malignant] ?? 0 }
    }

    var markup: Markup {
        var canvas = SVGCanvas(width: 140, height: 30, top: 4, right: 5, bottom: 4, left: 5)
        let logs = values.filter { $0 > 0 }.map(log10)
        let (low, high) = (logs.min() ?? 0, logs.max() ?? 1)
        let y = SVGCanvas.Scale(domain: low...max(high, low + 1), from: canvas.plot.bottom, to: canvas.plot.y)
        let step = canvas.plot.width / Double(max(1, values.count - 1))
        let points = values.enumerated().map {
            (x: canvas.plot.x + Double($0) * step, y: $1 > 0 ? y(log10($1)) : canvas.plot.bottom)
        }
        canvas.line(points, className: "series malignant")
        if let last = points.last {
            canvas.marker(
                .square, x: last.x, y: last.y, className: "malignant",
                tooltip: "after the last step: \(FigureFormat.count(values.last ?? 0))")
        }
        let description =
            "Malignant cells from \(FigureFormat.count(values.first ?? 0)) at the start to "
            + "\(FigureFormat.count(values.last ?? 0)) after the last of \(values.count - 1) steps (log scale)."
        return canvas.svg(
            id: id, title: "Malignant cells by step in \(name)", description: description, className: "sparkline")
    }
}
