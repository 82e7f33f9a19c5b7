import Foundation
import LintKit
import ProcessModel
import ResidualModel

/// The estimate as text for reading in a terminal: the step table, the risk, what moves it, and remedies.
struct EstimateTable {
    let design: ProcessDesign
    let estimate: ResidualEstimate

    var text: String {
        var lines = ["\(design.file): \(design.name.value)", ""]
        lines += stepTable()
        lines.append("")
        if let risk = estimate.risk {
            lines += riskLines(risk)
        } else if let reason = estimate.unavailable {
            lines.append("risk: not estimated: \(reason)")
        }
        if !estimate.sensitivity.isEmpty {
            lines += ["", "steps by their effect on λ (central figures):"]
            // Steps that change T and malignant cells alike (washes, freezing) cancel out of λ; the JSON lists them.
            for entry in estimate.sensitivity where abs(entry.log10Reduction) >= 0.01 {
                let direction = entry.log10Reduction >= 0 ? "lowers" : "raises"
                let share = entry.varianceShare.map { String(format: ", %.0f%% of the uncertainty", $0 * 100) } ?? ""
                lines.append("  \(entry.stepID.padding(to: 24)) \(direction) λ by \(String(format: "%.2f", abs(entry.log10Reduction))) log\(share)")
            }
        }
        if let risk = estimate.risk, !estimate.remedies.isEmpty {
            lines += ["", "what if (P of a relapse from a CAR+ malignant cell, at central figures):"]
            for remedy in estimate.remedies {
                let after = remedy.risk.map { FigureFormat.percent($0.calibratedProbability.median) } ?? "-"
                lines.append("  \(remedy.description): \(FigureFormat.percent(risk.calibratedProbability.median)) → "
                    + "\(after) (λ ÷ \(FigureFormat.count(remedy.lambdaReduction)))")
            }
        }
        if !estimate.assumptions.isEmpty {
            lines += ["", "assumed because the file does not say:"] + estimate.assumptions.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    private func stepTable() -> [String] {
        let header = ["step", "operation", "T cells", "malignant", "malignant 90%", "CAR+ malignant", "malignant:T"]
        var rows = [header, ["(start)", "", estimate.startingCounts[.T].map(FigureFormat.count) ?? "-",
                             estimate.startingCounts[.malignant].map(FigureFormat.count) ?? "-", "", "", ""]]
        for step in estimate.steps {
            rows.append([
                step.stepID, step.kind.rawValue,
                step.counts[.T].map(FigureFormat.count) ?? "-",
                step.counts[.malignant].map(FigureFormat.count) ?? "-",
                step.malignantInterval.map { "\(FigureFormat.count($0.lowerBound))–\(FigureFormat.count($0.upperBound))" } ?? "-",
                step.counts[.malignant] == nil ? "-" : FigureFormat.count(step.malignantCarrying),
                step.malignantPerTCell.map(FigureFormat.count) ?? "-",
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { $1.padding(to: widths[$0]) }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
    }

    private func riskLines(_ risk: Risk) -> [String] {
        let method = switch risk.method {
        case .exact: "exact: a product of log-normal factors"
        case .monteCarlo(let draws, let seed): "Monte Carlo: \(draws) draws, seed \(seed)"
        }
        func counts(_ spread: Spread) -> String {
            "\(FigureFormat.count(spread.median))  (90%: \(FigureFormat.count(spread.low))–\(FigureFormat.count(spread.high)); mean \(FigureFormat.count(spread.mean)))"
        }
        func chance(_ spread: Spread) -> String {
            "\(FigureFormat.percent(spread.median)) at central figures (90%: \(FigureFormat.percent(spread.low))–"
                + "\(FigureFormat.percent(spread.high))); \(FigureFormat.percent(spread.mean)) averaged over the uncertainty"
        }
        return [
            "risk (\(method)):",
            "  share of the product infused                 \(FigureFormat.count(risk.doseShare.median))",
            "  λ, CAR+ malignant cells in the dose          \(counts(risk.lambda))",
            "  P(at least one in the dose)                  \(chance(risk.probability))",
            "  calibrated λ, those that would cause relapse \(counts(risk.calibratedLambda))",
            "  P(relapse from a CAR+ malignant cell)        \(chance(risk.calibratedProbability))",
        ]
    }
}

extension String {
    func padding(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
