import ProcessModel
import ResidualModel

/// The step tables of several processes as one CSV, a row per step, for spreadsheets.
public enum EstimateCSV {
    /// - Parameter targets: with `--target`, by file: each step's required performance in columns of its own, a row
    ///   for each step a remedy would insert, and the eligibility of its process on every row.
    public static func text(_ estimates: [(ProcessDesign, ResidualEstimate)], targets: [String: TargetAnswers] = [:])
        -> String
    {
        var header =
            "file,step,operation,t_cells,malignant,malignant_low,malignant_high,malignant_car_positive,malignant_per_t_cell,"
            // The step's malignant share of all cells, then figures of the whole process, repeated on its rows.
            + "malignant_share,dose_malignant,dose_malignant_low,dose_malignant_high,"
            + "dose_malignant_target_negative_share,release_test_limit,release_test_pass_if_car_malignant"
        if !targets.isEmpty { header += "," + targetColumns.joined(separator: ",") }
        var lines = [header]
        for (design, estimate) in estimates {
            let target = targets[design.file]
            let dose = estimate.doseMalignancy
            let detection = estimate.releaseDetectability
            let process = [
                number(dose?.malignant.median), number(dose?.malignant.low), number(dose?.malignant.high),
                number(dose?.targetNegativeShare?.median), number(detection?.limit),
                number(detection?.passGivenCarrying),
            ]
            for (index, step) in estimate.steps.enumerated() {
                var fields =
                    [
                        design.file, step.stepID, step.kind.rawValue,
                        number(step.counts[.T]), number(step.counts[.malignant]),
                        number(step.malignantInterval?.lowerBound), number(step.malignantInterval?.upperBound),
                        number(step.counts[.malignant] == nil ? nil : step.malignantCarrying),
                        number(step.malignantPerTCell),
                        number(dose.flatMap { index < $0.steps.count ? $0.steps[index].fraction : nil }),
                    ] + process
                if !targets.isEmpty {
                    fields += targetFields(
                        target, target?.steps.first { $0.stepID == step.stepID && $0.insertion == nil })
                }
                lines.append(fields.map(quoted).joined(separator: ","))
            }
            for inserted in target?.steps.filter({ $0.insertion != nil }) ?? [] {
                let fields =
                    [design.file, inserted.stepID, inserted.kind.rawValue] + Array(repeating: "", count: 7) + process
                    + targetFields(target, inserted)
                lines.append(fields.map(quoted).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The columns `--target` adds.
    static let targetColumns = [
        "target", "inserted_before", "current_log_reduction", "required_log_reduction", "validated_log_depletion",
        "best_log_reduction", "reaches_target", "eligible_malignant_fraction", "eligible_malignant_cells",
    ]

    private static func targetFields(_ answers: TargetAnswers?, _ step: RequiredPerformance?) -> [String] {
        [
            number(answers?.target), step?.insertion.map { $0.beforeStepID ?? "(end)" } ?? "",
            number(step?.current), number(step?.required), number(step?.validated), number(step?.best),
            step.map { $0.reachesTarget ? "true" : "false" } ?? "",
            number(answers?.eligibility.malignantFraction), number(answers?.eligibility.malignantCells),
        ]
    }

    /// `estimate A B --compare --format csv`: the ratio of λ between the two versions, one row.
    public static func comparison(_ ratio: RiskRatio, base: String, head: String) -> String {
        let spread = ratio.spread
        return "base,head,ratio_median,ratio_low,ratio_high,ratio_mean,draws,seed\n"
            + [
                base, head, number(spread.median), number(spread.low), number(spread.high), number(spread.mean),
                "\(ratio.draws)", "\(ratio.seed)",
            ].map(quoted).joined(separator: ",") + "\n"
    }

    private static func number(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }

    /// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
