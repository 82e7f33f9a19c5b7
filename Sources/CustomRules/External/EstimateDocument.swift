import ResidualModel

/// The residual-cell risk of a design as the JSON an external rule reads: the figures the built-in rules
/// see (`LintContext.risk`), each a median with its 90% interval and mean.
struct EstimateDocument: Encodable, Sendable {
    let risk: RiskDocument?
    /// Why there is no risk, when there is none (the file states no malignant fraction).
    let unavailable: String?

    init(_ risk: Risk?) {
        self.risk = risk.map(RiskDocument.init)
        unavailable =
            risk == nil ? "the starting material states no malignant fraction ('composition: malignant')" : nil
    }

    /// `Risk`, in the protocol's names.
    struct RiskDocument: Encodable, Sendable {
        let method: String
        let draws: Int?
        let seed: UInt64?
        let doseShare, lambda, probability, calibratedLambda, calibratedProbability: SpreadDocument

        init(_ risk: Risk) {
            switch risk.method {
            case .exact: (method, draws, seed) = ("exact", nil, nil)
            case .monteCarlo(let count, let start): (method, draws, seed) = ("monte-carlo", count, start)
            }
            doseShare = SpreadDocument(risk.doseShare)
            lambda = SpreadDocument(risk.lambda)
            probability = SpreadDocument(risk.probability)
            calibratedLambda = SpreadDocument(risk.calibratedLambda)
            calibratedProbability = SpreadDocument(risk.calibratedProbability)
        }

        enum CodingKeys: String, CodingKey {
            case method, draws, seed, lambda, probability
            case doseShare = "dose_share"
            case calibratedLambda = "calibrated_lambda"
            case calibratedProbability = "calibrated_probability"
        }
    }

    /// A quantity with its median, central 90% interval and mean.
    struct SpreadDocument: Encodable, Sendable {
        let median, low, high, mean: Double

        init(_ spread: Spread) { (median, low, high, mean) = (spread.median, spread.low, spread.high, spread.mean) }
    }
}
