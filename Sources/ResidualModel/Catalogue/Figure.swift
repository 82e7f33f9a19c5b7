import Foundation

/// One number of the catalogue: a central value, its 90% range where it has one, and where it comes from.
///
/// The estimator treats a figure as log-normal: its median is `central` and its 90% range spans
/// `low` to `high`. A figure without a range is a point value (a modelling choice, or a definition).
public struct Figure: Codable, Sendable, Hashable {
    public let central: Double
    public let low: Double?
    public let high: Double?
    /// What the number counts: `fraction`, `log10`, `log10 per day`, `kg`.
    public let unit: String
    /// A paper with DOI or PMID, a label, an assessment report, or the word `assumption` and why.
    public let source: String

    public init(central: Double, low: Double? = nil, high: Double? = nil, unit: String, source: String) {
        self.central = central
        self.low = low
        self.high = high
        self.unit = unit
        self.source = source
    }

    /// Whether the figure rests on a cited source rather than on a modelling choice.
    public var isAssumption: Bool { source.lowercased().hasPrefix("assumption") }

    /// The figure as a normal distribution of its own values (used for figures already on a log10
    /// scale, such as log depletions and log fold per day): mean `central`, spread from the range.
    var normal: Normal {
        guard let low, let high else { return Normal(mean: central, deviation: 0) }
        return Normal(mean: central, deviation: (high - low) / (2 * Normal.z95))
    }

    /// The figure as a log-normal factor, described by the normal distribution of its log10.
    var log10Normal: Normal {
        guard let low, let high, low > 0 else { return Normal(mean: Foundation.log10(central), deviation: 0) }
        return Normal(mean: Foundation.log10(central), deviation: (Foundation.log10(high) - Foundation.log10(low)) / (2 * Normal.z95))
    }
}
