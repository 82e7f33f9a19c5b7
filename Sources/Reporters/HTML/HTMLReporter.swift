import Foundation
import LintKit
import ProcessModel
import ResidualModel

/// The HTML report (`processlint report`, `lint --format html`): one self-contained page with a summary of every
/// process (sorted by risk, each with a sparkline), then each process in full (`ProcessSection`), then the rules
/// its findings cite. No script, font or image is fetched: the page reads the same from a CI artifact years later.
///
/// The page is written once every file is in, since the summary at its top is sorted by risk.
public struct HTMLReporter: Reporter {
    private let rules: [String: RuleDescription]
    private let catalogue: Catalogue
    private let version: String
    /// When the report was made, as the page states it; `nil` leaves it out (tests, reproducible builds).
    private let generated: String?
    private var files: [FileReport] = []

    public init(rules: [RuleDescription], catalogue: Catalogue, version: String, generated: String? = nil) {
        self.rules = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.catalogue = catalogue
        self.version = version
        self.generated = generated
    }

    public mutating func report(_ file: FileReport) -> String {
        files.append(file)
        return ""
    }

    public mutating func finish(_ run: RunSummary) -> String {
        let sections = files.enumerated().map {
            ProcessSection(file: $1, id: "p\($0 + 1)", catalogue: catalogue, rules: rules)
        }
        return Markup.page(title: Self.title(sections), version: version) { body in
            body.element("header") { header in
                header.element("h1", text: Self.title(sections))
                header.element(
                    "p", ["class": "meta"],
                    text: "\(run.files) file\(run.files == 1 ? "" : "s") checked by processlint \(version)"
                        + (generated.map { " on \($0)" } ?? "")
                        + ". λ is the expected number of malignant cells carrying the CAR in the dose; "
                        + "every figure behind it is listed with its source under its process.")
                for failure in run.failures {
                    header.element(
                        "p", ["class": "severity error"], text: "✖ \(failure.location): \(failure.message)")
                }
            }
            body.element("main") { main in
                if sections.count > 1 { summary(&main, sections) }
                for section in sections { main.append(section.markup) }
                if sections.isEmpty { main.element("p", text: "No process files were checked.") }
            }
            citedRules(&body)
        }
    }

    private static func title(_ sections: [ProcessSection]) -> String {
        sections.count == 1
            ? "ProcessLint report: \(sections[0].title)" : "ProcessLint report: \(sections.count) processes"
    }

    /// One row per process, highest gate figure first (unestimated ones last, by file), linked to its section.
    private func summary(_ html: inout Markup, _ sections: [ProcessSection]) {
        let sorted = sections.sorted { lhs, rhs in
            let (left, right) = (
                lhs.file.process?.estimate.risk?.calibratedProbability.mean ?? -1,
                rhs.file.process?.estimate.risk?.calibratedProbability.mean ?? -1
            )
            return left != right ? left > right : lhs.file.file < rhs.file.file
        }
        html.element("section", ["class": "summary", "aria-labelledby": "summary-title"]) { section in
            section.element("h2", ["id": "summary-title"], text: "Summary, by risk")
            section.element("table", ["class": "summary"]) { table in
                table.element("thead") {
                    $0.element("tr") { row in
                        row.element("th", ["scope": "col"], text: "process")
                        row.element(
                            "th", ["scope": "col", "class": "number"], text: "P(relapse from a CAR+ malignant cell)")
                        row.element("th", ["scope": "col", "class": "number"], text: "gate")
                        row.element("th", ["scope": "col"], text: "findings")
                        row.element("th", ["scope": "col"], text: "malignant cells by step")
                    }
                }
                table.element("tbody") { body in
                    for section in sorted {
                        body.element("tr") { row in
                            row.element("th", ["scope": "row"]) { cell in
                                cell.element("a", ["href": "#\(section.id)"], text: section.title)
                                cell.element("div", ["class": "location"], text: section.file.file)
                            }
                            let risk = section.file.process?.estimate.risk
                            row.element(
                                "td", ["class": "number"],
                                text: risk.map { FigureFormat.chance($0.calibratedProbability.mean) } ?? "–")
                            row.element("td", ["class": "number"]) { cell in
                                if let risk, let threshold = section.file.process?.gateThreshold {
                                    let above = risk.calibratedProbability.mean > threshold
                                    cell.element(
                                        "span", ["class": above ? "severity error" : "severity pass"],
                                        text: above
                                            ? "✖ above \(FigureFormat.percent(threshold))"
                                            : "✔ within \(FigureFormat.percent(threshold))")
                                } else {
                                    cell.text("–")
                                }
                            }
                            row.element("td") { cell in
                                ProcessSection.severityCounts(
                                    &cell, section.counts,
                                    unreadable: section.file.diagnostics.contains(where: \.isLoadError))
                            }
                            row.element("td") { cell in
                                if let detail = section.file.process,
                                    let sparkline = Sparkline(
                                        id: section.id + "-spark", name: section.title, estimate: detail.estimate)
                                {
                                    cell.append(sparkline.markup)
                                } else {
                                    cell.text("–")
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Every rule a finding cites, with its rationale and references: the page explains itself without a link.
    private func citedRules(_ html: inout Markup) {
        let cited = Set(files.flatMap { $0.diagnostics.map(\.ruleID) }).compactMap { rules[$0] }.sorted {
            $0.id < $1.id
        }
        guard !cited.isEmpty else { return }
        html.element("section", ["class": "rules", "aria-labelledby": "rules-title"]) { section in
            section.element("h2", ["id": "rules-title"], text: "Rules cited")
            for rule in cited {
                section.element(
                    "h3", ["id": "rule-\(ProcessSection.anchor(rule.id))"], text: "\(rule.id): \(rule.title)")
                section.element("p", text: "Default severity: \(rule.defaultSeverity.rawValue). \(rule.rationale)")
                if !rule.references.isEmpty {
                    section.element("ul") { list in
                        for reference in rule.references { list.element("li", text: reference) }
                    }
                }
            }
        }
    }
}
