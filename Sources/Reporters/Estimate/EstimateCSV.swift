import ProcessModel
import ResidualModel

/// The step tables of several processes as one CSV, a row per step, for spreadsheets.
public enum EstimateCSV {
    public static func text(_ estimates: [(ProcessDesign, ResidualEstimate)]) -> String {
        var lines = [
            "file,step,operation,t_cells,malignant,malignant_low,malignant_high,malignant_car_positive,malignant_per_t_cell"
        ]
        for (design, estimate) in estimates {
            for step in estimate.steps {
                let fields = [
                    design.file, step.stepID, step.kind.rawValue,
                    number(step.counts[.T]), number(step.counts[.malignant]),
                    number(step.malignantInterval?.lowerBound), number(step.malignantInterval?.upperBound),
                    number(step.counts[.malignant] == nil ? nil : step.malignantCarrying),
                    number(step.malignantPerTCell),
                ]
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
