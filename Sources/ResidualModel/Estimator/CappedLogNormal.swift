import Foundation

/// The distribution of Z = X + min(0, Y) for jointly normal X and Y: log10 λ when the dose share
/// 10^Y is capped at 1 (a dose as large as the product takes all of it, not more).
///
/// Not a normal any more, but one numerical integral over Y, with X normal given Y, gives its
/// quantiles and expectations to far better than the figures' own precision.
struct CappedLogNormal {
    let x: Normal
    let y: Normal
    /// Covariance of X and Y: the figures they share (the T-cell chain appears in both).
    let covariance: Double
    /// Nodes of Y (trapezoid over ±6 deviations) with their weights, and X's normal given each node.
    private let nodes: [(weight: Double, cap: Double, conditional: Normal)]
    /// The 5th, 50th and 95th percentiles of Z, found once at initialisation.
    private var quartet: (low: Double, median: Double, high: Double) = (0, 0, 0)

    init(x: Normal, y: Normal, covariance: Double) {
        self.x = x
        self.y = y
        self.covariance = covariance
        let intervals = 32
        let width = 12.0 / Double(intervals)
        let slope = y.deviation > 0 ? covariance / (y.deviation * y.deviation) : 0
        let spread = max(0, x.deviation * x.deviation - slope * covariance).squareRoot()
        nodes = (0...intervals).map { index in
            let z = -6 + Double(index) * width
            let edge = (index == 0 || index == intervals) ? 0.5 : 1
            let yValue = y.mean + y.deviation * z
            return (
                edge * width * exp(-z * z / 2) / (2 * Double.pi).squareRoot(), min(0, yValue),
                Normal(mean: x.mean + slope * (yValue - y.mean), deviation: spread)
            )
        }
        quartet = (quantile(0.05), quantile(0.5), quantile(0.95))
    }

    /// E[g(Z)].
    func expectation(_ g: (Double) -> Double) -> Double {
        nodes.reduce(0) { sum, node in
            sum + node.weight
                * Normal(mean: node.conditional.mean + node.cap, deviation: node.conditional.deviation).expectation(g)
        }
    }

    /// P(Z ≤ t).
    func cumulative(_ t: Double) -> Double {
        nodes.reduce(0) { sum, node in
            let shifted = t - node.cap - node.conditional.mean
            let below =
                node.conditional.deviation > 0
                ? 0.5 * erfc(-shifted / (node.conditional.deviation * 2.squareRoot()))
                : (shifted >= 0 ? 1 : 0)
            return sum + node.weight * below
        }
    }

    /// The p-quantile of Z, by bisection on the cumulative distribution.
    func quantile(_ p: Double) -> Double {
        let reach = 10 * (x.deviation + y.deviation) + 1
        var low = x.mean + min(0, y.mean) - reach
        var high = x.mean + reach
        for _ in 0..<50 {
            let middle = (low + high) / 2
            if cumulative(middle) < p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// As a spread of 10^Z.
    var spread: Spread {
        Spread(
            median: pow10(quartet.median), low: pow10(quartet.low), high: pow10(quartet.high), mean: expectation(pow10))
    }

    /// P(at least one) for λ = 10^Z: the mean over the uncertainty, the rest at λ's quantiles.
    var probability: Spread {
        let atLeastOne = { (log10Value: Double) in -expm1(-pow10(log10Value)) }
        return Spread(
            median: atLeastOne(quartet.median), low: atLeastOne(quartet.low), high: atLeastOne(quartet.high),
            mean: expectation(atLeastOne))
    }
}
