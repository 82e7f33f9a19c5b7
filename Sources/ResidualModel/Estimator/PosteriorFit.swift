import Foundation
import ProcessModel

/// The Bayesian update of the catalogue's figures on the clinical record (`Posterior`).
///
/// Prior: every figure as the catalogue states it, on the standard normal z behind its stream of draws. The
/// recorded rate already holds the calibration cohort's one event, so that cohort is not counted again.
/// Likelihood: for every other reference product, the Poisson chance of the events seen over its exposure,
/// averaged over the designs its file may stand for (a step whose chemistry is not public lists its
/// alternatives; each is taken as equally likely beforehand). Expected events are the calibrated λ (the
/// recorded rate times λ over the reference's λ, in the same draw) times the product's exposure scale.
///
/// The posterior is sampled by a preconditioned Crank–Nicolson chain, which leaves the prior invariant, so a
/// figure the record does not touch keeps its prior; its mean and covariance are what the estimator draws
/// from. Seeded: the same catalogue, files and settings give the same posterior on every machine.
struct PosteriorFit {
    let catalogue: Catalogue
    let calibration: Calibration
    let record: ClinicalRecord
    var iterations = 40_000
    var burnIn = 10_000
    var thinning = 5
    var seed: UInt64 = 2024

    /// λ of one design at a point of the chain: its program, and where each figure it reads sits in z.
    private struct PointLambda {
        let program: LambdaProgram
        let distributions: [FigureDistribution]
        let reads: [(variable: Int, stream: Int)]
        var draw: [Double]

        init(_ balance: MassBalance, capsShare: Bool, streams: inout [String: Int]) {
            program = LambdaProgram(balance, capsShare: capsShare)
            distributions = balance.variables.map(\.distribution)
            reads = program.variables.compactMap { variable in
                let figure = balance.variables[variable]
                guard !figure.distribution.isPoint else { return nil }
                let stream = streams[figure.column] ?? streams.count
                streams[figure.column] = stream
                return (variable, stream)
            }
            draw = balance.centralDraw
        }

        mutating func log10Lambda(_ z: [Double]) -> Double {
            for (variable, stream) in reads { draw[variable] = distributions[variable].value(z[stream]) }
            return log10(draw.withUnsafeBufferPointer { program.lambda($0).lambda })
        }
    }

    /// The chain's outcome: the posterior, and the share of proposals it accepted after burn-in.
    struct Result {
        let posterior: Posterior
        let acceptance: Double
    }

    func run() -> Result {
        var streams: [String: Int] = [:]
        var reference = PointLambda(calibration.reference, capsShare: false, streams: &streams)
        let rateStream = streams[Calibration.rateKey] ?? streams.count
        streams[Calibration.rateKey] = rateStream
        let counted = record.products.filter { !$0.isCalibrationCohort }
        var designs = counted.map { product in
            product.designs.map { _, steps -> PointLambda in
                var builder = MassBalanceBuilder(design: product.design, catalogue: catalogue)
                return PointLambda(builder.build(steps: steps), capsShare: true, streams: &streams)
            }
        }
        let dimension = streams.count

        // log P(record | z), and each product's chance of each of its designs given z.
        func logLikelihood(_ z: [Double], alternatives: inout [[Double]]) -> Double {
            let log10Rate = calibration.rate.distribution.value(z[rateStream])
            let log10Reference = reference.log10Lambda(z) + calibration.log10CohortScale
            var total = 0.0
            for (index, product) in counted.enumerated() {
                let observed = Double(product.observedEvents)
                let terms = designs[index].indices.map { choice -> Double in
                    let log10Mean =
                        log10Rate + designs[index][choice].log10Lambda(z) - log10Reference
                        + log10(product.exposureScale)
                    let mean = pow10(log10Mean)
                    // Poisson log chance of the count, without the log n! that every design shares.
                    return observed > 0 ? observed * log10Mean * log(10) - mean : -mean
                }
                let top = terms.max() ?? 0
                let sum = terms.reduce(0) { $0 + exp($1 - top) }
                alternatives[index] = terms.map { exp($0 - top) / sum }
                total += top + log(sum / Double(terms.count))
            }
            return total
        }

        var generator = SplitMix64(seed: seed)
        var z = [Double](repeating: 0, count: dimension)
        var alternatives = counted.map { [Double](repeating: 0, count: $0.designs.count) }
        var current = logLikelihood(z, alternatives: &alternatives)
        var currentAlternatives = alternatives
        // β is the proposal's step: z' = √(1−β²)·z + β·ξ. Tuned during burn-in towards a quarter accepted.
        var beta = 0.3
        var accepted = 0
        var windowAccepted = 0
        var samples: [[Double]] = []
        var alternativeSums = counted.map { [Double](repeating: 0, count: $0.designs.count) }
        for iteration in 0..<(burnIn + iterations) {
            let keep = (1 - beta * beta).squareRoot()
            let proposal = z.map { keep * $0 + beta * generator.nextStandardNormal() }
            let candidate = logLikelihood(proposal, alternatives: &alternatives)
            let u = Double(generator.next() >> 11) * 0x1p-53
            if candidate.isFinite, log(u) < candidate - current {
                (z, current, currentAlternatives) = (proposal, candidate, alternatives)
                windowAccepted += 1
                if iteration >= burnIn { accepted += 1 }
            }
            if iteration < burnIn, (iteration + 1) % 500 == 0 {
                let rate = Double(windowAccepted) / 500
                if rate > 0.3 { beta = min(1, beta * 1.25) } else if rate < 0.2 { beta /= 1.25 }
                windowAccepted = 0
            }
            guard iteration >= burnIn, (iteration - burnIn) % thinning == 0 else { continue }
            samples.append(z)
            for index in alternativeSums.indices {
                for choice in alternativeSums[index].indices {
                    alternativeSums[index][choice] += currentAlternatives[index][choice]
                }
            }
        }

        let columns = streams.sorted { $0.value < $1.value }.map(\.key)
        let (mean, covariance) = Self.moments(samples)
        var probabilities: [String: [String: Double]] = [:]
        for (index, product) in counted.enumerated() where product.designs.count > 1 {
            probabilities[product.name] = Dictionary(
                uniqueKeysWithValues: zip(
                    product.alternativeLabels, alternativeSums[index].map { $0 / Double(samples.count) }))
        }
        let posterior = Posterior(
            method:
                "pCN chain of \(iterations) iterations after \(burnIn) of burn-in, every \(thinning)th kept, seed \(seed); "
                + "moments of the kept draws",
            cohorts: Dictionary(uniqueKeysWithValues: counted.map { ($0.name, $0.observedEvents) }),
            columns: columns, mean: mean, covariance: covariance,
            effectiveSampleSize: Self.effectiveSampleSize(samples),
            alternativeProbabilities: probabilities,
            catalogueFingerprint: Posterior.fingerprint(of: catalogue))
        return Result(posterior: posterior, acceptance: Double(accepted) / Double(iterations))
    }

    static func moments(_ samples: [[Double]]) -> (mean: [Double], covariance: [[Double]]) {
        let count = Double(samples.count)
        let dimension = samples.first?.count ?? 0
        var mean = [Double](repeating: 0, count: dimension)
        for sample in samples { for k in 0..<dimension { mean[k] += sample[k] / count } }
        var covariance = [[Double]](repeating: [Double](repeating: 0, count: dimension), count: dimension)
        for sample in samples {
            for i in 0..<dimension {
                let di = sample[i] - mean[i]
                for j in 0...i { covariance[i][j] += di * (sample[j] - mean[j]) / (count - 1) }
            }
        }
        for i in 0..<dimension { for j in 0..<i { covariance[j][i] = covariance[i][j] } }
        return (mean, covariance)
    }

    /// The smallest, over the streams, of the kept draws' effective number, by batch means (40 batches).
    static func effectiveSampleSize(_ samples: [[Double]]) -> Double {
        let batches = 40
        let size = samples.count / batches
        guard size > 1, let dimension = samples.first?.count else { return 0 }
        var smallest = Double(samples.count)
        for k in 0..<dimension {
            let values = samples.prefix(batches * size).map { $0[k] }
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
            let batchMeans = (0..<batches).map { b in values[(b * size)..<((b + 1) * size)].reduce(0, +) / Double(size)
            }
            let batchVariance =
                batchMeans.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(batches - 1) * Double(size)
            guard batchVariance > 0 else { continue }
            smallest = min(smallest, Double(values.count) * variance / batchVariance)
        }
        return smallest
    }
}
