import Foundation

/// The part of a mass balance that λ depends on (T cells and malignant cells, with and without the
/// CAR), flattened into plain arrays so that a Monte Carlo draw costs a few hundred nanoseconds.
struct LambdaProgram: Sendable {
    /// One log-normal term: `weight · 10^(constant + Σ coefficient·Z)`, its coefficients at `coefficients`.
    struct Term: Sendable {
        let weight: Double
        let constant: Double
        let coefficients: Range<Int>
    }

    /// The terms of each factor of a step, as ranges into `terms`.
    struct Step: Sendable {
        let tCell: Range<Int>
        let malignant: Range<Int>
        let carryingMalignant: Range<Int>
        let tCellUptake: Range<Int>?
        let malignantUptake: Range<Int>?
    }

    private(set) var terms: [Term] = []
    private(set) var variableOfCoefficient: [Int] = []
    private(set) var coefficients: [Double] = []
    private(set) var steps: [Step] = []
    let initialTCells: Double
    let initialMalignant: Double
    let dose: Double?
    let integrates: Bool
    /// Whether the dose share is capped at 1 (not for the calibration reference, whose λ is scaled to its
    /// cohort's mean dose and so must stay proportional to the dose).
    let capsShare: Bool
    /// The variables any term reads: the only ones a draw needs to sample.
    private(set) var variables: [Int] = []

    init(_ balance: MassBalance, capsShare: Bool = true) {
        self.capsShare = capsShare
        initialTCells = balance.initial[.T] ?? 0
        initialMalignant = balance.initial[.malignant] ?? 0
        dose = balance.dose
        integrates = balance.integrates
        for step in balance.steps {
            let tCell = append(step.factors[.T])
            let malignant = append(step.factors[.malignant])
            let carrying = append(step.factor(for: .malignant, carrying: true))
            let uptake = step.uptake.map { (append($0.tCell), append($0.malignant)) }
            steps.append(
                Step(
                    tCell: tCell, malignant: malignant, carryingMalignant: carrying,
                    tCellUptake: uptake?.0, malignantUptake: uptake?.1))
        }
        variables = Set(variableOfCoefficient).sorted()
    }

    private mutating func append(_ factor: Factor?) -> Range<Int> {
        let start = terms.count
        for term in (factor ?? .one).terms {
            let first = coefficients.count
            for (variable, weight) in term.log10.coefficients {
                variableOfCoefficient.append(variable)
                coefficients.append(weight)
            }
            terms.append(
                Term(weight: term.weight, constant: term.log10.constant, coefficients: first..<coefficients.count))
        }
        return start..<terms.count
    }

    /// λ and the dose share for one draw.
    ///
    /// Counts are carried as log10 values, so a step of single log-normal terms costs additions only;
    /// values are turned into counts just where they must be added (at a gene transfer, or for a
    /// step whose factor has several terms).
    func lambda(_ draw: UnsafeBufferPointer<Double>) -> (lambda: Double, doseShare: Double) {
        terms.withUnsafeBufferPointer { terms in
            variableOfCoefficient.withUnsafeBufferPointer { variableOf in
                coefficients.withUnsafeBufferPointer { weights in
                    steps.withUnsafeBufferPointer { steps in
                        @inline(__always) func exponent(_ term: Term) -> Double {
                            var value = term.constant
                            for index in term.coefficients { value += weights[index] * draw[variableOf[index]] }
                            return value
                        }
                        @inline(__always) func log10Factor(_ range: Range<Int>) -> Double {
                            if range.count == 1, terms[range.lowerBound].weight == 1 {
                                return exponent(terms[range.lowerBound])
                            }
                            var sum = 0.0
                            for index in range { sum += terms[index].weight * pow10(exponent(terms[index])) }
                            return log10(sum)
                        }
                        let none = -Double.infinity
                        var tPlain = initialTCells > 0 ? log10(initialTCells) : none
                        var tCarrying = none
                        var mPlain = initialMalignant > 0 ? log10(initialMalignant) : none
                        var mCarrying = none
                        for step in steps {
                            let t = log10Factor(step.tCell)
                            tPlain += t
                            tCarrying += t
                            mPlain += log10Factor(step.malignant)
                            mCarrying += log10Factor(step.carryingMalignant)
                            if let uptake = step.tCellUptake {
                                Self.transfer(min(0, log10Factor(uptake)), from: &tPlain, to: &tCarrying)
                            }
                            if let uptake = step.malignantUptake {
                                Self.transfer(min(0, log10Factor(uptake)), from: &mPlain, to: &mCarrying)
                            }
                        }
                        let carT = pow10(tCarrying)
                        let share = dose.map { carT > 0 ? (capsShare ? min(1, $0 / carT) : $0 / carT) : 1 } ?? 1
                        return (integrates ? share * pow10(mCarrying) : 0, share)
                    }
                }
            }
        }
    }

    /// λ and the dose share of every draw of a run, a factor at a time over all draws.
    ///
    /// Each draw goes through the same operations in the same order as in `lambda(_:)`, so every figure comes out
    /// bit for bit as there; what goes is the walk over terms and ranges for each draw, which cost more than the
    /// arithmetic. A factor that reads no variable is worked out once and added to every draw.
    /// - Parameter values: for each variable the program reads, its value in every draw (`count` of them);
    ///   the others are never read.
    func lambdas(_ values: [[Double]], count: Int) -> (lambdas: [Double], shares: [Double]) {
        let none = -Double.infinity
        var tPlain = [Double](repeating: initialTCells > 0 ? log10(initialTCells) : none, count: count)
        var tCarrying = [Double](repeating: none, count: count)
        var mPlain = [Double](repeating: initialMalignant > 0 ? log10(initialMalignant) : none, count: count)
        var mCarrying = [Double](repeating: none, count: count)
        // Two scratch columns: a factor's log10 value, and one term's exponent while a factor of several terms adds up.
        let factor = UnsafeMutableBufferPointer<Double>.allocate(capacity: count)
        let exponent = UnsafeMutableBufferPointer<Double>.allocate(capacity: count)
        factor.initialize(repeating: 0)
        exponent.initialize(repeating: 0)
        defer {
            factor.deallocate()
            exponent.deallocate()
        }
        terms.withUnsafeBufferPointer { terms in
            variableOfCoefficient.withUnsafeBufferPointer { variableOf in
                coefficients.withUnsafeBufferPointer { weights in
                    /// The term's exponent in every draw, into `out`: its constant, then each coefficient's part.
                    func exponents(_ term: Term, into out: UnsafeMutableBufferPointer<Double>) {
                        out.update(repeating: term.constant)
                        for index in term.coefficients {
                            let weight = weights[index]
                            values[variableOf[index]].withUnsafeBufferPointer { column in
                                for draw in 0..<count { out[draw] += weight * column[draw] }
                            }
                        }
                    }
                    /// The factor's log10 value: returned when no term reads a variable, else written to `factor`.
                    func log10Factor(_ range: Range<Int>) -> Double? {
                        let single = range.count == 1 && terms[range.lowerBound].weight == 1
                        if terms[range].allSatisfy({ $0.coefficients.isEmpty }) {
                            if single { return terms[range.lowerBound].constant }
                            var sum = 0.0
                            for index in range { sum += terms[index].weight * pow10(terms[index].constant) }
                            return log10(sum)
                        }
                        if single {
                            exponents(terms[range.lowerBound], into: factor)
                            return nil
                        }
                        factor.update(repeating: 0)
                        for index in range {
                            let weight = terms[index].weight
                            exponents(terms[index], into: exponent)
                            for draw in 0..<count { factor[draw] += weight * pow10(exponent[draw]) }
                        }
                        for draw in 0..<count { factor[draw] = log10(factor[draw]) }
                        return nil
                    }
                    // λ reads the carrying cells alone: after a population's last gene transfer its plain cells
                    // are never read again, and what they keep need not be worked out (a power and a log per draw).
                    let lastTCellUptake = steps.lastIndex { $0.tCellUptake != nil }
                    let lastMalignantUptake = steps.lastIndex { $0.malignantUptake != nil }
                    for (index, step) in steps.enumerated() {
                        Self.add(log10Factor(step.tCell), factor, to: &tPlain, &tCarrying)
                        Self.add(log10Factor(step.malignant), factor, to: &mPlain)
                        Self.add(log10Factor(step.carryingMalignant), factor, to: &mCarrying)
                        if let uptake = step.tCellUptake {
                            Self.transfer(
                                log10Factor(uptake), factor, from: &tPlain, to: &tCarrying,
                                keepingPlain: index != lastTCellUptake)
                        }
                        if let uptake = step.malignantUptake {
                            Self.transfer(
                                log10Factor(uptake), factor, from: &mPlain, to: &mCarrying,
                                keepingPlain: index != lastMalignantUptake)
                        }
                    }
                }
            }
        }
        var shares = [Double](repeating: 1, count: count)
        var lambdas = [Double](repeating: 0, count: count)
        for draw in 0..<count {
            let carT = pow10(tCarrying[draw])
            let share = dose.map { carT > 0 ? (capsShare ? min(1, $0 / carT) : $0 / carT) : 1 } ?? 1
            shares[draw] = share
            lambdas[draw] = integrates ? share * pow10(mCarrying[draw]) : 0
        }
        return (lambdas, shares)
    }

    /// Adds a factor's log10 value (`constant`, or else the column `factor`) to the log10 counts of every draw.
    @inline(__always) private static func add(
        _ constant: Double?, _ factor: UnsafeMutableBufferPointer<Double>, to counts: inout [Double]
    ) {
        counts.withUnsafeMutableBufferPointer { counts in
            if let constant {
                for draw in counts.indices { counts[draw] += constant }
            } else {
                for draw in counts.indices { counts[draw] += factor[draw] }
            }
        }
    }

    /// The same for two columns that take the same factor (T cells with and without the CAR).
    @inline(__always) private static func add(
        _ constant: Double?, _ factor: UnsafeMutableBufferPointer<Double>, to first: inout [Double],
        _ second: inout [Double]
    ) {
        add(constant, factor, to: &first)
        add(constant, factor, to: &second)
    }

    /// `transfer` in every draw, the uptake capped at all of the cells as `lambda(_:)` caps it; `keepingPlain`
    /// false leaves the plain cells as they were, for a transfer after which they are not read.
    @inline(__always) private static func transfer(
        _ constant: Double?, _ factor: UnsafeMutableBufferPointer<Double>, from plain: inout [Double],
        to carrying: inout [Double], keepingPlain: Bool
    ) {
        plain.withUnsafeMutableBufferPointer { plain in
            carrying.withUnsafeMutableBufferPointer { carrying in
                for draw in plain.indices {
                    let uptake = min(0, constant ?? factor[draw])
                    guard keepingPlain else {
                        if plain[draw] > -.infinity { carrying[draw] = carried(uptake, plain[draw], carrying[draw]) }
                        continue
                    }
                    transfer(uptake, from: &plain[draw], to: &carrying[draw])
                }
            }
        }
    }

    /// log10 of the carrying cells once the fraction 10^`uptake` of the plain ones has joined them.
    @inline(__always) private static func carried(_ uptake: Double, _ plain: Double, _ carrying: Double) -> Double {
        let taken = plain + uptake
        // The usual single transfer has nothing carrying yet: no need to leave log space.
        return carrying == -.infinity ? taken : log10(pow10(carrying) + pow10(taken))
    }

    /// Moves the fraction 10^`uptake` of the plain cells to the carrying ones, in log10 counts.
    @inline(__always) private static func transfer(
        _ uptake: Double, from plain: inout Double, to carrying: inout Double
    ) {
        guard plain > -.infinity else { return }
        carrying = carried(uptake, plain, carrying)
        let kept = -pow10(uptake) // log10 of (1 - uptake fraction), through log1p for precision
        plain = kept > -1 ? plain + log1p(kept) / 2.302585092994046 : -.infinity
    }
}
