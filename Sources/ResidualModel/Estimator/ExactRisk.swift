import Foundation

/// The risk when λ is a product of log-normal factors, so that it is computed, not sampled.
///
/// It applies when λ has the form X + min(0, Y) (`LambdaForm`), so does the calibration reference, and
/// every figure either reads (the recorded rate included) is normal on its working scale: drawn
/// symmetrically, and out of reach of its bound. Then X and Y are jointly normal: where the dose share
/// stays below 1 (99% of the time) log10 λ is simply normal; where it may reach 1, one numerical
/// integral handles the cap. Elsewhere the estimator falls back to Monte Carlo and says why.
struct ExactRisk {
    let form: LambdaForm
    /// The calibrated λ's log10 minus the physical one: log10 rate − log10 λ of the reference cohort.
    let calibration: LogLinear
    /// The design's variables, then the reference's and the rate that the design does not read.
    let variables: [MassBalance.Variable]
    /// How the streams behind the variables are drawn: independently, or as the record's update correlates them.
    let streams: PosteriorDraws

    private init(
        form: LambdaForm, calibration: LogLinear, variables: [MassBalance.Variable], streams: PosteriorDraws
    ) {
        self.form = form
        self.calibration = calibration
        self.variables = variables
        self.streams = streams
    }

    /// Why the exact path does not apply, as the output states it.
    struct Unavailable: Error {
        let reason: String
    }

    /// The exact risk of `balance`, whose λ has `form` (`LambdaForm(balance)`), or why there is none.
    static func make(
        _ balance: MassBalance, _ form: LambdaForm?, _ calibrationModel: Calibration, _ streams: PosteriorDraws
    ) -> Result<ExactRisk, Unavailable> {
        guard let form else {
            return .failure(
                Unavailable(
                    reason:
                        "λ is not a product of single factors (a selection splits a population, or several gene transfers)"
                ))
        }
        var variables = balance.variables
        guard let reference = calibrationModel.referenceForm(joining: &variables) else {
            return .failure(Unavailable(reason: "the calibration reference is not a product of normal factors"))
        }
        let rateIndex = MassBalance.Variable.join([calibrationModel.rate], into: &variables)[0]
        let calibration = LogLinear(constant: 0, coefficients: [(rateIndex, 1)]) - reference
        let read = Set(
            (form.uncapped + calibration).coefficients.map(\.variable)
                + (form.share?.coefficients.map(\.variable) ?? []))
        let readVariables = read.sorted().map { variables[$0] }
        let skewed = readVariables.filter { $0.distribution.normal == nil }.map(\.key)
        guard skewed.isEmpty else {
            return .failure(
                Unavailable(
                    reason: "figures drawn from an asymmetric range or near a bound: " + skewed.joined(separator: ", ")
                ))
        }
        return .success(ExactRisk(form: form, calibration: calibration, variables: variables, streams: streams))
    }

    /// Whether the share may reach 1 (P above 1%), so that the cap must be integrated.
    private var capMatters: Bool {
        guard let share = form.share?.normal(variables, streams) else { return false }
        return share.mean + 2.326 * share.deviation >= 0
    }

    func risk(calibrated label: String?) -> Risk {
        let rate = calibration.coefficients.first { variables[$0.variable].key == Calibration.rateKey }
        let rateForm = rate.map { LogLinear(constant: 0, coefficients: [($0.variable, 1)]) } ?? .zero
        let referenceOffset = rateForm - calibration // log10 λ of the reference cohort
        guard capMatters, let share = form.share else {
            let lambda = form.uncapped.normal(variables, streams)!
            let calibrated = (form.uncapped + calibration).normal(variables, streams)!
            let relativeRisk = (form.uncapped - referenceOffset).normal(variables, streams)!
            return Risk(
                method: .exact, methodNote: nil, doseShare: (form.share?.normal(variables, streams) ?? .zero).spread,
                lambda: lambda.spread, probability: Self.probability(lambda), relativeRisk: relativeRisk.spread,
                calibratedLambda: calibrated.spread, calibratedProbability: Self.probability(calibrated),
                calibrationCohort: label)
        }
        let y = share.normal(variables, streams)!
        func capped(_ x: LogLinear) -> CappedLogNormal {
            CappedLogNormal(
                x: x.normal(variables, streams)!, y: y, covariance: x.covariance(with: share, variables, streams))
        }
        let lambda = capped(form.malignant)
        let calibrated = capped(form.malignant + calibration)
        let relativeRisk = capped(form.malignant - referenceOffset)
        let (low, high) = y.interval90
        let cappedShare = Spread(
            median: pow10(min(0, y.mean)), low: pow10(min(0, low)), high: pow10(min(0, high)),
            mean: y.expectation { pow10(min(0, $0)) })
        return Risk(
            method: .exact, methodNote: nil, doseShare: cappedShare, lambda: lambda.spread,
            probability: lambda.probability,
            relativeRisk: relativeRisk.spread, calibratedLambda: calibrated.spread,
            calibratedProbability: calibrated.probability, calibrationCohort: label)
    }

    /// P(at least one) = 1 − E[exp(−λ)] over log10 λ ~ N; the interval maps λ's through 1 − exp(−λ).
    static func probability(_ log10Lambda: Normal) -> Spread {
        let atLeastOne = { (log10Value: Double) in -expm1(-pow10(log10Value)) }
        let (low, high) = log10Lambda.interval90
        return Spread(
            median: atLeastOne(log10Lambda.mean), low: atLeastOne(low), high: atLeastOne(high),
            mean: log10Lambda.expectation(atLeastOne))
    }
}
