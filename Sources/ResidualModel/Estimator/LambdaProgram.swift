/// The part of a mass balance that λ depends on (T cells and malignant cells, with and without the
/// CAR), flattened into arrays so that a Monte Carlo draw costs a few hundred nanoseconds.
struct LambdaProgram: Sendable {
    /// One log-normal term: `weight · 10^(constant + Σ coefficient·Z)`.
    struct Term: Sendable {
        let weight: Double
        let constant: Double
        let variables: [Int]
        let coefficients: [Double]

        @inline(__always) func value(_ draw: UnsafeBufferPointer<Double>) -> Double {
            var exponent = constant
            for index in variables.indices { exponent += coefficients[index] * draw[variables[index]] }
            return weight * pow10(exponent)
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
    func lambda(_ draw: UnsafeBufferPointer<Double>) -> (lambda: Double, doseShare: Double) {
        @inline(__always) func sum(_ terms: [Term]) -> Double {
            terms.count == 1 ? terms[0].value(draw) : terms.reduce(0) { $0 + $1.value(draw) }
        }
        var tPlain = initialTCells, tCarrying = 0.0, mPlain = initialMalignant, mCarrying = 0.0
        for step in steps {
            let t = sum(step.tCell)
            tPlain *= t
            tCarrying *= t
            mPlain *= sum(step.malignant)
            mCarrying *= sum(step.carryingMalignant)
            if let uptake = step.tCellUptake {
                let taken = min(1, sum(uptake)) * tPlain
                tPlain -= taken
                tCarrying += taken
            }
            if let uptake = step.malignantUptake {
                let taken = min(1, sum(uptake)) * mPlain
                mPlain -= taken
                mCarrying += taken
            }
        }
        let share = dose.map { tCarrying > 0 ? min(1, $0 / tCarrying) : 1 } ?? 1
        return (integrates ? share * mCarrying : 0, share)
    }
}
