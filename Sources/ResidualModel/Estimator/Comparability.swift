import Foundation
import ProcessModel

/// λ of one version of a process over λ of another, as one distribution: each draw of the run divides the two
/// versions' λ at the same values of every figure they share, so what they share cancels (ICH Q5E: is the changed
/// process comparable to the approved one?). Two independent intervals side by side would count it twice.
public struct RiskRatio: Sendable {
    /// λ of the changed version over λ of the first, draw by draw, in ascending order.
    private let sorted: [Double]
    /// Its median, 90% interval and mean.
    public let spread: Spread
    /// The Monte Carlo run both versions were drawn in.
    public let draws: Int
    public let seed: UInt64

    /// The ratios of two equally long columns of λ drawn from one run: where both are zero nothing changed (1);
    /// where only the first is, the rise is infinite.
    init(base: [Double], head: [Double], draws: Int, seed: UInt64) {
        sorted = zip(base, head).map { before, after in
            before == after ? 1 : before == 0 ? .infinity : after / before
        }
        .sorted()
        self.draws = draws
        self.seed = seed
        let mean = sorted.reduce(0, +) / Double(max(1, sorted.count))
        spread =
            sorted.isEmpty
            ? Spread(median: 1, low: 1, high: 1, mean: 1)
            : Spread(
                median: Self.quantile(0.5, of: sorted), low: Self.quantile(0.05, of: sorted),
                high: Self.quantile(0.95, of: sorted), mean: mean)
    }

    /// The ratio at quantile `p` (between 0 and 1) of its distribution: the median for 0.5.
    public func quantile(_ p: Double) -> Double { Self.quantile(p, of: sorted) }

    /// The value of rank ⌊p·(n − 1)⌋, the rank rule of the estimate's own intervals.
    private static func quantile(_ p: Double, of sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return 1 }
        return sorted[min(sorted.count - 1, max(0, Int(p * Double(sorted.count - 1))))]
    }
}

extension ResidualEstimator {
    /// λ of `head` over λ of `base`, from the same draws of every figure; `nil` when either version's risk cannot
    /// be estimated. A version against itself is exactly 1 in every draw.
    public func riskRatio(base: ProcessDesign, head: ProcessDesign) -> RiskRatio? {
        guard Self.reasonForNoRisk(base) == nil, Self.reasonForNoRisk(head) == nil else { return nil }
        // Calibrated λ is the recorded rate times λ over the reference's, both drawn in the same draw: their ratio
        // between two versions is the ratio of their physical λ.
        return RiskRatio(
            base: calibratedLambdas(of: base), head: calibratedLambdas(of: head), draws: draws, seed: seed)
    }
}
