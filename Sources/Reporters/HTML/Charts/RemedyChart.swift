import Foundation
import LintKit
import ResidualModel

/// The what-if remedies: for each, the chance of a relapse from a CAR-carrying malignant cell now and with the
/// change, as a pair of bars on a log scale (the remedies move it by orders of magnitude). The bars differ in
/// fill and each is labelled `now` or `with it`, so the pair reads without colour.
struct RemedyChart {
    struct Row {
        let remedy: String
        let before: Double
        let after: Double?
        let lambdaReduction: Double
    }

    let id: String
    let rows: [Row]
    let tableID: String?

    init?(id: String, estimate: ResidualEstimate, tableID: String?) {
        guard let risk = estimate.risk, !estimate.remedies.isEmpty else { return nil }
        self.id = id
        self.tableID = tableID
        rows = estimate.remedies.map {
            Row(
                remedy: $0.description, before: risk.calibratedProbability.mean,
                after: $0.risk?.calibratedProbability.mean,
                lambdaReduction: $0.lambdaReduction)
        }
    }

    var markup: Markup {
        let rowHeight = 46.0
        var canvas = SVGCanvas(
            width: 860, height: 40 + rowHeight * Double(rows.count), top: 8, right: 150, bottom: 24, left: 330)
        let values = rows.flatMap { [$0.before] + ($0.after.map { [$0] } ?? []) }.filter { $0 > 0 && $0.isFinite }
        let floor = max(-8, min(-1, Int((values.map(log10).min() ?? -4).rounded(.down))))
        let x = SVGCanvas.Scale.log10(exponents: floor...0, from: canvas.plot.x, to: canvas.plot.right)
        let every = max(1, -floor / 6)
        canvas.verticalGrid(
            x,
            ticks: stride(from: floor, through: 0, by: every).map {
                (value: Double($0), label: FigureFormat.percent(pow(10, Double($0))))
            })
        let position = { (value: Double) in value > 0 ? x(log10(value)) : x(Double(floor)) }
        for (index, row) in rows.enumerated() {
            let top = canvas.plot.y + Double(index) * rowHeight + 2
            canvas.label(
                TornadoChart.shortened(row.remedy, limit: 56), x: canvas.plot.x - 8, y: top + rowHeight / 2 - 3,
                anchor: "end", className: "label")
            for (offset, value, name) in [(0.0, Optional(row.before), "now"), (19.0, row.after, "with it")] {
                guard let value else { continue }
                let barTop = top + offset
                let text = "\(name): \(FigureFormat.chance(value))"
                canvas.bar(
                    x: canvas.plot.x, y: barTop, width: position(value) - canvas.plot.x, height: 16,
                    className: offset == 0 ? "bar before" : "bar after", tooltip: "\(row.remedy), \(text)")
                canvas.label(
                    text + (offset == 0 ? "" : " (λ ÷ \(FigureFormat.count(row.lambdaReduction)))"),
                    x: position(value) + 4, y: barTop + 8, className: "value")
            }
        }
        let description = rows.map { row in
            "\(row.remedy): from \(FigureFormat.chance(row.before)) to \(row.after.map(FigureFormat.chance) ?? "not estimated")"
        }.joined(separator: "; ")
        return canvas.svg(
            id: id, title: "What if: the chance of a relapse from a CAR+ malignant cell, now and with each remedy",
            description: description + ".", className: "chart remedies", describedBy: tableID)
    }
}
