import Foundation

/// How one catalogue figure is drawn: on its working scale (log10 for a fraction, the value itself
/// for a log depletion or a rate), a split normal whose median is the figure's central value and
/// whose 5th and 95th percentiles are its stated low and high, clamped at the bound the quantity
/// cannot cross (a fraction above 1, a step that cannot enrich giving a negative log depletion).
///
/// A split normal keeps an asymmetric range asymmetric: each side has its own deviation, so neither
/// bound is moved to make the other fit. Clamping leaves every percentile inside the bound unchanged.
public struct FigureDistribution: Sendable, Hashable {
    /// The median on the working scale: log10 of the central value for a fraction, else the value.
    public var median: Double
    /// Deviation below and above the median.
    public let lowerDeviation: Double
    public let upperDeviation: Double
    /// The working-scale values a draw cannot pass.
    public let lowerBound: Double?
    public let upperBound: Double?

    public init(
        median: Double, lowerDeviation: Double, upperDeviation: Double, lowerBound: Double? = nil,
        upperBound: Double? = nil
    ) {
        self.median = median
        self.lowerDeviation = lowerDeviation
        self.upperDeviation = upperDeviation
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    /// A figure without spread.
    public static func point(_ value: Double) -> FigureDistribution {
        FigureDistribution(median: value, lowerDeviation: 0, upperDeviation: 0)
    }

    public var isPoint: Bool { lowerDeviation == 0 && upperDeviation == 0 }

    /// The value for one standard normal draw `z`.
    @inline(__always) public func value(_ z: Double) -> Double {
        var value = median + (z < 0 ? lowerDeviation : upperDeviation) * z
        if let lowerBound, value < lowerBound { value = lowerBound }
        if let upperBound, value > upperBound { value = upperBound }
        return value
    }

    /// The normal distribution this figure is, when it is one: both sides equal and each bound more
    /// than 4.75 deviations away (a chance below 10⁻⁶ of reaching it). The exact path needs this.
    var normal: Normal? {
        guard abs(lowerDeviation - upperDeviation) <= 1e-12 * max(lowerDeviation, upperDeviation) else { return nil }
        let reach = 4.75 * upperDeviation
        if let lowerBound, median - reach < lowerBound { return nil }
        if let upperBound, median + reach > upperBound { return nil }
        return Normal(mean: median, deviation: upperDeviation)
    }

    /// Variance on the working scale, ignoring the clamp, when the standard normal behind the figure is
    /// N(`streamMean`, `streamDeviation`²) (the record's update moves it; N(0, 1) otherwise). Each side of the
    /// median is its own linear map of that normal, so the moments are those of a normal cut at zero.
    func variance(streamMean m: Double = 0, streamDeviation s: Double = 1) -> Double {
        guard s > 0 else { return 0 }
        let alpha = -m / s
        let below = 0.5 * erfc(-alpha / 2.0.squareRoot()) // P(Z < 0)
        let density = exp(-alpha * alpha / 2) / (2 * Double.pi).squareRoot()
        let firstBelow = m * below - s * density
        let firstAbove = m * (1 - below) + s * density
        let secondBelow = m * m * below - 2 * m * s * density + s * s * (below - alpha * density)
        let secondAbove = m * m * (1 - below) + 2 * m * s * density + s * s * (1 - below + alpha * density)
        let mean = lowerDeviation * firstBelow + upperDeviation * firstAbove
        let second = lowerDeviation * lowerDeviation * secondBelow + upperDeviation * upperDeviation * secondAbove
        return max(0, second - mean * mean)
    }
}

extension Figure {
    /// The scale on which the figure is drawn, and the bound it cannot cross there.
    public var distribution: FigureDistribution {
        switch unit {
        case "fraction", "per patient":
            // A share of cells or of patients: log-normal, never above 1 (log10 at most 0).
            guard central > 0 else { return .point(-.infinity) }
            let median = Foundation.log10(central)
            guard let low, let high, low > 0 else {
                return FigureDistribution(median: median, lowerDeviation: 0, upperDeviation: 0, upperBound: 0)
            }
            return FigureDistribution(
                median: median, lowerDeviation: (median - Foundation.log10(low)) / Normal.z95,
                upperDeviation: (Foundation.log10(high) - median) / Normal.z95, upperBound: 0)
        case "log10":
            // A log depletion: every such step removes cells or leaves them; none enriches them.
            guard let low, let high else { return .point(central) }
            return FigureDistribution(
                median: central, lowerDeviation: (central - low) / Normal.z95,
                upperDeviation: (high - central) / Normal.z95, lowerBound: 0)
        case "log10 per day":
            // A culture rate may take either sign (growth or death): no bound.
            guard let low, let high else { return .point(central) }
            return FigureDistribution(
                median: central, lowerDeviation: (central - low) / Normal.z95,
                upperDeviation: (high - central) / Normal.z95)
        default:
            return .point(central)
        }
    }
}
