import Foundation
import LintKit
import ProcessModel
import ResidualModel

/// The cell-population plot: log10 cells of each population from the starting material through every step,
/// the 90% band of the malignant cells, and λ (CAR-carrying malignant cells in the dose) with its interval.
/// One or more versions of a process share the axes (`processlint diff` overlays the base on the head).
struct PopulationChart {
    /// One version's populations by column (the start, then each step).
    struct Series {
        /// How the version is named in the legend and tooltips: empty for a single process.
        let version: String
        /// Column positions this version has a value at: for a lone process every column, for a diff the
        /// columns of the steps this version has.
        let columns: [Int]
        let counts: [[Population: Double]]
        let carrying: [Double]
        let intervals: [ClosedRange<Double>?]
        let lambda: Spread?
        /// The quieter style: the base version of a diff.
        let isBase: Bool
    }

    /// The populations drawn, in drawing order: the quieter ones under the three that matter.
    enum Line: CaseIterable {
        case B, NK, monocyte, granulocyte, T, malignant, carrying

        var key: String {
            switch self {
            case .carrying: "car-malignant"
            case .B: "B"
            case .NK: "NK"
            case .monocyte: "monocyte"
            case .granulocyte: "granulocyte"
            case .T: "T"
            case .malignant: "malignant"
            }
        }

        var name: String {
            switch self {
            case .carrying: "CAR+ malignant"
            case .T: "T cells"
            case .B: "B cells"
            case .NK: "NK cells"
            case .malignant: "malignant cells"
            case .monocyte: "monocytes"
            case .granulocyte: "granulocytes"
            }
        }

        var population: Population? {
            switch self {
            case .carrying: nil
            case .B: .B
            case .NK: .NK
            case .monocyte: .monocyte
            case .granulocyte: .granulocyte
            case .T: .T
            case .malignant: .malignant
            }
        }

        var shape: SVGCanvas.Shape {
            switch self {
            case .T: .circle
            case .malignant: .square
            case .carrying: .diamond
            case .B: .triangle
            case .NK: .triangleDown
            case .monocyte: .plus
            case .granulocyte: .cross
            }
        }

        var isQuiet: Bool { ![.T, .malignant, .carrying].contains(self) }
    }

    let id: String
    let title: String
    /// The column labels: `start`, then each step's id over its operation.
    let columns: [(label: String, detail: String)]
    let series: [Series]
    /// The id of the table that holds the same figures, for assistive technology.
    let tableID: String?

    /// The chart of one process's estimate.
    init(id: String, design: ProcessDesign, estimate: ResidualEstimate, tableID: String?) {
        self.id = id
        self.tableID = tableID
        title = "Cells of each population through the steps of \(design.name.value)"
        columns =
            [("start", design.startingMaterial.kind.value.rawValue)]
            + estimate.steps.map { ($0.stepID, $0.kind.rawValue) }
        series = [Series(estimate, version: "", columns: Array(0...estimate.steps.count), isBase: false)]
    }

    init(id: String, title: String, columns: [(label: String, detail: String)], series: [Series], tableID: String?) {
        self.id = id
        self.title = title
        self.columns = columns
        self.series = series
        self.tableID = tableID
    }

    var markup: Markup {
        let drawn = Line.allCases.filter { line in series.contains { $0.has(line) } }
        // Whole powers of ten around every value drawn; nothing below 10^-6 cells matters to λ's chance.
        var logs: [Double] = []
        for version in series {
            for line in drawn { logs += version.values(line).filter { $0 > 0 }.map(log10) }
            logs += version.intervals.compactMap { $0 }.flatMap {
                [log10(max($0.lowerBound, 1e-300)), log10($0.upperBound)]
            }
            if let lambda = version.lambda, lambda.high > 0 {
                logs += [log10(max(lambda.low, 1e-300)), log10(lambda.high)]
            }
        }
        // A population of none (a healthy donor's malignant cells) has no place on a log scale, nor does an overflow.
        logs.removeAll { !$0.isFinite }
        let top = Int((logs.max() ?? 1).rounded(.up)) + (logs.max().map { $0 == $0.rounded(.up) } ?? false ? 1 : 0)
        let floor = max(-6, min(top - 1, Int((logs.min() ?? 0).rounded(.down))))
        let hasDoseColumn = series.contains { $0.lambda != nil }

        var canvas = SVGCanvas(
            width: 860, height: series.count > 1 ? 436 : 420, top: series.count > 1 ? 52 : 36, right: 130,
            bottom: 112, left: 64)
        let count = columns.count + (hasDoseColumn ? 1 : 0)
        let step = canvas.plot.width / Double(max(1, count - 1))
        let x = { (column: Int) in canvas.plot.x + Double(column) * step }
        let y = SVGCanvas.Scale.log10(
            exponents: floor...max(top, floor + 1), from: canvas.plot.bottom, to: canvas.plot.y)
        let every = max(1, (top - floor) / 8)
        let ticks = stride(from: floor, through: top, by: every).map { exponent in
            (value: Double(exponent), label: exponent == floor && floor > -6 ? "≤1e\(exponent)" : "1e\(exponent)")
        }
        canvas.horizontalGrid(y, ticks: ticks)
        canvas.verticalAxisTitle("cells (log scale)")
        canvas.categoryLabels(columns + (hasDoseColumn ? [("dose", "λ, 90%")] : []), at: (0..<count).map(x))
        let position = { (value: Double) in value > 0 ? y(log10(value)) : y(Double(floor)) }

        for version in series {
            // The malignant cells' 90% band, over the columns where the chain is a product of log-normal factors.
            if drawn.contains(.malignant) {
                let runs = version.intervalRuns()
                for run in runs {
                    canvas.band(
                        upper: run.map { (x(version.columns[$0.column]), position($0.interval.upperBound)) },
                        lower: run.map { (x(version.columns[$0.column]), position($0.interval.lowerBound)) },
                        className: "band" + (version.isBase ? " base" : ""))
                }
            }
            for line in drawn where version.has(line) {
                let values = version.values(line)
                let points = zip(version.columns, values).map { (x: x($0), y: position($1)) }
                // A line only between points above the floor: a segment from "none" would draw cells that are not there.
                let style = "series \(line.key)" + (line.isQuiet ? " quiet" : "") + (version.isBase ? " base" : "")
                var run: [(x: Double, y: Double)] = []
                for (point, value) in zip(points, values) {
                    if value > 0 && log10(value) >= Double(floor) {
                        run.append(point)
                    } else {
                        canvas.line(run, className: style)
                        run = []
                    }
                }
                canvas.line(run, className: style)
                for ((column, value), point) in zip(zip(version.columns, values), points) {
                    let label = columns[column].label
                    let prefix = version.version.isEmpty ? "" : "\(version.version): "
                    canvas.marker(
                        line.shape, x: point.x, y: point.y,
                        className: line.key + (line.isQuiet ? " quiet" : "") + (version.isBase ? " base" : "")
                            + (value > 0 && log10(value) >= Double(floor) ? "" : " floor"),
                        tooltip:
                            "\(prefix)\(line.name) after \(label): \(value > 0 ? FigureFormat.count(value) : "none")",
                        data: [
                            ("data-population", line.key), ("data-step", label),
                            ("data-version", version.isBase ? "base" : "head"),
                        ])
                }
            }
            if let lambda = version.lambda, hasDoseColumn {
                let doseX = x(columns.count) + (version.isBase ? -8 : 0)
                canvas.whisker(
                    x: doseX, low: position(lambda.low), high: position(lambda.high),
                    className: "whisker" + (version.isBase ? " base" : ""))
                canvas.marker(
                    .diamond, x: doseX, y: position(lambda.median),
                    className: "lambda" + (version.isBase ? " base" : ""),
                    tooltip: (version.version.isEmpty ? "" : "\(version.version): ")
                        + "λ, CAR+ malignant cells in the dose: \(FigureFormat.count(lambda.median)) "
                        + "(90%: \(FigureFormat.count(lambda.low))–\(FigureFormat.count(lambda.high)))",
                    data: [("data-lambda", FigureFormat.count(lambda.median))])
            }
        }
        // Direct labels at the end of the lines that matter, so the legend is not the only key.
        if let last = series.last {
            var used: [Double] = []
            for line in drawn.reversed() where !line.isQuiet && last.has(line) {
                guard let value = last.values(line).last else { continue }
                var labelY = position(value)
                while used.contains(where: { abs($0 - labelY) < 12 }) { labelY += 12 }
                used.append(labelY)
                canvas.label(
                    line.name, x: canvas.plot.right + (hasDoseColumn ? 14 : 8), y: labelY,
                    className: "label \(line.key)")
            }
        }
        legend(&canvas, drawn)
        return canvas.svg(
            id: id, title: title, description: description(drawn), className: "chart population", describedBy: tableID)
    }

    private func legend(_ canvas: inout SVGCanvas, _ drawn: [Line]) {
        var x = canvas.plot.x
        for line in drawn.reversed() {
            canvas.marker(
                line.shape, x: x + 4, y: 14, className: line.key + (line.isQuiet ? " quiet" : "") + " key",
                tooltip: line.name)
            canvas.label(line.name, x: x + 12, y: 14, className: "legend")
            x += 22 + Double(line.name.count) * 6.2
        }
        canvas.bar(x: x, y: 8, width: 16, height: 12, className: "band")
        canvas.label("malignant, 90% interval", x: x + 20, y: 14, className: "legend")
        if series.count > 1 {
            let x = canvas.plot.x
            canvas.rule(from: (x, 32), to: (x + 20, 32), className: "series malignant base")
            canvas.label("\(series[0].version) (dashed, paler)", x: x + 24, y: 32, className: "legend")
            canvas.rule(from: (x + 170, 32), to: (x + 190, 32), className: "series malignant")
            canvas.label("\(series[series.count - 1].version) (solid)", x: x + 194, y: 32, className: "legend")
        }
    }

    private func description(_ drawn: [Line]) -> String {
        var parts = ["Log10 cells of \(drawn.map(\.name).joined(separator: ", ")) at the start and after each step"]
        if let version = series.last, let start = version.values(.malignant).first,
            let end = version.values(.malignant).last,
            drawn.contains(.malignant)
        {
            parts.append("malignant cells go from \(FigureFormat.count(start)) to \(FigureFormat.count(end))")
        }
        if let lambda = series.last?.lambda {
            parts.append(
                "λ, the CAR-carrying malignant cells expected in the dose, is \(FigureFormat.count(lambda.median)) "
                    + "(90%: \(FigureFormat.count(lambda.low)) to \(FigureFormat.count(lambda.high)))")
        }
        return parts.joined(separator: "; ") + ". The table below gives every figure."
    }
}

extension PopulationChart.Series {
    /// A version's series from its estimate: the starting counts, then each step's.
    init(_ estimate: ResidualEstimate, version: String, columns: [Int], isBase: Bool) {
        self.init(
            version: version, columns: columns,
            counts: [estimate.startingCounts] + estimate.steps.map(\.counts),
            carrying: [0] + estimate.steps.map(\.malignantCarrying),
            intervals: [estimate.startingCounts[.malignant].map { $0...$0 }] + estimate.steps.map(\.malignantInterval),
            lambda: estimate.risk?.lambda, isBase: isBase)
    }

    func has(_ line: PopulationChart.Line) -> Bool {
        switch line.population {
        case .some(let population): counts.first?[population] != nil
        case .none: counts.first?[.malignant] != nil
        }
    }

    /// The line's value at each of the version's columns (0 where a population has no count).
    func values(_ line: PopulationChart.Line) -> [Double] {
        switch line.population {
        case .some(let population): counts.map { $0[population] ?? 0 }
        case .none: carrying
        }
    }

    /// Runs of consecutive columns that have an interval.
    func intervalRuns() -> [[(column: Int, interval: ClosedRange<Double>)]] {
        var runs: [[(column: Int, interval: ClosedRange<Double>)]] = [[]]
        for (index, interval) in intervals.enumerated() {
            if let interval {
                runs[runs.count - 1].append((index, interval))
            } else if !runs[runs.count - 1].isEmpty {
                runs.append([])
            }
        }
        return runs.filter { $0.count > 1 }
    }
}
