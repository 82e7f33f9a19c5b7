import Foundation

/// The part of a mass balance that λ depends on (T cells and malignant cells, with and without the
/// CAR), flattened into arrays so that a Monte Carlo draw costs a few hundred nanoseconds.
struct LambdaProgram: Sendable {
    /// One log-normal term: `weight · 10^(constant + Σ coefficient·Z)`.
    struct Term: Sendable {
        let weight: Double
        let constant: Double
        let variables: [Int]
        let coefficients: [Double]

        @inline(__always) func exponent(_ draw: UnsafeBufferPointer<Double>) -> Double {
            var exponent = constant
            for index in variables.indices { exponent += coefficients[index] * draw[variables[index]] }
            return exponent
        }
    }

    struct Step: Sendable {
        let tCell: [Term]
        let malignant: [Term]
        let carryingMalignant: [Term]
        let tCellUptake: [Term]?
        let malignantUptake: [Term]?
    }

    let steps: [Step]
    let initialTCells: Double
    let initialMalignant: Double
    let dose: Double?
    let integrates: Bool
    /// The variables any term reads: the only ones a draw needs to sample.
    let variables: [Int]

    init(_ balance: MassBalance) {
        func terms(_ factor: Factor?) -> [Term] {
            (factor ?? .one).terms.map { term in
                Term(weight: term.weight, constant: term.log10.constant,
                     variables: term.log10.coefficients.map(\.variable), coefficients: term.log10.coefficients.map(\.weight))
            }
        }
        steps = balance.steps.map { step in
            Step(tCell: terms(step.factors[.T]), malignant: terms(step.factors[.malignant]),
                 carryingMalignant: terms(step.factor(for: .malignant, carrying: true)),
                 tCellUptake: step.uptake.map { terms($0.tCell) }, malignantUptake: step.uptake.map { terms($0.malignant) })
        }
        initialTCells = balance.initial[.T] ?? 0
        initialMalignant = balance.initial[.malignant] ?? 0
        dose = balance.dose
        integrates = balance.integrates
        var used = Set<Int>()
        for step in steps {
            for terms in [step.tCell, step.malignant, step.carryingMalignant, step.tCellUptake ?? [], step.malignantUptake ?? []] {
                for term in terms { used.formUnion(term.variables) }
            }
        }
        variables = used.sorted()
    }

    /// λ and the dose share for one draw.
    ///
    /// Counts are carried as log10 values, so a step of single log-normal terms costs additions only;
    /// values are turned into counts just where they must be added (at a gene transfer, or for a
    /// step whose factor has several terms).
    func lambda(_ draw: UnsafeBufferPointer<Double>) -> (lambda: Double, doseShare: Double) {
        @inline(__always) func log10Factor(_ terms: [Term]) -> Double {
            if terms.count == 1, terms[0].weight == 1 { return terms[0].exponent(draw) }
            return log10(terms.reduce(0) { $0 + $1.weight * pow10($1.exponent(draw)) })
        }
        @inline(__always) func log10Uptake(_ terms: [Term]) -> Double { min(0, log10Factor(terms)) }
        let none = -Double.infinity
        var tPlain = initialTCells > 0 ? log10(initialTCells) : none, tCarrying = none
        var mPlain = initialMalignant > 0 ? log10(initialMalignant) : none, mCarrying = none
        for step in steps {
            let t = log10Factor(step.tCell)
            tPlain += t
            tCarrying += t
            mPlain += log10Factor(step.malignant)
            mCarrying += log10Factor(step.carryingMalignant)
            if let uptake = step.tCellUptake { Self.transfer(log10Uptake(uptake), from: &tPlain, to: &tCarrying) }
            if let uptake = step.malignantUptake { Self.transfer(log10Uptake(uptake), from: &mPlain, to: &mCarrying) }
        }
        let carT = pow10(tCarrying)
        let share = dose.map { carT > 0 ? min(1, $0 / carT) : 1 } ?? 1
        return (integrates ? share * pow10(mCarrying) : 0, share)
    }

    /// Moves the fraction 10^`uptake` of the plain cells to the carrying ones, in log10 counts.
    @inline(__always) private static func transfer(_ uptake: Double, from plain: inout Double, to carrying: inout Double) {
        guard plain > -.infinity else { return }
        let taken = plain + uptake
        let remaining = pow10(plain) - pow10(taken)
        carrying = carrying == -.infinity ? taken : log10(pow10(carrying) + pow10(taken))
        plain = remaining > 0 ? log10(remaining) : -.infinity
    }
}
