import Foundation
import LintKit
import ResidualModel

/// The answers of `estimate --target` and `estimate A B --compare` as text, below the estimate's table.
public enum EstimateAnswersText {
    /// What each step must achieve and who the design can treat, for the gate figure to stay under the target.
    public static func text(_ answers: TargetAnswers) -> String {
        let target = FigureFormat.plain(answers.target)
        var lines = [
            "required performance: for \(TargetAnswers.gateFigure), to stay under \(target)",
            "  (the design now: \(chance(answers.gate)); each step alone, the design's other figures as stated;",
            "  log10 reduction of malignant cells across the step)",
        ]
        if answers.steps.isEmpty {
            lines.append("  no step of the design can act on malignant cells, and no remedy inserts one")
        }
        for step in answers.steps {
            let place =
                step.insertion.map { insertion in
                    "\(step.stepID) (\(step.kind.rawValue), inserted before "
                        + (insertion.beforeStepID.map { "step '\($0)'" } ?? "the end") + ")"
                } ?? "\(step.stepID) (\(step.kind.rawValue))"
            lines.append("  \(place): now \(log(step.current))")
            if step.reachesTarget, let required = step.required {
                let validated =
                    step.validated.map { "; validate to a median log_depletion of \(log($0)) (run-to-run spread kept)" }
                    ?? ""
                lines.append(
                    "    must achieve \(log(required))\(validated); \(step.gateAtRequired.map(chance) ?? "-") there")
            } else {
                let need = step.required.map { "it would need \(log($0))" } ?? "not even 12 log would do"
                lines.append(
                    "    cannot reach \(target) alone: \(need); at its best (\(log(step.best)), the 95th-percentile run "
                        + "of steps of its kind) \(chance(step.gateAtBest))")
            }
        }
        lines.append(eligibility(answers.eligibility))
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// λ of one version over the other, from the same draws.
    public static func comparison(_ ratio: RiskRatio, base: String, head: String) -> String {
        let spread = ratio.spread
        return "comparison: λ of \(head) ÷ λ of \(base), from the same draws of every figure they share "
            + "(Monte Carlo: \(ratio.draws) draws, seed \(ratio.seed)):\n"
            + "  median \(FigureFormat.count(spread.median)) (90%: \(FigureFormat.count(spread.low))–"
            + "\(FigureFormat.count(spread.high)); mean \(FigureFormat.count(spread.mean)))\n\n"
    }

    static func eligibility(_ eligibility: Eligibility) -> String {
        let target = FigureFormat.plain(eligibility.target)
        let stated = "the file states \(FigureFormat.percent(eligibility.statedFraction))"
        if eligibility.unlimited {
            return "eligibility: under \(target) at any malignant fraction the composition leaves room for "
                + "(up to \(FigureFormat.percent(eligibility.cap))); \(stated)"
        }
        if eligibility.malignantFraction == 0 {
            return "eligibility: above \(target) at any malignant load; \(stated)"
        }
        return "eligibility: under \(target) up to a malignant fraction of "
            + "\(FigureFormat.percent(eligibility.malignantFraction)) at apheresis "
            + "(\(FigureFormat.count(eligibility.malignantCells)) malignant cells; \(chance(eligibility.gateAtLimit))); \(stated)"
    }

    private static func log(_ value: Double) -> String { String(format: "%.2f log", value) }

    /// The gate figure with its interval: `P 0.010% (90%: 0.0010%–0.050%)`.
    private static func chance(_ spread: Spread) -> String {
        "P \(FigureFormat.percent(spread.mean)) (90%: \(FigureFormat.percent(spread.low))–\(FigureFormat.percent(spread.high)))"
    }
}
