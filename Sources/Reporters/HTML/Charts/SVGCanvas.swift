import Foundation

/// The one SVG writer every chart of the report is drawn with: a plot area inside margins, linear and log
/// scales, axes with grid lines, and the marks (lines, bands, bars, point markers, labels). Charts say what
/// to draw; the canvas says how. Colours are never set here: each mark takes a class, and the style sheet
/// (`ReportStyle`) gives it a colour for light, dark and print, so the meaning never rests on colour alone
/// (markers differ in shape, lines in dash).
struct SVGCanvas {
    let width: Double
    let height: Double
    /// The plot area, inside the margins.
    let plot: Rect
    private var body = Markup()

    struct Rect {
        let x: Double, y: Double, width: Double, height: Double
        var right: Double { x + width }
        var bottom: Double { y + height }
    }

    init(width: Double, height: Double, top: Double = 0, right: Double = 0, bottom: Double = 0, left: Double = 0) {
        self.width = width
        self.height = height
        plot = Rect(x: left, y: top, width: width - left - right, height: height - top - bottom)
    }

    /// A mapping from a domain of values to a span of pixels, linear in the value (a log scale maps log10 values).
    struct Scale {
        let domain: ClosedRange<Double>
        /// The pixel of `domain.lowerBound`, then of `domain.upperBound` (a vertical axis runs upwards).
        let from: Double
        let to: Double

        func callAsFunction(_ value: Double) -> Double {
            let span = domain.upperBound - domain.lowerBound
            let clamped = min(max(value, domain.lowerBound), domain.upperBound)
            return span == 0 ? from : from + (clamped - domain.lowerBound) / span * (to - from)
        }

        /// Whole powers of ten from `low` to `high` (exponents), for counts that span many orders of magnitude.
        static func log10(exponents: ClosedRange<Int>, from: Double, to: Double) -> Scale {
            Scale(domain: Double(exponents.lowerBound)...Double(exponents.upperBound), from: from, to: to)
        }
    }

    /// Point markers, told apart by shape where colour is lost (print, greyscale, colour blindness).
    enum Shape: String {
        case circle, square, diamond, triangle, triangleDown, cross, plus
    }

    // MARK: - Axes

    /// Horizontal grid lines with their labels at the left of the plot, one per tick of a vertical scale.
    mutating func horizontalGrid(_ scale: Scale, ticks: [(value: Double, label: String)]) {
        body.element("g", ["class": "grid"]) { group in
            for tick in ticks {
                let y = Self.number(scale(tick.value))
                group.empty(
                    "line", ["x1": Self.number(plot.x), "x2": Self.number(plot.right), "y1": y, "y2": y],
                    selfClosing: true)
                group.element(
                    "text",
                    [
                        "x": Self.number(plot.x - 6), "y": y, "class": "tick", "text-anchor": "end",
                        "dominant-baseline": "middle",
                    ], text: tick.label)
            }
        }
    }

    /// Vertical grid lines with labels below the plot, one per tick of a horizontal scale.
    mutating func verticalGrid(_ scale: Scale, ticks: [(value: Double, label: String)]) {
        body.element("g", ["class": "grid"]) { group in
            for tick in ticks {
                let x = Self.number(scale(tick.value))
                group.empty(
                    "line", ["x1": x, "x2": x, "y1": Self.number(plot.y), "y2": Self.number(plot.bottom)],
                    selfClosing: true)
                group.element(
                    "text", ["x": x, "y": Self.number(plot.bottom + 14), "class": "tick", "text-anchor": "middle"],
                    text: tick.label)
            }
        }
    }

    /// Category labels under the plot at `positions`, each with a second, quieter line (a step's id above its
    /// operation), turned so that long ids do not overlap.
    mutating func categoryLabels(_ labels: [(label: String, detail: String)], at positions: [Double]) {
        body.element("g", ["class": "categories"]) { group in
            for (label, x) in zip(labels, positions) {
                let transform = "rotate(-35 \(Self.number(x)) \(Self.number(plot.bottom + 12)))"
                group.element(
                    "text",
                    [
                        "x": Self.number(x), "y": Self.number(plot.bottom + 12), "text-anchor": "end",
                        "transform": transform,
                    ]
                ) { text in
                    text.element("tspan", ["class": "category"], text: label.label)
                    // The operation under the id, unless the id says it already.
                    if label.detail != label.label {
                        text.element("tspan", ["class": "detail", "x": Self.number(x), "dy": "12"], text: label.detail)
                    }
                }
            }
        }
    }

    /// A title along the left edge for the vertical axis.
    mutating func verticalAxisTitle(_ title: String) {
        let (x, y) = (12.0, plot.y + plot.height / 2)
        body.element(
            "text",
            [
                "class": "axis-title", "x": Self.number(x), "y": Self.number(y), "text-anchor": "middle",
                "transform": "rotate(-90 \(Self.number(x)) \(Self.number(y)))",
            ], text: title)
    }

    // MARK: - Marks

    /// A polyline through the points, in the style of `className`.
    mutating func line(_ points: [(x: Double, y: Double)], className: String) {
        guard points.count > 1 else { return }
        body.empty("polyline", ["class": className, "fill": "none", "points": Self.points(points)], selfClosing: true)
    }

    /// The area between an upper and a lower line over the same x positions: an interval band.
    mutating func band(upper: [(x: Double, y: Double)], lower: [(x: Double, y: Double)], className: String) {
        guard upper.count > 1, upper.count == lower.count else { return }
        body.empty("polygon", ["class": className, "points": Self.points(upper + lower.reversed())], selfClosing: true)
    }

    /// A point marker with a tooltip, and attributes that name what it stands for (tests count them).
    mutating func marker(
        _ shape: Shape, x: Double, y: Double, className: String, tooltip: String,
        data: [(name: StaticString, value: String)] = []
    ) {
        let size = 4.0
        let path: String
        switch shape {
        case .circle:
            path =
                "M\(Self.number(x - size)) \(Self.number(y))a\(Self.number(size)) \(Self.number(size)) 0 1 0 \(Self.number(2 * size)) 0"
                + "a\(Self.number(size)) \(Self.number(size)) 0 1 0 \(Self.number(-2 * size)) 0z"
        case .square:
            path =
                "M\(Self.number(x - size)) \(Self.number(y - size))h\(Self.number(2 * size))v\(Self.number(2 * size))h\(Self.number(-2 * size))z"
        case .diamond:
            let d = size * 1.3
            path =
                "M\(Self.number(x)) \(Self.number(y - d))L\(Self.number(x + d)) \(Self.number(y))L\(Self.number(x)) \(Self.number(y + d))"
                + "L\(Self.number(x - d)) \(Self.number(y))z"
        case .triangle:
            let d = size * 1.25
            path =
                "M\(Self.number(x)) \(Self.number(y - d))L\(Self.number(x + d)) \(Self.number(y + d * 0.8))"
                + "L\(Self.number(x - d)) \(Self.number(y + d * 0.8))z"
        case .triangleDown:
            let d = size * 1.25
            path =
                "M\(Self.number(x)) \(Self.number(y + d))L\(Self.number(x + d)) \(Self.number(y - d * 0.8))"
                + "L\(Self.number(x - d)) \(Self.number(y - d * 0.8))z"
        case .plus:
            let d = size * 1.1
            path =
                "M\(Self.number(x - d)) \(Self.number(y))H\(Self.number(x + d))M\(Self.number(x)) \(Self.number(y - d))V\(Self.number(y + d))"
        case .cross:
            let d = size * 0.9
            path =
                "M\(Self.number(x - d)) \(Self.number(y - d))L\(Self.number(x + d)) \(Self.number(y + d))"
                + "M\(Self.number(x + d)) \(Self.number(y - d))L\(Self.number(x - d)) \(Self.number(y + d))"
        }
        var attributes: [(name: StaticString, value: String)] = [("class", "marker \(className)"), ("d", path)]
        attributes += data
        body.element("path", attributes: attributes) { $0.element("title", text: tooltip) }
    }

    /// A rectangle, with a tooltip when given.
    mutating func bar(x: Double, y: Double, width: Double, height: Double, className: String, tooltip: String? = nil) {
        let attributes: [(name: StaticString, value: String)] = [
            ("class", className), ("x", Self.number(x)), ("y", Self.number(y)),
            ("width", Self.number(max(0, width))), ("height", Self.number(max(0, height))),
        ]
        if let tooltip {
            body.element("rect", attributes: attributes) { $0.element("title", text: tooltip) }
        } else {
            body.empty("rect", attributes: attributes, selfClosing: true)
        }
    }

    /// A vertical whisker from `low` to `high` at `x`, with caps: an interval at one point.
    mutating func whisker(x: Double, low: Double, high: Double, className: String) {
        let path =
            "M\(Self.number(x)) \(Self.number(low))V\(Self.number(high))M\(Self.number(x - 5)) \(Self.number(low))h10"
            + "M\(Self.number(x - 5)) \(Self.number(high))h10"
        body.empty("path", ["class": className, "d": path, "fill": "none"], selfClosing: true)
    }

    /// A straight line between two points.
    mutating func rule(from start: (x: Double, y: Double), to end: (x: Double, y: Double), className: String) {
        body.empty(
            "line",
            [
                "class": className, "x1": Self.number(start.x), "y1": Self.number(start.y),
                "x2": Self.number(end.x), "y2": Self.number(end.y),
            ], selfClosing: true)
    }

    /// A text label; `anchor` is start, middle or end.
    mutating func label(_ text: String, x: Double, y: Double, anchor: String = "start", className: String = "label") {
        body.element(
            "text",
            [
                "class": className, "x": Self.number(x), "y": Self.number(y), "text-anchor": anchor,
                "dominant-baseline": "middle",
            ], text: text)
    }

    // MARK: - The drawing

    /// The finished `<svg>`: scalable to its container, an image to assistive technology, named by its title
    /// and described by `description` (and, where the chart has one, by the table beside it: `describedBy`).
    func svg(id: String, title: String, description: String, className: String, describedBy: String? = nil) -> Markup {
        var svg = Markup()
        let described = ([id + "-desc"] + (describedBy.map { [$0] } ?? [])).joined(separator: " ")
        svg.element(
            "svg",
            [
                "xmlns": "http://www.w3.org/2000/svg", "class": className, "id": id, "role": "img",
                "viewBox": "0 0 \(Self.number(width)) \(Self.number(height))",
                "aria-labelledby": id + "-title", "aria-describedby": described,
            ]
        ) { svg in
            svg.element("title", ["id": id + "-title"], text: title)
            svg.element("desc", ["id": id + "-desc"], text: description)
            svg.append(body)
        }
        return svg
    }

    // MARK: - Numbers

    /// A coordinate to one decimal, without a trailing `.0`: short, and the same on every platform.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    private static func points(_ points: [(x: Double, y: Double)]) -> String {
        points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
    }
}
