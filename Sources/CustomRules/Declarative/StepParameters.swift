import ProcessModel

extension Step {
    /// A numeric parameter (`dmso_percent`) or a stated performance figure (`malignant_log_depletion`) of the
    /// step, by the name the format gives it; `nil` when the step does not state it.
    func number(named name: String) -> Located<Double>? {
        if let figure = PerformanceFigure(rawValue: name) { return performance?.figures[figure] }
        switch (operation.value, name) {
        case (.adherence(let hours), "hours"), (.hold(let hours, _), "hours"): return hours
        case (.hold(_, let temperature), "temperature_c"): return temperature
        case (.transduction(_, let moi), "moi"): return moi
        case (.expansion(let days, _, _), "days"): return days
        case (.cryopreservation(let dmso), "dmso_percent"): return dmso
        default: return nil
        }
    }
}

extension OperationKind {
    /// The numbers a step of this kind may state, by name, with the values each can take.
    var numbers: [(name: String, bounds: NumberBounds)] {
        let parameters = FormatSchema.parameters(of: self).compactMap { field -> (String, NumberBounds)? in
            guard case .number(let bounds) = field.shape else { return nil }
            return (field.name, bounds)
        }
        return parameters + performanceFigures.map { ($0.rawValue, $0.bounds) }
    }
}
