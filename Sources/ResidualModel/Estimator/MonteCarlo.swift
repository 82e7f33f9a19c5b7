import Foundation

/// The risk by seeded Monte Carlo: draws every figure, propagates the chain, and summarises λ.
///
/// Reproducible: the same design, draws and seed give the same figures on every machine.
struct MonteCarlo {
    let balance: MassBalance
    let log10Kappa: Normal
    let draws: Int
    let seed: UInt64

    func risk() -> Risk {
        var generator = SplitMix64(seed: seed)
        let program = LambdaProgram(balance)
        var draw = [Double](repeating: 0, count: balance.variableNames.count)
        var lambdas = [Double](repeating: 0, count: draws)
        var shares = [Double](repeating: 0, count: draws)
        var calibrated = [Double](repeating: 0, count: draws)
        var noneSum = 0.0
        var calibratedNoneSum = 0.0
        for index in 0..<draws {
            // Only the variables λ reads are drawn; the others (granulocyte depletion, say) cannot change it.
            for variable in program.variables { draw[variable] = generator.nextStandardNormal() }
            let (lambda, share) = draw.withUnsafeBufferPointer { program.lambda($0) }
            let kappa = pow10(log10Kappa.mean + log10Kappa.deviation * generator.nextStandardNormal())
            lambdas[index] = lambda
            shares[index] = share
            calibrated[index] = kappa * lambda
            noneSum += exp(-lambda)
            calibratedNoneSum += exp(-kappa * lambda)
        }
        let count = Double(draws)
        return Risk(
            method: .monteCarlo(draws: draws, seed: seed),
            doseShare: Self.spread(&shares),
            lambda: Self.spread(&lambdas),
            probability: Self.probability(&lambdas, mean: 1 - noneSum / count),
            calibratedLambda: Self.spread(&calibrated),
            calibratedProbability: Self.probability(&calibrated, mean: 1 - calibratedNoneSum / count)
        )
    }

    /// Median, 5th and 95th percentiles, and mean of the samples (sorted in place).
    private static func spread(_ samples: inout [Double]) -> Spread {
        samples.sort()
        let mean = samples.reduce(0, +) / Double(samples.count)
        return Spread(median: quantile(samples, 0.5), low: quantile(samples, 0.05), high: quantile(samples, 0.95), mean: mean)
    }

    private static func probability(_ lambdas: inout [Double], mean: Double) -> Spread {
        let lambda = spread(&lambdas)
        let atLeastOne = { (value: Double) in -expm1(-value) }
        return Spread(median: atLeastOne(lambda.median), low: atLeastOne(lambda.low), high: atLeastOne(lambda.high), mean: mean)
    }

    private static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        sorted[min(sorted.count - 1, Int(p * Double(sorted.count - 1)))]
    }
}

/// A small seeded generator (SplitMix64), so Monte Carlo runs are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    private var spare: Double?

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A standard normal draw (Box–Muller, both values of each pair used).
    mutating func nextStandardNormal() -> Double {
        if let spare {
            self.spare = nil
            return spare
        }
        let u1 = Double(next() >> 11 | 1) * 0x1p-53
        let u2 = Double(next() >> 11) * 0x1p-53
        let radius = (-2 * log(u1)).squareRoot()
        spare = radius * sin(2 * .pi * u2)
        return radius * cos(2 * .pi * u2)
    }
}
