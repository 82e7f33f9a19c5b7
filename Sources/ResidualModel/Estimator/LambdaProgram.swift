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

    /// Moves the fraction 10^`uptake` of the plain cells to the carrying ones, in log10 counts.
    @inline(__always) private static func transfer(
        _ uptake: Double, from plain: inout Double, to carrying: inout Double
    ) {
        guard plain > -.infinity else { return }
        let taken = plain + uptake
        // The usual single transfer has nothing carrying yet: no need to leave log space.
        carrying = carrying == -.infinity ? taken : log10(pow10(carrying) + pow10(taken))
        let kept = -pow10(uptake) // log10 of (1 - uptake fraction), through log1p for precision
        plain = kept > -1 ? plain + log1p(kept) / 2.302585092994046 : -.infinity
    }
}
