import Foundation

/// A normal distribution, used for log10 of a factor or a count: products of log-normal factors
/// are sums of normals, so their intervals are exact.
struct Normal: Sendable, Hashable {
    var mean: Double
    var deviation: Double

    /// The 95th percentile of the standard normal: a 90% interval is mean ± 1.645 deviations.
    static let z95 = 1.6448536269514722

    static let zero = Normal(mean: 0, deviation: 0)

    static func + (lhs: Normal, rhs: Normal) -> Normal {
        Normal(
            mean: lhs.mean + rhs.mean,
            deviation: (lhs.deviation * lhs.deviation + rhs.deviation * rhs.deviation).squareRoot())
    }

    /// Lower and upper bounds of the central 90%.
    var interval90: (low: Double, high: Double) { (mean - Self.z95 * deviation, mean + Self.z95 * deviation) }

    /// E[g(X)] by the trapezoid rule on ±7 deviations: for a smooth g against a normal density the
    /// rule converges exponentially, and 64 intervals are accurate far below the figures' own precision.
    func expectation(_ g: (Double) -> Double) -> Double {
        guard deviation > 0 else { return g(mean) }
        let steps = 64
        let width = 14.0 / Double(steps)
        var sum = 0.0
        for index in 0...steps {
            let z = -7 + Double(index) * width
            let weight = (index == 0 || index == steps) ? 0.5 : 1
            sum += weight * exp(-z * z / 2) * g(mean + deviation * z)
        }
        return sum * width / (2 * Double.pi).squareRoot()
    }
}
