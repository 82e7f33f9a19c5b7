import Foundation

/// The risk when λ is a product of log-normal factors, so that it is computed, not sampled.
///
/// It applies when each factor on the T-cell and malignant chains is one log-normal term (or nearly:
/// see `Factor.logLinear`) and there is one gene-transfer step. Then log10 λ = X + min(0, Y), with X
/// the log10 of CAR-carrying malignant cells in the product and Y the log10 of the dose share, both
/// normal: where the share stays below 1 (99% of the time) log10 λ is simply normal; where it may
/// reach 1, one numerical integral handles the cap. Elsewhere the estimator falls back to Monte Carlo.
struct ExactRisk {
    /// log10 of CAR-carrying malignant cells in the product.
    let malignant: LogLinear
    /// log10 of the dose share before its cap at 1; `nil` when the whole product is infused.
    let share: LogLinear?
    let log10Kappa: Normal
    let variables: [MassBalance.Variable]

    init?(balance: MassBalance, log10Kappa: Normal) {
        guard balance.integrates, balance.steps.filter({ $0.uptake != nil }).count == 1,
              let t0 = balance.initial[.T], t0 > 0, let m0 = balance.initial[.malignant], m0 > 0,
              let carT = balance.chain(.T, through: balance.steps.count, carrying: true).logLinear,
              let carMalignant = balance.chain(.malignant, through: balance.steps.count, carrying: true).logLinear
        else { return nil }
        malignant = carMalignant + .constant(log10(m0))
        share = balance.dose.map { .constant(log10($0)) - carT - .constant(log10(t0)) }
        self.log10Kappa = log10Kappa
        variables = balance.variables
    }

    /// log10 λ ignoring the cap: exact when the cap is immaterial, and the basis of the variance shares.
    var log10Lambda: LogLinear { share.map { malignant + $0 } ?? malignant }

    /// Whether the share may reach 1 (P above 1%), so that the cap must be integrated.
    private var capMatters: Bool {
        guard let share = share?.normal else { return false }
        return share.mean + 2.326 * share.deviation >= 0
    }

    func risk() -> Risk {
        guard capMatters, let share else {
            let lambda = log10Lambda.normal
            let calibrated = lambda + log10Kappa
            return Risk(method: .exact, doseShare: (share?.normal ?? .zero).spread, lambda: lambda.spread,
                        probability: Self.probability(lambda), calibratedLambda: calibrated.spread,
                        calibratedProbability: Self.probability(calibrated))
        }
        let capped = CappedLogNormal(x: malignant.normal, y: share.normal, covariance: Self.covariance(malignant, share))
        let calibrated = capped.adding(log10Kappa)
        let shareNormal = share.normal
        let (low, high) = shareNormal.interval90
        let cappedShare = Spread(median: pow10(min(0, shareNormal.mean)), low: pow10(min(0, low)), high: pow10(min(0, high)),
                                 mean: shareNormal.expectation { pow10(min(0, $0)) })
        return Risk(method: .exact, doseShare: cappedShare, lambda: capped.spread, probability: capped.probability,
                    calibratedLambda: calibrated.spread, calibratedProbability: calibrated.probability)
    }

    /// Covariance of two log-linear forms: the products of their coefficients on shared variables.
    private static func covariance(_ a: LogLinear, _ b: LogLinear) -> Double {
        var sum = 0.0
        var j = 0
        for (variable, weight) in a.coefficients {
            while j < b.coefficients.count, b.coefficients[j].variable < variable { j += 1 }
            if j < b.coefficients.count, b.coefficients[j].variable == variable { sum += weight * b.coefficients[j].weight }
        }
        return sum
    }

    /// P(at least one) = 1 − E[exp(−λ)] over log10 λ ~ N; the interval maps λ's through 1 − exp(−λ).
    static func probability(_ log10Lambda: Normal) -> Spread {
        let atLeastOne = { (log10Value: Double) in -expm1(-pow10(log10Value)) }
        let (low, high) = log10Lambda.interval90
        return Spread(median: atLeastOne(log10Lambda.mean), low: atLeastOne(low), high: atLeastOne(high),
                      mean: log10Lambda.expectation(atLeastOne))
    }

    /// The share of the variance of log10 λ carried by one step's figures.
    func varianceShare(ofStep stepID: String) -> Double {
        let total = log10Lambda.normal.deviation * log10Lambda.normal.deviation
        guard total > 0 else { return 0 }
        return log10Lambda.coefficients.filter { variables[$0.variable].stepID == stepID }
            .reduce(0) { $0 + $1.weight * $1.weight } / total
    }
}
