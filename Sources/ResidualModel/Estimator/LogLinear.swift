import Foundation

/// log10 of a random quantity written as a constant plus a weighted sum of independent figures, each
/// on its working scale (log10 of a fraction, a log depletion, a rate per day): `constant + Σ coefficient[k]·V[k]`.
///
/// One figure drawn once per run is one variable, shared by every population it acts on, so a wash
/// that loses T cells and malignant cells alike cancels out of their ratio, as it should.
struct LogLinear: Sendable {
    var constant: Double
    /// Coefficients by variable index, sorted by index; a few entries, so a sorted array beats a dictionary.
    private(set) var coefficients: [(variable: Int, weight: Double)]

    init(constant: Double, coefficients: [(variable: Int, weight: Double)]) {
        self.constant = constant
        self.coefficients = coefficients.sorted { $0.variable < $1.variable }
    }

    static let zero = LogLinear(constant: 0, coefficients: [])

    static func constant(_ value: Double) -> LogLinear { LogLinear(constant: value, coefficients: []) }

    /// One variable alone, at weight 1: a list of one needs no sorting.
    static func variable(_ index: Int) -> LogLinear { LogLinear(constant: 0, sorted: [(index, 1)]) }

    static func + (lhs: LogLinear, rhs: LogLinear) -> LogLinear {
        if rhs.coefficients.isEmpty {
            return LogLinear(constant: lhs.constant + rhs.constant, sorted: lhs.coefficients)
        }
        if lhs.coefficients.isEmpty {
            return LogLinear(constant: lhs.constant + rhs.constant, sorted: rhs.coefficients)
        }
        // Both lists are sorted by variable: merge them in one pass.
        var merged: [(variable: Int, weight: Double)] = []
        merged.reserveCapacity(lhs.coefficients.count + rhs.coefficients.count)
        var left = 0
        var right = 0
        while left < lhs.coefficients.count || right < rhs.coefficients.count {
            let a = left < lhs.coefficients.count ? lhs.coefficients[left] : nil
            let b = right < rhs.coefficients.count ? rhs.coefficients[right] : nil
            if let a, let b, a.variable == b.variable {
                if a.weight + b.weight != 0 { merged.append((a.variable, a.weight + b.weight)) }
                left += 1
                right += 1
            } else if let a, b == nil || a.variable < b!.variable {
                merged.append(a)
                left += 1
            } else if let b {
                merged.append(b)
                right += 1
            }
        }
        return LogLinear(constant: lhs.constant + rhs.constant, sorted: merged)
    }

    private init(constant: Double, sorted coefficients: [(variable: Int, weight: Double)]) {
        self.constant = constant
        self.coefficients = coefficients
    }

    static prefix func - (value: LogLinear) -> LogLinear { value.scaled(by: -1) }

    static func - (lhs: LogLinear, rhs: LogLinear) -> LogLinear { lhs + (-rhs) }

    func scaled(by factor: Double) -> LogLinear {
        LogLinear(constant: constant * factor, sorted: coefficients.map { ($0.variable, $0.weight * factor) })
    }

    /// The distribution, when every variable it reads is normal on its working scale: then exact, since a
    /// normal figure is its median plus its deviation times the standard normal of its stream, and those
    /// streams are jointly normal (independent, or as the record's update correlates them).
    func normal(_ variables: [MassBalance.Variable], _ streams: PosteriorDraws) -> Normal? {
        guard let (mean, loadings) = loadings(variables, streams) else { return nil }
        return Normal(mean: mean, deviation: Self.covariance(loadings, loadings, streams).squareRoot())
    }

    /// Covariance with another form over the same variables, when both are normal.
    func covariance(with other: LogLinear, _ variables: [MassBalance.Variable], _ streams: PosteriorDraws) -> Double {
        guard let (_, mine) = loadings(variables, streams), let (_, theirs) = other.loadings(variables, streams) else {
            return 0
        }
        return Self.covariance(mine, theirs, streams)
    }

    /// The form as its mean and its weight on each stream's standard normal (figures read from one stream add up).
    private func loadings(_ variables: [MassBalance.Variable], _ streams: PosteriorDraws) -> (Double, [String: Double])?
    {
        var mean = constant
        var loadings: [String: Double] = [:]
        for (variable, weight) in coefficients {
            guard let normal = variables[variable].distribution.normal else { return nil }
            let column = variables[variable].column
            mean += weight * (normal.mean + normal.deviation * streams.mean(of: column))
            loadings[column, default: 0] += weight * normal.deviation
        }
        return (mean, loadings)
    }

    private static func covariance(_ a: [String: Double], _ b: [String: Double], _ streams: PosteriorDraws) -> Double {
        var sum = 0.0
        for (first, x) in a {
            for (second, y) in b where first == second || streams.index[first] != nil {
                sum += x * y * streams.covariance(first, second)
            }
        }
        return sum
    }

    /// The same form over another list of variables: each index moved to where `map` puts it.
    func reindexed(_ map: [Int]) -> LogLinear {
        LogLinear(constant: constant, coefficients: coefficients.map { (map[$0.variable], $0.weight) })
    }

    /// The value for one draw of the variables.
    func value(at draw: [Double]) -> Double {
        var sum = constant
        for (variable, weight) in coefficients { sum += weight * draw[variable] }
        return sum
    }
}

/// A multiplicative factor on a population count over one step: a sum of log-normal terms.
///
/// One term is the usual case. A selection acting on a population that only partly carries its
/// markers (CD4 selection on T cells) keeps the carriers at one rate and the rest at another: two terms.
struct Factor: Sendable {
    var terms: [(weight: Double, log10: LogLinear)]

    static let one = Factor(terms: [(1, .zero)])

    static func single(_ log10: LogLinear) -> Factor { Factor(terms: [(1, log10)]) }

    /// The product of two factors, multiplying out their terms.
    static func * (lhs: Factor, rhs: Factor) -> Factor {
        if lhs.terms.count == 1, rhs.terms.count == 1 {
            return Factor(terms: [(lhs.terms[0].weight * rhs.terms[0].weight, lhs.terms[0].log10 + rhs.terms[0].log10)])
        }
        return Factor(
            terms: lhs.terms.flatMap { a in rhs.terms.map { b in (a.weight * b.weight, a.log10 + b.log10) } }.filter {
                $0.weight > 0
            })
    }

    /// The factor as one log-linear term: exactly when it is one, or approximately when one term carries
    /// at least 99% of it at central figures (CD4 and CD8 selection keeps 95% of T cells at the selection's
    /// recovery and carries the other 5% over at 10⁻²·⁵: the second term is a rounding error). The kept
    /// term's constant absorbs the others' central share.
    func logLinear(at central: [Double]) -> LogLinear? {
        if terms.count == 1 && terms[0].weight == 1 { return terms[0].log10 }
        let centrals = terms.map { $0.weight * pow10($0.log10.value(at: central)) }
        let total = centrals.reduce(0, +)
        guard let largest = centrals.indices.max(by: { centrals[$0] < centrals[$1] }), total > 0,
            centrals[largest] >= 0.99 * total
        else { return nil }
        var dominant = terms[largest].log10
        dominant.constant += log10(total) - dominant.value(at: central)
        return dominant
    }

    func value(at draw: [Double]) -> Double {
        terms.reduce(0) { $0 + $1.weight * pow10($1.log10.value(at: draw)) }
    }
}

/// 10^x; `exp` is several times cheaper than `pow`, which matters in the Monte Carlo loop.
@inline(__always) func pow10(_ exponent: Double) -> Double { Foundation.exp(exponent * 2.302585092994046) }
