import Foundation
import LintKit
import ProcessModel
import ResidualModel

/// The estimate as text for reading in a terminal: the step table, the risk, what moves it, and remedies.
public struct EstimateTable {
    public let design: ProcessDesign
    public let estimate: ResidualEstimate

    public init(design: ProcessDesign, estimate: ResidualEstimate) {
        self.design = design
        self.estimate = estimate
    }

    public var text: String {
        var lines = ["\(design.file): \(design.name.value)", ""]
        lines += stepTable()
        lines.append("")
        if let risk = estimate.risk {
            lines += riskLines(risk)
            lines += doseMalignancyLines()
        } else if let reason = estimate.unavailable {
            lines.append("risk: not estimated: \(reason)")
        }
        if !estimate.alternatives.isEmpty {
            lines += alternativeLines()
        }
        if !estimate.figures.isEmpty {
            lines += [
                "", "figures by their share of the uncertainty of log10 λ (what a validation study would narrow):",
            ]
            let width = min(48, estimate.figures.map(\.figure.count).max() ?? 0)
            for entry in estimate.figures where entry.varianceShare >= 0.01 {
                let share = String(format: "%3.0f%%", entry.varianceShare * 100)
                lines.append(
                    "  \(share)  \(entry.figure.padding(to: width))  steps: \(entry.stepIDs.joined(separator: ", "))")
                if let study = entry.narrowedBy { lines.append("        narrowed by: \(study)") }
            }
        }
        if !estimate.sensitivity.isEmpty {
            lines += ["", "steps by their effect on λ (central figures):"]
            // Steps that change T and malignant cells alike (washes, freezing) cancel out of λ; the JSON lists them.
            for entry in estimate.sensitivity where abs(entry.log10Reduction) >= 0.01 {
                let direction = entry.log10Reduction >= 0 ? "lowers" : "raises"
                let share =
                    entry.varianceShare.map { String(format: ", its figures %.0f%% of the uncertainty", $0 * 100) }
                    ?? ""
                lines.append(
                    "  \(entry.stepID.padding(to: 24)) \(direction) λ by \(String(format: "%.2f", abs(entry.log10Reduction))) log\(share)"
                )
            }
        }
        if let risk = estimate.risk, !estimate.remedies.isEmpty {
            lines += [
                "",
                "what if (P of a relapse from a CAR+ malignant cell, averaged over the uncertainty; λ at central figures):",
            ]
            for remedy in estimate.remedies {
                let after = remedy.risk.map { FigureFormat.chance($0.calibratedProbability.mean) } ?? "-"
                lines.append(
                    "  \(remedy.description): \(FigureFormat.chance(risk.calibratedProbability.mean)) → "
                        + "\(after) (λ ÷ \(FigureFormat.count(remedy.lambdaReduction)))")
            }
        }
        if !estimate.assumptions.isEmpty {
            lines += ["", "assumed because the file does not say:"] + estimate.assumptions.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// Each combination of the undecided steps' choices, with λ and the gate figure, and the bracket they span.
    private func alternativeLines() -> [String] {
        let alternatives = estimate.alternatives
        var lines = [
            "",
            "design alternatives (steps whose chemistry is not public or not chosen; the table above is the stated one):",
        ]
        let width = min(64, alternatives.map(\.label.count).max() ?? 0)
        let worst = alternatives.worst?.label
        for alternative in alternatives {
            let risk = alternative.risk
            lines.append(
                "  \(alternative.label.padding(to: width))  λ \(FigureFormat.count(risk.lambda.median)) "
                    + "(90%: \(FigureFormat.count(risk.lambda.low))–\(FigureFormat.count(risk.lambda.high))), "
                    + "P(relapse) \(FigureFormat.chance(risk.calibratedProbability.mean))\(alternative.label == worst ? "  ← worst: lint judges by it" : "")"
            )
        }
        if let bracket = alternatives.lambdaBracket {
            let chances = alternatives.map(\.risk.calibratedProbability.mean)
            lines.append(
                "  bracket: median λ \(FigureFormat.count(bracket.lowerBound))–\(FigureFormat.count(bracket.upperBound)); "
                    + "P(relapse) \(FigureFormat.chance(chances.min()!))–\(FigureFormat.chance(chances.max()!))")
        }
        return lines
    }

    private func stepTable() -> [String] {
        let header = [
            "step", "operation", "T cells", "malignant", "malignant 90%", "CAR+ malignant", "malignant:T",
            "malignant share",
        ]
        var rows = [
            header,
            [
                "(start)", "", estimate.startingCounts[.T].map(FigureFormat.count) ?? "-",
                estimate.startingCounts[.malignant].map(FigureFormat.count) ?? "-", "", "", "",
                design.startingMaterial.composition[.malignant].map { FigureFormat.count($0.value) } ?? "",
            ],
        ]
        for (index, step) in estimate.steps.enumerated() {
            rows.append([
                step.stepID, step.kind.rawValue,
                step.counts[.T].map(FigureFormat.count) ?? "-",
                step.counts[.malignant].map(FigureFormat.count) ?? "-",
                step.malignantInterval.map {
                    "\(FigureFormat.count($0.lowerBound))–\(FigureFormat.count($0.upperBound))"
                } ?? "-",
                step.counts[.malignant] == nil ? "-" : FigureFormat.count(step.malignantCarrying),
                step.malignantPerTCell.map(FigureFormat.count) ?? "-",
                malignantShareColumn(index),
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { $1.padding(to: widths[$0]) }.joined(separator: "  ").trimmingCharacters(
                in: .whitespaces)
        }
    }

    private func riskLines(_ risk: Risk) -> [String] {
        let method =
            switch risk.method {
            case .exact: "exact: a product of log-normal factors"
            case .monteCarlo(let draws, let seed): "Monte Carlo: \(draws) draws, seed \(seed)"
            }
        func counts(_ spread: Spread) -> String {
            "\(FigureFormat.count(spread.median))  (90%: \(FigureFormat.count(spread.low))–\(FigureFormat.count(spread.high)); mean \(FigureFormat.count(spread.mean)))"
        }
        var lines = ["risk (\(method)):"]
        if let note = risk.methodNote { lines.append("  (the exact path does not apply: \(note))") }
        lines += [
            "  share of the product infused                 \(FigureFormat.count(risk.doseShare.median))",
            "  λ, CAR+ malignant cells in the dose          \(counts(risk.lambda))",
            "  P(at least one in the dose)                  \(FigureFormat.chance(risk.probability.mean)) averaged over the uncertainty",
            "  relative risk (λ ÷ λ of the reference cohort) \(counts(risk.relativeRisk))",
        ]
        let gate =
            "\(FigureFormat.chance(risk.calibratedProbability.mean)) averaged over the uncertainty (90%: "
            + "\(FigureFormat.percent(risk.calibratedProbability.low))–\(FigureFormat.percent(risk.calibratedProbability.high)))"
        if let cohort = risk.calibrationCohort {
            lines += [
                "  P(relapse from a CAR+ malignant cell)        \(gate)",
                "    calibrated on the \(cohort);",
            ]
        } else {
            lines += [
                "  P(relapse from a CAR+ malignant cell)        not calibrated for '\(design.indication.value)': no cohort of that disease",
                "    has a record to fit; the lint gate reads the reference cohort's rate × the relative risk: \(gate)",
            ]
        }
        lines.append(
            "    κ (relapses per CAR+ malignant cell in the dose) is assumed the same for every process and fitted in each draw"
        )
        if let update = risk.recordUpdate { lines.append("    figures: \(update)") }
        return lines
    }
}

extension String {
    public func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
