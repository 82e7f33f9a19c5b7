import ProcessModel
import ResidualModel

/// A residual-cell estimate that is not a finite number, as an error finding that names the figures it came from.
///
/// `NaN > threshold` is false, so a NaN λ would pass `residual-tumour-risk` and every custom `estimate` rule
/// silently. The loader keeps every stated number finite and bounded; this catches what is left (figures that
/// multiply past what a number can hold, a catalogue figure out of its domain) where the estimate is shared.
enum NonFiniteEstimate {
    /// The rule the finding is reported under: the one whose judgement the estimate could not make.
    static let ruleID = "residual-tumour-risk"

    static func diagnostic(for design: ProcessDesign, risk: Risk?) -> Diagnostic? {
        guard let risk else { return nil }
        let figures = [
            ("λ", risk.lambda), ("P(at least one)", risk.probability), ("the dose share", risk.doseShare),
            ("calibrated λ", risk.calibratedLambda), ("calibrated P", risk.calibratedProbability),
        ]
        guard let (name, spread) = figures.first(where: { !$0.1.isFinite }) else { return nil }
        let finding = Finding(
            "the residual-cell estimate is not a finite number (\(name) is \(spread.median)), so no risk rule can judge it; "
                + "it was computed from \(inputs(of: design))",
            at: design.dose?.range ?? design.startingMaterial.range,
            fix:
                "check those figures for a slip (an exponent, a percent for a fraction); the process fails until the estimate is finite"
        )
        return Diagnostic(ruleID: ruleID, severity: .error, finding: finding, file: design.file)
    }

    /// The stated figures the estimate multiplies, as the file writes them.
    private static func inputs(of design: ProcessDesign) -> String {
        let material = design.startingMaterial
        var parts: [String] = []
        if let total = material.totalNucleatedCells { parts.append("total_nucleated_cells \(total.value.compactText)") }
        if let malignant = material.composition[.malignant] { parts.append("malignant \(malignant.value.compactText)") }
        if let dose = design.dose {
            if let cells = dose.carTCells { parts.append("car_t_cells \(cells.value.compactText)") }
            if let perKilogram = dose.carTCellsPerKilogram {
                parts.append("car_t_cells_per_kg \(perKilogram.value.compactText)")
            }
            parts.append("body_weight_kg " + (dose.bodyWeightKilograms.map { $0.value.compactText } ?? "not stated"))
        }
        let measured = design.steps.filter { $0.performance != nil }.map { "'\($0.id.value)'" }
        if !measured.isEmpty {
            parts.append(
                "the performance figures of step\(measured.count == 1 ? "" : "s") \(measured.joined(separator: ", "))")
        }
        parts.append("the catalogue's figures")
        return parts.joined(separator: ", ")
    }
}

extension Spread {
    fileprivate var isFinite: Bool { median.isFinite && low.isFinite && high.isFinite && mean.isFinite }
}
