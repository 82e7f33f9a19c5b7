import Foundation
import LintKit
import ProcessModel
import ResidualModel

/// `processlint diff --format html`: per process that changed, both versions' cell populations on one plot
/// (the base dashed and paler), how its risk moved and why, and the findings the change introduced and fixed;
/// a failed gate is named at the top. Processes with nothing new, fixed or moved are only counted, as in text.
public enum DiffHTML {
    /// - Parameters:
    ///   - details: each version's design and estimate, by file path (the base's files and the head's).
    ///   - displayed: how to show a file path (the base version's files live in a temporary folder).
    public static func render(
        _ comparison: FindingComparison, base: String, details: [String: ProcessDetail],
        gateFailures: [DiffGate.Failure], displayed: (String) -> String, version: String,
        generated: String? = nil
    ) -> String {
        let changed = comparison.processes.filter { process in
            !process.new.isEmpty || !process.fixed.isEmpty || !process.unverified.isEmpty || process.risk.moved
                || process.baseIdentity != nil
        }
        return Markup.page(title: "ProcessLint diff against \(base)", version: version) { body in
            body.element("header") { header in
                header.element("h1", text: "ProcessLint diff against \(base)")
                header.element(
                    "p", ["class": "verdict"],
                    text: "\(comparison.new.count) new, \(comparison.fixed.count) fixed, "
                        + (comparison.unverified.isEmpty
                            ? "" : "\(comparison.unverified.count) no longer checkable, ")
                        + "\(comparison.unchanged.count) unchanged finding\(comparison.unchanged.count == 1 ? "" : "s") in "
                        + "\(comparison.processes.count) process\(comparison.processes.count == 1 ? "" : "es"); "
                        + "λ rose in \(comparison.riskIncreases) of them.")
                for failure in gateFailures {
                    header.element("p", ["class": "severity error"], text: "✖ gate failed: \(failure)")
                }
                header.element(
                    "p", ["class": "meta"],
                    text: "Made by processlint \(version)" + (generated.map { " on \($0)" } ?? "") + ".")
            }
            body.element("main") { main in
                if changed.isEmpty { main.element("p", text: "No process changed its findings or its risk.") }
                for (index, process) in changed.enumerated() {
                    section(&main, process, id: "d\(index + 1)", details: details, displayed: displayed)
                }
            }
        }
    }

    private static func section(
        _ html: inout Markup, _ process: FindingComparison.Process, id: String,
        details: [String: ProcessDetail], displayed: (String) -> String
    ) {
        html.element("section", ["class": "diff", "id": id, "aria-labelledby": id + "-name"]) { section in
            section.element("h2", ["id": id + "-name"], text: process.identity)
            let file = (process.head ?? process.base).map { displayed($0.file) } ?? ""
            let state =
                process.head == nil
                ? "removed"
                : process.base == nil
                    ? "new"
                    : process.baseIdentity.map { "was '\($0)'" } ?? "changed"
            section.element("p", ["class": "meta"]) { meta in
                meta.element("span", ["class": "location"], text: file)
                meta.text(" · \(state)")
            }
            if process.risk.before != nil || process.risk.after != nil {
                section.element("p", ["class": "verdict"]) { verdict in
                    let rose = (process.risk.factor ?? 1) > 1
                    verdict.element(
                        "span", ["class": rose ? "fail" : "pass"], text: rose ? "▲ risk rose: " : "▼ risk: ")
                    verdict.text(process.risk.summary)
                }
            }
            let baseDetail = process.base.flatMap { details[$0.file] }
            let headDetail = process.head.flatMap { details[$0.file] }
            if let chart = chart(id: id + "-plot", identity: process.identity, base: baseDetail, head: headDetail) {
                section.element("figure") { figure in
                    figure.append(chart.markup)
                    figure.element(
                        "figcaption",
                        text: "Both versions on one plot: the base dashed and paler, the change solid; steps "
                            + "only one version has are placed where they stand in it. Markers carry each version's counts."
                    )
                }
            }
            list(&section, "New findings", process.new, displayed: displayed, className: "added")
            list(&section, "Fixed findings", process.fixed, displayed: displayed, className: "removed")
            list(
                &section, "No longer checkable (no estimate now)", process.unverified, displayed: displayed,
                className: "")
        }
    }

    private static func list(
        _ html: inout Markup, _ title: String, _ diagnostics: [Diagnostic], displayed: (String) -> String,
        className: String
    ) {
        guard !diagnostics.isEmpty else { return }
        html.element("h3", ["class": className], text: "\(title) (\(diagnostics.count))")
        html.element("ol", ["class": "findings"]) { list in
            for diagnostic in diagnostics {
                let word = diagnostic.severity.rawValue
                list.element("li", ["class": word]) { item in
                    item.element("p") { line in
                        line.element(
                            "span", ["class": "severity \(word)"],
                            text: "\(ProcessSection.symbol(diagnostic.severity)) \(word):")
                        line.text(" \(diagnostic.message) [\(diagnostic.ruleID)] ")
                        let start = diagnostic.location.range.start
                        line.element(
                            "span", ["class": "location"],
                            text: "\(displayed(diagnostic.location.file)):\(start.line):\(start.column)")
                    }
                    if let fix = diagnostic.fix {
                        item.element("p", ["class": "fix"]) {
                            $0.element("span", ["class": "tag"], text: "fix: ")
                            $0.text(fix)
                        }
                    }
                }
            }
        }
    }

    /// The two versions on shared columns: the head's steps in order, each step only the base has placed after
    /// the step before it there.
    static func chart(id: String, identity: String, base: ProcessDetail?, head: ProcessDetail?) -> PopulationChart? {
        guard base != nil || head != nil else { return nil }
        let baseSteps = base.map { $0.estimate.steps.map { ($0.stepID, $0.kind.rawValue) } } ?? []
        let headSteps = head.map { $0.estimate.steps.map { ($0.stepID, $0.kind.rawValue) } } ?? []
        var columns: [(label: String, detail: String)] = [("start", "")] + headSteps.map { (label: $0.0, detail: $0.1) }
        var previous = 0
        for step in baseSteps {
            if let found = columns.firstIndex(where: { $0.label == step.0 }) {
                previous = found
            } else {
                columns.insert((step.0, step.1), at: previous + 1)
                previous += 1
            }
        }
        func positions(_ steps: [(String, String)]) -> [Int] {
            [0] + steps.map { step in columns.firstIndex { $0.label == step.0 } ?? 0 }
        }
        var series: [PopulationChart.Series] = []
        if let base {
            series.append(.init(base.estimate, version: "before", columns: positions(baseSteps), isBase: true))
        }
        if let head {
            series.append(.init(head.estimate, version: "after", columns: positions(headSteps), isBase: false))
        }
        return PopulationChart(
            id: id, title: "Cells of each population through the steps of \(identity), before and after",
            columns: columns, series: series, tableID: nil)
    }
}
