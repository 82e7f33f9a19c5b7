import ProcessModel
import ResidualModel

/// The step tables of several processes as one CSV, a row per step, for spreadsheets.
public enum EstimateCSV {
    public static func text(_ estimates: [(ProcessDesign, ResidualEstimate)]) -> String {
        var lines = [
            "file,step,operation,t_cells,malignant,malignant_low,malignant_high,malignant_car_positive,malignant_per_t_cell,"
                // The step's malignant share of all cells, then figures of the whole process, repeated on its rows.
                + "malignant_share,dose_malignant,dose_malignant_low,dose_malignant_high,"
                + "dose_malignant_target_negative_share,release_test_limit,release_test_pass_if_car_malignant"
        ]
        for (design, estimate) in estimates {
            let dose = estimate.doseMalignancy
            let detection = estimate.releaseDetectability
            let process = [
                number(dose?.malignant.median), number(dose?.malignant.low), number(dose?.malignant.high),
                number(dose?.targetNegativeShare?.median), number(detection?.limit),
                number(detection?.passGivenCarrying),
            ]
            for (index, step) in estimate.steps.enumerated() {
                let fields =
                    [
                        design.file, step.stepID, step.kind.rawValue,
                        number(step.counts[.T]), number(step.counts[.malignant]),
                        number(step.malignantInterval?.lowerBound), number(step.malignantInterval?.upperBound),
                        number(step.counts[.malignant] == nil ? nil : step.malignantCarrying),
                        number(step.malignantPerTCell),
                        number(dose.flatMap { index < $0.steps.count ? $0.steps[index].fraction : nil }),
                    ] + process
                lines.append(fields.map(quoted).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func number(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }

    /// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
