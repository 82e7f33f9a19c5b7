import LintKit
import ProcessModel
import ResidualModel

extension EstimateTable {
    /// The whole malignant population in the dose, and what the release test for it can see.
    func doseMalignancyLines() -> [String] {
        guard let dose = estimate.doseMalignancy else { return [] }
        func spread(_ spread: Spread) -> String {
            "\(FigureFormat.count(spread.median))  (90%: \(FigureFormat.count(spread.low))–"
                + "\(FigureFormat.count(spread.high)); mean \(FigureFormat.count(spread.mean)))"
        }
        var lines = [
            "", "malignant cells in the dose, carrying the CAR or not:",
            "  malignant cells in the dose                  \(spread(dose.malignant))",
        ]
        if let negative = dose.targetNegative, let share = dose.targetNegativeShare {
            let target = design.product.carTarget.value.name
            lines.append(
                "  lacking \(target), so escaping the CAR      ".padding(to: 47) + spread(negative))
            lines.append(
                "    their share of the malignant cells        \(FigureFormat.percent(share.median))  (90%: "
                    + "\(FigureFormat.percent(share.low))–\(FigureFormat.percent(share.high)))")
        }
        lines.append("  malignant share of the product's cells       \(spread(dose.productFraction))")
        lines += releaseTestLines()
        return lines
    }

    private func releaseTestLines() -> [String] {
        guard let test = design.releaseTest(.residualMalignantCells) else {
            return ["  release test for residual malignant cells: none listed"]
        }
        guard let detection = estimate.releaseDetectability else {
            return [
                "  release test for residual malignant cells: states no limit of detection ('detection:'), so what it "
                    + "can see is not estimated"
                    + (test.maximum.map { "; its limit \(FigureFormat.count($0.value))" } ?? "")
            ]
        }
        let method =
            "\(FigureFormat.plain(detection.events)) event\(detection.events == 1 ? "" : "s") in "
            + "\(FigureFormat.count(detection.acquiredEvents)) acquired"
        let specification = detection.specification.map { ", specification ≤ \(FigureFormat.count($0))" } ?? ""
        var lines = [
            "",
            "release test for residual malignant cells (limit of detection \(FigureFormat.count(detection.limitOfDetection)): "
                + "\(method)\(specification); it fails a lot at \(FigureFormat.count(detection.limit)) of cells):",
            "  P(a lot whose dose carries a CAR+ malignant cell passes)   "
                + (detection.passGivenCarrying.map(FigureFormat.percent) ?? "- (no draw leaves one)"),
            "  malignant share of the product ÷ the test's limit          "
                + "\(FigureFormat.count(detection.fractionOverLimit.median))  (90%: "
                + "\(FigureFormat.count(detection.fractionOverLimit.low))–\(FigureFormat.count(detection.fractionOverLimit.high)))",
        ]
        if let step = detection.inProcessStep {
            lines.append(
                "  in-process control: after step '\(step.stepID)' malignant cells are still "
                    + "\(FigureFormat.count(step.fraction)) of cells, at or above the limit of detection")
        } else {
            lines.append(
                "  in-process control: no step leaves malignant cells at the limit of detection; a more sensitive "
                    + "method is needed to see them")
        }
        return lines
    }

    /// The malignant share of all cells after the step at `index`, as the step table's last column shows it.
    func malignantShareColumn(_ index: Int) -> String {
        estimate.doseMalignancy.flatMap { index < $0.steps.count ? FigureFormat.count($0.steps[index].fraction) : nil }
            ?? "-"
    }
}
