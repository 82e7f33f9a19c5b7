import ProcessModel
import ResidualModel

/// A figure of the residual-cell estimate that a rule may put a limit on.
enum EstimateFigure: String, NamedValue {
    case lambdaMedian = "lambda-median"
    case lambdaHigh = "lambda-high"
    case lambdaMean = "lambda-mean"
    case probability
    case calibratedProbability = "calibrated-probability"
    case calibratedProbabilityHigh = "calibrated-probability-high"

    var summary: String {
        switch self {
        case .lambdaMedian: "λ, CAR-carrying malignant cells in the dose, at its median"
        case .lambdaHigh: "λ at the upper end of its 90% interval"
        case .lambdaMean: "λ averaged over the uncertainty"
        case .probability:
            "chance of at least one CAR-carrying malignant cell in the dose, averaged over the uncertainty"
        case .calibratedProbability:
            "chance of a relapse from a CAR-carrying malignant cell, calibrated to the clinical record"
        case .calibratedProbabilityHigh: "the calibrated chance at λ's upper 90% bound"
        }
    }

    /// Whether the figure is a probability, so a limit above 1 is a mistake.
    var isProbability: Bool { self != .lambdaMedian && self != .lambdaHigh && self != .lambdaMean }

    func value(in risk: Risk) -> Double {
        switch self {
        case .lambdaMedian: risk.lambda.median
        case .lambdaHigh: risk.lambda.high
        case .lambdaMean: risk.lambda.mean
        case .probability: risk.probability.mean
        case .calibratedProbability: risk.calibratedProbability.mean
        case .calibratedProbabilityHigh: risk.calibratedProbability.high
        }
    }
}
