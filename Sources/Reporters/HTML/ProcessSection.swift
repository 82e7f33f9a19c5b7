import Foundation
import LintKit
import ProcessModel
import ResidualModel

/// One process's part of the report: its header and verdict, the cell-population plot with the step table, the
/// risk figures, the tornado, the remedies, the findings in their source, the assumptions, and the catalogue
/// figures behind λ with their sources. A file that could not be read shows its problems alone.
struct ProcessSection {
    let file: FileReport
    /// A prefix unique in the page (`p3`) for every id in the section: never derived from the file's contents.
    let id: String
    let catalogue: Catalogue
    let rules: [String: RuleDescription]

    var title: String { file.process?.design.name.value ?? file.file }

    var counts: [Severity: Int] {
        file.diagnostics.filter { $0.suppression == nil }.reduce(into: [:]) { $0[$1.severity, default: 0] += 1 }
    }

    var markup: Markup {
        var html = Markup()
        html.element("section", ["class": "process", "id": id, "aria-labelledby": id + "-name"]) { section in
            header(&section)
            if let detail = file.process {
                estimate(&section, detail)
            } else if !file.diagnostics.isEmpty {
                section.element(
                    "p", ["class": "muted"], text: "The file could not be read as a process, so there is no estimate.")
            }
            findings(&section)
            if let detail = file.process {
                assumptions(&section, detail)
                figures(&section, detail)
            }
        }
        return html
    }

    // MARK: - Header and verdict

    private func header(_ html: inout Markup) {
        html.element("h2", ["id": id + "-name"], text: title)
        html.element("p", ["class": "meta"]) { meta in
            meta.element("span", ["class": "location"], text: file.file)
            if let design = file.process?.design {
                meta.text(
                    " · CAR target \(design.product.carTarget.value.name), \(design.product.vector.value.rawValue) vector"
                        + " · indication \(design.indication.value)")
            }
        }
        html.element("p", ["class": "verdict"]) { verdict in
            Self.severityCounts(
                &verdict, counts, unreadable: file.process == nil && file.diagnostics.contains(where: \.isLoadError))
            if let detail = file.process {
                verdict.text(" · ")
                Self.gate(&verdict, detail)
            }
        }
    }

    /// `✖ 2 errors · ▲ 1 warning · ● 0 notes`: each severity by shape and word.
    static func severityCounts(_ html: inout Markup, _ counts: [Severity: Int], unreadable: Bool) {
        let parts: [(Severity, String)] = [(.error, "error"), (.warning, "warning"), (.note, "note")]
        for (index, (severity, word)) in parts.enumerated() {
            if index > 0 { html.text(" · ") }
            let count = counts[severity, default: 0]
            html.element(
                "span", ["class": "severity count \(word)"],
                text: "\(symbol(severity)) \(count) \(word)\(count == 1 ? "" : "s")")
        }
        if unreadable {
            html.element("span", ["class": "severity error"], text: " · the file cannot be read or breaks the format")
        }
    }

    /// The gate figure against its threshold, with the word that says which side it is on.
    static func gate(_ html: inout Markup, _ detail: ProcessDetail) {
        guard let risk = detail.estimate.risk else {
            html.text("no risk estimate: \(detail.estimate.unavailable ?? "the estimate could not be computed")")
            return
        }
        let chance = risk.calibratedProbability.mean
        html.text("P(relapse from a CAR+ malignant cell) \(FigureFormat.chance(chance))")
        guard let threshold = detail.gateThreshold else {
            html.text(" (the gate rule residual-tumour-risk is disabled)")
            return
        }
        let above = chance > threshold
        html.text(" ")
        html.element(
            "span", ["class": above ? "fail" : "pass"],
            text: above
                ? "✖ above the threshold \(FigureFormat.percent(threshold))"
                : "✔ within the threshold \(FigureFormat.percent(threshold))")
    }

    static func symbol(_ severity: Severity) -> String {
        switch severity {
        case .error: "✖"
        case .warning: "▲"
        case .note: "●"
        }
    }

    // MARK: - The estimate

    private func estimate(_ html: inout Markup, _ detail: ProcessDetail) {
        let estimate = detail.estimate
        html.element("h3", text: "Cells through the process")
        html.element("figure") { figure in
            figure.append(
                PopulationChart(id: id + "-plot", design: detail.design, estimate: estimate, tableID: id + "-steps")
                    .markup)
            figure.element(
                "figcaption",
                text: "Central counts of each population after each step (log scale); the band is the 90% "
                    + "interval of malignant cells where the chain of factors is a product of log-normal ones; at the right, λ with its "
                    + "90% interval. Hollow markers sit on the floor of the scale: fewer cells than it shows, or none.")
        }
        stepTable(&html, estimate, detail.design)
        if let risk = estimate.risk {
            riskFigures(&html, risk, detail.design)
        } else if let reason = estimate.unavailable {
            html.element("p", ["class": "muted"], text: "Risk not estimated: \(reason).")
        }
        if let tornado = TornadoChart(id: id + "-tornado", estimate: estimate, tableID: id + "-tornado-table") {
            html.element("h3", text: "What carries the uncertainty of λ")
            html.element("figure") { figure in
                figure.append(tornado.markup)
                figure.element(
                    "figcaption",
                    text: tornado.kind == .figureShares
                        ? "Each figure's share of the variance of log10 λ: what a validation study would narrow."
                        : "λ is not a product of single factors here, so the figures' shares are not separable; each step's effect on λ "
                            + "at central figures instead (right: the step lowers λ).")
            }
            tornadoTable(&html, tornado, estimate)
        }
        if let remedies = RemedyChart(id: id + "-remedies", estimate: estimate, tableID: id + "-remedies-table") {
            html.element("h3", text: "What if")
            html.element("figure") { figure in
                figure.append(remedies.markup)
                figure.element(
                    "figcaption",
                    text: "The chance of a relapse from a CAR+ malignant cell averaged over the uncertainty, "
                        + "now and with each standard remedy (log scale); λ ÷ N is the remedy's effect at central figures."
                )
            }
            html.element("table", ["id": id + "-remedies-table"]) { table in
                table.element("caption", ["class": "muted"], text: "The remedies as a table")
                table.element("thead") {
                    $0.element("tr") { row in
                        row.element("th", text: "remedy")
                        row.element("th", ["class": "number"], text: "now")
                        row.element("th", ["class": "number"], text: "with it")
                        row.element("th", ["class": "number"], text: "λ divided by")
                    }
                }
                table.element("tbody") { body in
                    for row in remedies.rows {
                        body.element("tr") { tr in
                            tr.element("td", text: row.remedy)
                            tr.element("td", ["class": "number"], text: FigureFormat.chance(row.before))
                            tr.element("td", ["class": "number"], text: row.after.map(FigureFormat.chance) ?? "–")
                            tr.element("td", ["class": "number"], text: FigureFormat.count(row.lambdaReduction))
                        }
                    }
                }
            }
        }
    }

    /// The step table as `processlint estimate` prints it, with each step's log reduction of malignant cells.
    private func stepTable(_ html: inout Markup, _ estimate: ResidualEstimate, _ design: ProcessDesign) {
        html.element("table", ["id": id + "-steps", "class": "steps"]) { table in
            table.element("caption", ["class": "muted"], text: "The plot's figures: central counts after each step")
            table.element("thead") {
                $0.element("tr") { row in
                    for (heading, numeric) in [
                        ("step", false), ("operation", false), ("T cells", true), ("malignant", true),
                        ("malignant 90%", true), ("malignant log reduction", true), ("CAR+ malignant", true),
                        ("malignant:T", true),
                    ] {
                        row.element(
                            "th", numeric ? ["class": "number", "scope": "col"] : ["scope": "col"], text: heading)
                    }
                }
            }
            table.element("tbody") { body in
                let start = estimate.startingCounts
                body.element("tr") { row in
                    row.element("th", ["scope": "row"], text: "(start)")
                    row.element("td", text: design.startingMaterial.kind.value.rawValue)
                    row.element("td", ["class": "number"], text: start[.T].map(FigureFormat.count) ?? "–")
                    row.element("td", ["class": "number"], text: start[.malignant].map(FigureFormat.count) ?? "–")
                    for _ in 0..<4 { row.element("td", ["class": "number"], text: "") }
                }
                var before = start[.malignant]
                let notes = Dictionary(
                    design.steps.compactMap { step in step.note.map { (step.id.value, $0.value) } },
                    uniquingKeysWith: { first, _ in first })
                for step in estimate.steps {
                    let malignant = step.counts[.malignant]
                    body.element("tr") { row in
                        row.element("th", ["scope": "row"]) { cell in
                            cell.text(step.stepID)
                            // The file's own note on the step, as the reviewer reads it in the file.
                            if let note = notes[step.stepID] { cell.element("div", ["class": "note"], text: note) }
                        }
                        row.element("td", text: step.kind.rawValue)
                        row.element("td", ["class": "number"], text: step.counts[.T].map(FigureFormat.count) ?? "–")
                        row.element("td", ["class": "number"], text: malignant.map(FigureFormat.count) ?? "–")
                        row.element(
                            "td", ["class": "number"],
                            text: step.malignantInterval.map {
                                "\(FigureFormat.count($0.lowerBound))–\(FigureFormat.count($0.upperBound))"
                            } ?? "–")
                        row.element("td", ["class": "number"], text: Self.logReduction(from: before, to: malignant))
                        row.element(
                            "td", ["class": "number"],
                            text: malignant == nil ? "–" : FigureFormat.count(step.malignantCarrying))
                        row.element(
                            "td", ["class": "number"], text: step.malignantPerTCell.map(FigureFormat.count) ?? "–")
                    }
                    before = malignant
                }
            }
        }
    }

    /// log10(before ÷ after): positive where the step removes malignant cells, negative where they grow.
    static func logReduction(from before: Double?, to after: Double?) -> String {
        guard let before, let after, before > 0 else { return "–" }
        guard after > 0 else { return "all" }
        let value = log10(before / after)
        return abs(value) < 0.005 ? "0" : String(format: "%+.2f", value)
    }

    private func riskFigures(_ html: inout Markup, _ risk: Risk, _ design: ProcessDesign) {
        html.element("h3", text: "Risk")
        let method =
            switch risk.method {
            case .exact: "exact: a product of log-normal factors"
            case .monteCarlo(let draws, let seed): "Monte Carlo: \(draws) draws, seed \(seed)"
            }
        func spread(_ value: Spread) -> String {
            "\(FigureFormat.count(value.median)) (90%: \(FigureFormat.count(value.low))–\(FigureFormat.count(value.high)); mean \(FigureFormat.count(value.mean)))"
        }
        let rows: [(String, String)] = [
            ("λ, CAR+ malignant cells in the dose", spread(risk.lambda)),
            (
                "P(at least one in the dose)",
                FigureFormat.chance(risk.probability.mean) + " averaged over the uncertainty"
            ),
            ("relative risk (λ ÷ λ of the reference cohort)", spread(risk.relativeRisk)),
            (
                "P(relapse from a CAR+ malignant cell)",
                FigureFormat.chance(risk.calibratedProbability.mean)
                    + " (90%: \(FigureFormat.percent(risk.calibratedProbability.low))–\(FigureFormat.percent(risk.calibratedProbability.high)))"
            ),
            (
                "calibration",
                risk.calibrationCohort.map { "on the \($0)" }
                    ?? "no cohort of '\(design.indication.value)' has a record to fit: the reference cohort's rate × the relative risk"
            ),
            ("share of the product infused", FigureFormat.count(risk.doseShare.median)),
            ("method", method + (risk.methodNote.map { " (the exact path does not apply: \($0))" } ?? "")),
        ]
        html.element("dl", ["class": "figures"]) { list in
            for (term, value) in rows {
                list.element("dt", text: term)
                list.element("dd", text: value)
            }
        }
    }

    private func tornadoTable(_ html: inout Markup, _ tornado: TornadoChart, _ estimate: ResidualEstimate) {
        html.element("table", ["id": id + "-tornado-table"]) { table in
            table.element("caption", ["class": "muted"], text: "The same as a table")
            table.element("thead") {
                $0.element("tr") { row in
                    row.element("th", text: tornado.kind == .figureShares ? "figure" : "step")
                    row.element(
                        "th", ["class": "number"], text: tornado.kind == .figureShares ? "share" : "effect on λ (log)")
                    row.element(
                        "th",
                        text: tornado.kind == .figureShares ? "steps that read it; the study that would narrow it" : "")
                }
            }
            table.element("tbody") { body in
                if tornado.kind == .figureShares {
                    for figure in estimate.figures where figure.varianceShare >= 0.005 {
                        body.element("tr") { row in
                            row.element("td", text: figure.figure)
                            row.element(
                                "td", ["class": "number"], text: String(format: "%.0f%%", figure.varianceShare * 100))
                            row.element(
                                "td",
                                text: figure.stepIDs.joined(separator: ", ")
                                    + (figure.narrowedBy.map { "; narrowed by: \($0)" } ?? ""))
                        }
                    }
                } else {
                    for bar in tornado.bars {
                        body.element("tr") { row in
                            row.element("td", text: bar.label)
                            row.element("td", ["class": "number"], text: String(format: "%+.2f", bar.value))
                            row.element("td", text: bar.detail)
                        }
                    }
                }
            }
        }
    }

    // MARK: - Findings

    private func findings(_ html: inout Markup) {
        let shown = file.diagnostics.filter { $0.suppression == nil }
        let suppressed = file.diagnostics.filter { $0.suppression != nil }
        html.element("h3", text: "Findings")
        if shown.isEmpty { html.element("p", ["class": "muted"], text: "None.") }
        if !shown.isEmpty {
            html.element("ol", ["class": "findings"]) { list in
                for diagnostic in shown { finding(&list, diagnostic) }
            }
        }
        if !suppressed.isEmpty {
            html.element("h3", text: "Suppressed findings (kept as an audit trail)")
            html.element("ol", ["class": "findings suppressed"]) { list in
                for diagnostic in suppressed { finding(&list, diagnostic) }
            }
        }
        for failure in file.failedRules {
            html.element(
                "p", ["class": "severity error"],
                text: "✖ rule '\(failure.ruleID ?? "")' did not run: \(failure.message)")
        }
    }

    private func finding(_ html: inout Markup, _ diagnostic: Diagnostic) {
        let word = diagnostic.severity.rawValue
        html.element("li", ["class": word]) { item in
            item.element("p") { line in
                line.element(
                    "span", ["class": "severity \(word)"], text: "\(Self.symbol(diagnostic.severity)) \(word):")
                line.text(" \(diagnostic.message) ")
                if rules[diagnostic.ruleID] != nil {
                    line.element(
                        "a", ["href": "#rule-\(Self.anchor(diagnostic.ruleID))"], text: "[\(diagnostic.ruleID)]")
                } else {
                    line.text("[\(diagnostic.ruleID)]")
                }
                line.text(" ")
                line.element("span", ["class": "location"], text: "\(diagnostic.location)")
            }
            excerpt(&item, diagnostic.location.range)
            if let why = rules[diagnostic.ruleID]?.summary {
                item.element("p", ["class": "why"]) {
                    $0.element("span", ["class": "tag"], text: "why: ")
                    $0.text(why)
                }
            }
            if let fix = diagnostic.fix {
                item.element("p", ["class": "fix"]) {
                    $0.element("span", ["class": "tag"], text: "fix: ")
                    $0.text(fix)
                }
            }
            for related in diagnostic.related {
                item.element("p", ["class": "related"]) {
                    $0.element("span", ["class": "tag"], text: "note: ")
                    $0.text("line \(related.range.start.line): \(related.message)")
                }
            }
            if let reason = diagnostic.suppression {
                item.element("p", ["class": "related"]) {
                    $0.element("span", ["class": "tag"], text: "suppressed: ")
                    $0.text(reason)
                }
            }
        }
    }

    /// The line before, the line itself with a caret under the value, as the text reporter quotes it.
    private func excerpt(_ html: inout Markup, _ range: SourceRange) {
        let number = range.start.line
        guard let line = file.line(number) else { return }
        let width = range.end.line == number ? max(1, range.end.column - range.start.column) : 1
        let gutter = String(number).count
        html.element("pre", ["class": "excerpt"]) { pre in
            if number > 1, let previous = file.line(number - 1) {
                pre.text("\(String(number - 1).leftPadded(to: gutter)) | \(Self.clipped(previous))\n")
            }
            pre.text("\(String(number).leftPadded(to: gutter)) | \(Self.clipped(line))\n")
            let indent = String(repeating: " ", count: gutter + 3 + max(0, range.start.column - 1))
            pre.element(
                "span", ["class": "caret"], text: indent + "^" + String(repeating: "~", count: min(width, 120) - 1))
        }
    }

    /// A line as quoted: tabs as spaces, and at most 200 characters.
    static func clipped(_ line: Substring) -> String {
        let text = line.replacingOccurrences(of: "\t", with: " ")
        return text.count > 200 ? String(text.prefix(199)) + "…" : text
    }

    /// A rule id as a fragment: ids are kebab-case, but a custom rule's id is checked here too.
    static func anchor(_ id: String) -> String {
        String(id.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "-" ? Character($0) : "_" })
    }

    // MARK: - Assumptions and sources

    private func assumptions(_ html: inout Markup, _ detail: ProcessDetail) {
        html.element("h3", text: "Assumed because the file does not say")
        guard !detail.estimate.assumptions.isEmpty else {
            html.element(
                "p", ["class": "muted"], text: "Nothing: the file states every figure the estimate reads from it.")
            return
        }
        html.element("ul", ["class": "assumptions"]) { list in
            for assumption in detail.estimate.assumptions { list.element("li", text: assumption) }
        }
    }

    /// Each catalogue figure that λ depends on, with its value, range, unit and source; then the file's own
    /// measured figures (`performance:`), with the source the file gives.
    private func figures(_ html: inout Markup, _ detail: ProcessDetail) {
        let byPath = Dictionary(
            catalogue.allFigures.map { ($0.path, $0.figure) }, uniquingKeysWith: { first, _ in first })
        let used = detail.estimate.figures.map { entry -> (key: String, path: String, figure: Figure?) in
            let path = entry.figure.components(separatedBy: " (measured").first ?? entry.figure
            return (entry.figure, path, byPath[path])
        }.sorted { $0.key < $1.key }
        html.element("h3", text: "Where the numbers come from")
        if used.isEmpty {
            html.element("p", ["class": "muted"], text: "No catalogue figure carries uncertainty into λ for this file.")
        } else {
            html.element("table", ["class": "sources"]) { table in
                table.element(
                    "caption", ["class": "muted"],
                    text: "Catalogue figures that λ depends on (catalogue version \(catalogue.catalogue))")
                table.element("thead") {
                    $0.element("tr") { row in
                        row.element("th", text: "figure")
                        row.element("th", ["class": "number"], text: "value")
                        row.element("th", ["class": "number"], text: "range")
                        row.element("th", text: "unit")
                        row.element("th", text: "source")
                    }
                }
                table.element("tbody") { body in
                    for entry in used {
                        body.element("tr") { row in
                            row.element("td", text: entry.key)
                            row.element(
                                "td", ["class": "number"],
                                text: entry.figure.map { FigureFormat.plain($0.central) } ?? "–")
                            row.element(
                                "td", ["class": "number"],
                                text: entry.figure.map { figure in
                                    figure.low == nil && figure.high == nil
                                        ? "–"
                                        : "\(figure.low.map(FigureFormat.plain) ?? "–")–\(figure.high.map(FigureFormat.plain) ?? "–")"
                                } ?? "–")
                            row.element("td", text: entry.figure?.unit ?? "")
                            row.element("td", text: entry.figure?.source ?? "")
                        }
                    }
                }
            }
        }
        let overrides = detail.design.steps.compactMap { step in step.performance.map { (step, $0) } }
        guard !overrides.isEmpty else { return }
        html.element("table", ["class": "overrides"]) { table in
            table.element(
                "caption", ["class": "muted"], text: "Figures the file states for its own steps (site overrides)")
            table.element("thead") {
                $0.element("tr") { row in
                    row.element("th", text: "step")
                    row.element("th", text: "figure")
                    row.element("th", ["class": "number"], text: "value")
                    row.element("th", text: "source")
                }
            }
            table.element("tbody") { body in
                for (step, performance) in overrides {
                    for (figure, value) in performance.figures.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                        body.element("tr") { row in
                            row.element("td", text: step.id.value)
                            row.element("td", text: figure.rawValue)
                            row.element("td", ["class": "number"], text: FigureFormat.plain(value.value))
                            row.element("td", text: performance.source.value)
                        }
                    }
                }
            }
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
