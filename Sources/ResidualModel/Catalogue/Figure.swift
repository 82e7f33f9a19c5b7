import Foundation

/// One number of the catalogue: a central value, its 90% range where it has one, and where it comes from.
///
/// Its median is `central` and its 90% range spans `low` to `high` (see `distribution` for the shape
/// drawn). A figure without a range is a point value (a modelling choice, or a definition).
public struct Figure: Codable, Sendable, Hashable {
    public let central: Double
    public let low: Double?
    public let high: Double?
    /// What the number counts: `fraction`, `log10`, `log10 per day`, `kg`.
    public let unit: String
    /// A paper with DOI or PMID, a label, an assessment report, or the word `assumption` and why.
    public let source: String
    /// The study that would narrow the figure's range, for the figures that carry the most uncertainty.
    public let narrowedBy: String?

    public init(
        central: Double, low: Double? = nil, high: Double? = nil, unit: String, source: String,
        narrowedBy: String? = nil
    ) {
        self.central = central
        self.low = low
        self.high = high
        self.unit = unit
        self.source = source
        self.narrowedBy = narrowedBy
    }

    /// Whether the figure rests on a cited source rather than on a modelling choice.
    public var isAssumption: Bool { source.lowercased().hasPrefix("assumption") }
}
