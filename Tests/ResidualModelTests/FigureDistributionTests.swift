import Foundation
import Testing

@testable import ResidualModel

/// Every figure draws within its stated range and shape.
@Suite struct FigureDistributionTests {
    /// The figure's value (in its own unit) for a draw on the working scale.
    func value(_ figure: Figure, _ working: Double) -> Double {
        figure.unit == "fraction" || figure.unit == "per patient" ? pow10(working) : working
    }

    /// Over the whole catalogue: the 5th and 95th percentiles of 100,000 draws of each figure are its stated
    /// low and high, to Monte Carlo error (the standard error of a 5% quantile is under 0.01 deviations of
    /// its side); fractions stay in [0, 1] and log depletions are never negative.
    @Test func percentilesOfEveryFigureMatchItsStatedRange() {
        var generator = SplitMix64(seed: 5)
        let normals = (0..<100_000).map { _ in generator.nextStandardNormal() }
        for (path, figure) in Catalogue.bundled.allFigures {
            guard let low = figure.low, let high = figure.high else { continue }
            let distribution = figure.distribution
            var draws = normals.map { distribution.value($0) }
            draws.sort()
            let (p5, p95) = (draws[4_999], draws[94_999])
            let lowWorking = figure.unit == "fraction" || figure.unit == "per patient" ? log10(low) : low
            let highWorking = figure.unit == "fraction" || figure.unit == "per patient" ? log10(high) : high
            #expect(
                abs(p5 - lowWorking) <= 0.03 * distribution.lowerDeviation + 1e-12,
                "\(path): 5th percentile \(value(figure, p5)), stated \(low)")
            #expect(
                abs(p95 - highWorking) <= 0.03 * distribution.upperDeviation + 1e-12,
                "\(path): 95th percentile \(value(figure, p95)), stated \(high)")
            #expect(
                abs(draws[49_999] - distribution.median) <= 0.03
                    * max(distribution.lowerDeviation, distribution.upperDeviation), "\(path): median")
            switch figure.unit {
            case "fraction", "per patient": #expect(draws.last! <= 0, "\(path) draws a fraction above 1")
            case "log10": #expect(draws.first! >= 0, "\(path) draws a negative log depletion")
            default: break
            }
        }
    }

    /// The B-ALL culture rate is stated at most -0.01 at its 95th percentile: no more than 5% of draws lose less.
    @Test func anAsymmetricRangeKeepsItsOwnSides() {
        let rate = Catalogue.bundled.malignantBiology["B-ALL"]!.culturePerDay.distribution
        #expect(rate.lowerDeviation < rate.upperDeviation)
        #expect(abs(rate.value(Normal.z95) - -0.01) <= 1e-12)
        #expect(rate.normal == nil)
    }

    /// Each side of the median is a linear map of one standard normal (half the draws each side, unlike the
    /// textbook split normal): the variance must match the draws, also when the record's update shifts the normal.
    @Test(arguments: [(0.0, 1.0), (1.1, 1.1), (-1.6, 0.8)])
    func theVarianceIsThatOfTheDraws(stream: (mean: Double, deviation: Double)) {
        let distribution = FigureDistribution(median: -0.2, lowerDeviation: 0.05, upperDeviation: 0.2)
        var generator = SplitMix64(seed: 9)
        let values = (0..<200_000).map { _ in
            distribution.value(stream.mean + stream.deviation * generator.nextStandardNormal())
        }
        let mean = values.reduce(0, +) / Double(values.count)
        let sampled = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        let computed = distribution.variance(streamMean: stream.mean, streamDeviation: stream.deviation)
        #expect(abs(computed / sampled - 1) < 0.02, "\(computed) against \(sampled)")
    }
}
