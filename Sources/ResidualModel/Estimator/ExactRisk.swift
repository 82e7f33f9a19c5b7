import Foundation

/// The risk when λ is a product of log-normal factors, so log10 λ is normal and every figure exact.
///
/// It applies when each factor on the T-cell and malignant chains is one log-normal term, there is
/// one gene-transfer step, and the dose share stays below 1 with at least 99% probability (a share
/// capped at 1 breaks the product). Elsewhere the estimator falls back to Monte Carlo.
struct ExactRisk {
    /// log10 λ as a log-linear form in the variables.
    let log10Lambda: LogLinear
    let log10Share: LogLinear
    let log10Kappa: Normal
    let variables: [MassBalance.Variable]

    init?(balance: MassBalance, log10Kappa: Normal) {
        guard balance.integrates, balance.steps.filter({ $0.uptake != nil }).count == 1,
              let t0 = balance.initial[.T], t0 > 0, let m0 = balance.initial[.malignant], m0 > 0,
              let carT = balance.chain(.T, through: balance.steps.count, carrying: true).logLinear,
              let carMalignant = balance.chain(.malignant, through: balance.steps.count, carrying: true).logLinear
        else { return nil }
        let malignantAtEnd = carMalignant + .constant(log10(m0))
        if let dose = balance.dose {
            let share = .constant(log10(dose)) - carT - .constant(log10(t0))
            // P(share > 1) below 1%: the cap at 1 is then immaterial.
            guard share.normal.mean + 2.326 * share.normal.deviation < 0 else { return nil }
            log10Share = share
        } else {
            log10Share = .zero
        }
        log10Lambda = malignantAtEnd + log10Share
        self.log10Kappa = log10Kappa
        variables = balance.variables
    }

    func risk() -> Risk {
        let lambda = log10Lambda.normal
        let calibrated = lambda + log10Kappa
        return Risk(
            method: .exact,
            doseShare: log10Share.normal.spread,
            lambda: lambda.spread,
            probability: Self.probability(lambda),
            calibratedLambda: calibrated.spread,
            calibratedProbability: Self.probability(calibrated)
        )
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
