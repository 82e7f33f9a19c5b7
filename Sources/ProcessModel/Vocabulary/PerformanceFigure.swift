/// A figure of a step's performance that a process file may state for itself, overriding the
/// catalogue, when the site has measured it (a validation run, a spike-in study).
public enum PerformanceFigure: String, NamedValue {
    case recovery
    case logDepletion = "log_depletion"
    case malignantLogDepletion = "malignant_log_depletion"
    case foldExpansion = "fold_expansion"
    case malignantSurvival = "malignant_survival"
    case transductionEfficiency = "transduction_efficiency"
    case malignantTransductionEfficiency = "malignant_transduction_efficiency"
    case viability

    public var summary: String {
        switch self {
        case .recovery: "fraction of the wanted cells the step keeps"
        case .logDepletion: "log10 reduction of the cells the step is meant to remove or leave behind"
        case .malignantLogDepletion: "log10 reduction of malignant cells, as measured (e.g. spike-in)"
        case .foldExpansion: "fold expansion of T cells over the step"
        case .malignantSurvival: "fraction of malignant cells alive at the end of the step (above 1 if they grow)"
        case .transductionEfficiency: "fraction of T cells that take up the CAR gene"
        case .malignantTransductionEfficiency: "fraction of malignant cells that take up the CAR gene"
        case .viability: "fraction of cells alive after the step"
        }
    }

    /// The values the figure can take.
    public var bounds: NumberBounds {
        switch self {
        case .recovery, .transductionEfficiency, .malignantTransductionEfficiency, .viability: .fraction
        case .logDepletion, .malignantLogDepletion: .between(0, 12)
        case .foldExpansion: NumberBounds(minimum: 0, maximum: 1e6, minimumIsExclusive: true)
        case .malignantSurvival: .between(0, 1e6)
        }
    }
}
