import Foundation

/// A test that reads a sample of acquired events (cells in a flow cytometer, genome equivalents in a qPCR or ddPCR)
/// sees a Poisson number of malignant events: mean (acquired events × malignant fraction). These are its tails.
public enum PoissonSampling {
    /// P(K < k) for K ~ Poisson(mean): the chance that fewer than `k` events are seen. For a whole `k` this is the
    /// regularised upper incomplete gamma function Q(k, mean), which stays accurate where the sum of terms would
    /// underflow (a mean of thousands) and costs a few dozen steps however large `k` is.
    public static func fewerThan(_ k: Double, mean: Double) -> Double {
        guard k > 0 else { return 0 }
        guard mean > 0 else { return 1 }
        return regularisedUpperGamma(k, mean)
    }

    /// The mean at which at least `k` events are seen with probability `chance`: for `k` = 1 and 95%, ln 20 ≈ 3.
    public static func mean(seeingAtLeast k: Double, withChance chance: Double = 0.95) -> Double {
        var low = 0.0
        var high = k + 20 * k.squareRoot() + 20
        // P(K < k) falls as the mean grows; bisection to a relative 1e-12 is some fifty steps.
        for _ in 0..<200 where high - low > 1e-12 * high {
            let middle = (low + high) / 2
            if fewerThan(k, mean: middle) > 1 - chance { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// Q(a, x) = Γ(a, x) / Γ(a): the series for its complement below x = a + 1, where it converges fast, and the
    /// continued fraction (evaluated by Lentz's method) above, where the series would lose Q to cancellation.
    static func regularisedUpperGamma(_ a: Double, _ x: Double) -> Double {
        let logPrefactor = -x + a * log(x) - lgamma(a)
        if x < a + 1 {
            var term = 1 / a
            var sum = term
            var n = 1.0
            while abs(term) > abs(sum) * 1e-16, n < 100_000 {
                term *= x / (a + n)
                sum += term
                n += 1
            }
            return max(0, 1 - sum * exp(logPrefactor))
        }
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        var i = 1.0
        while i < 100_000 {
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            h *= step
            if abs(step - 1) < 1e-16 { break }
            i += 1
        }
        return min(1, exp(logPrefactor) * h)
    }
}
