import Foundation

/// The risk by seeded Monte Carlo: draws every figure, propagates the chain, and summarises λ.
///
/// Every figure is drawn once per run from the run's shared `Draws`, so the calibration reference and
/// the assessed process see the same values of what they share. Reproducible: the same design, draws
/// and seed give the same figures on every machine.
struct MonteCarlo {
    let balance: MassBalance
    /// `LambdaForm(balance)`: λ as X + min(0, Y) where it takes that form, formed once for the exact path and this.
    let form: LambdaForm?
    let calibration: Calibration
    let draws: Draws
    let note: String?
    let cohort: String?

    /// The calibrated λ of every draw: expected relapses per patient at the process's stated figures.
    func calibratedLambdas() -> [Double] { sample().calibrated }

    func risk() -> Risk {
        var samples = sample()
        let total = Double(draws.count)
        let lambda = Self.spread(&samples.lambdas)
        let calibratedLambda = Self.spread(&samples.calibrated)
        return Risk(
            method: .monteCarlo(draws: draws.count, seed: draws.seed),
            methodNote: note,
            doseShare: Self.spread(&samples.shares),
            lambda: lambda,
            probability: Self.probability(lambda, mean: 1 - samples.noneSum / total),
            relativeRisk: Self.spread(&samples.relative),
            calibratedLambda: calibratedLambda,
            calibratedProbability: Self.probability(calibratedLambda, mean: 1 - samples.calibratedNoneSum / total),
            calibrationCohort: cohort
        )
    }

    /// Each draw's λ, dose share, λ relative to the reference and calibrated λ, and the sums behind P.
    private struct Samples {
        var lambdas, shares, relative, calibrated: [Double]
        var noneSum = 0.0, calibratedNoneSum = 0.0
        /// From here on exp(−λ) is 0 in double precision: skipped, it would add exactly nothing to `noneSum`.
        static let noChance = 746.0

        init(count: Int) {
            (lambdas, shares, relative, calibrated) = (
                [Double](repeating: 0, count: count), [Double](repeating: 1, count: count),
                [Double](repeating: 0, count: count), [Double](repeating: 0, count: count)
            )
        }

        /// Draw `index`: `ratio` is λ over the reference's λ in the same draw, `rate` the recorded rate drawn with it.
        mutating func record(_ index: Int, lambda: Double, share: Double, ratio: Double, rate: Double) {
            lambdas[index] = lambda
            shares[index] = share
            relative[index] = ratio
            calibrated[index] = rate * ratio
            if lambda < Self.noChance { noneSum += exp(-lambda) }
            calibratedNoneSum += exp(-calibrated[index])
        }
    }

    private func sample() -> Samples {
        if let form, form.isStrict { return sample(form) }
        let program = LambdaProgram(balance)
        let count = draws.count
        // Only the variables λ reads are drawn; the others (granulocyte depletion, say) cannot change it. Their values
        // come from the run's cache, computed as the per-draw path computed them, so the figures do not move.
        let read = Set(program.variables)
        let values = balance.variables.indices.map { read.contains($0) ? self.values(of: balance.variables[$0]) : [] }
        let (lambdas, shares) = program.lambdas(values, count: count)
        // 10^-(the reference's log10 λ) is the same for every file of the run: worked out once.
        let reference = calibration.referenceColumn(draws)
        let perReference = draws.memo("calibration reference, as a divisor") { reference.map { pow10(-$0) } }
        let rates = calibration.rateColumn(draws)
        var samples = Samples(count: count)
        for index in 0..<count {
            let lambda = lambdas[index]
            samples.record(
                index, lambda: lambda, share: shares[index], ratio: lambda * perReference[index], rate: rates[index])
        }
        return samples
    }

    /// The same samples when λ is X + min(0, Y) (`LambdaForm`): a column at a time over the run's cached
    /// figure values, instead of the step-by-step program per draw; a lint run over thousands of files
    /// spends most of its time here. Only where every factor is one term: the two paths then agree to rounding.
    private func sample(_ form: LambdaForm) -> Samples {
        let count = draws.count
        func column(_ form: LogLinear) -> [Double] {
            var sum = [Double](repeating: form.constant, count: count)
            for (variable, weight) in form.coefficients {
                let values = self.values(of: balance.variables[variable])
                sum.withUnsafeMutableBufferPointer { sum in
                    values.withUnsafeBufferPointer { values in
                        for index in 0..<count { sum[index] += weight * values[index] }
                    }
                }
            }
            return sum
        }
        let malignant = column(form.malignant)
        let share = form.share.map(column)
        let reference = calibration.referenceColumn(draws)
        let rates = calibration.rateColumn(draws)
        var samples = Samples(count: count)
        for index in 0..<count {
            let capped = share.map { min(0, $0[index]) } ?? 0
            let log10Lambda = malignant[index] + capped
            samples.record(
                index, lambda: pow10(log10Lambda), share: pow10(capped), ratio: pow10(log10Lambda - reference[index]),
                rate: rates[index])
        }
        return samples
    }

    /// The variable's value in every draw of the run, kept by the run (a figure the file measured itself is not).
    private func values(of variable: MassBalance.Variable) -> [Double] {
        draws.values(variable.column, variable.distribution)
    }

    /// Median, 5th and 95th percentiles, and mean of the samples (reordered in place).
    static func spread(_ samples: inout [Double]) -> Spread {
        let mean = samples.reduce(0, +) / Double(samples.count)
        let last = Double(samples.count - 1)
        let rank = { (p: Double) in Int(p * last) }
        // Three selections instead of a sort: each later one searches only the part left of or right of the median.
        return samples.withUnsafeMutableBufferPointer { samples in
            let median = OrderStatistic.select(samples, rank: rank(0.5), in: 0..<samples.count)
            let low = OrderStatistic.select(samples, rank: rank(0.05), in: 0..<rank(0.5))
            let high = OrderStatistic.select(samples, rank: rank(0.95), in: (rank(0.5) + 1)..<samples.count)
            return Spread(median: median, low: low, high: high, mean: mean)
        }
    }

    private static func probability(_ lambda: Spread, mean: Double) -> Spread {
        let atLeastOne = { (value: Double) in -expm1(-value) }
        return Spread(
            median: atLeastOne(lambda.median), low: atLeastOne(lambda.low), high: atLeastOne(lambda.high), mean: mean)
    }
}

/// A small seeded generator (SplitMix64), so Monte Carlo runs, and tests that draw, are reproducible.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    private var spare: Double?

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A standard normal draw (Marsaglia's polar method: no trigonometry; both values of each pair used).
    mutating func nextStandardNormal() -> Double {
        if let spare {
            self.spare = nil
            return spare
        }
        while true {
            let u = Double(next() >> 11) * 0x1p-52 - 1
            let v = Double(next() >> 11) * 0x1p-52 - 1
            let s = u * u + v * v
            guard s > 0, s < 1 else { continue }
            let scale = (-2 * log(s) / s).squareRoot()
            spare = v * scale
            return u * scale
        }
    }
}
