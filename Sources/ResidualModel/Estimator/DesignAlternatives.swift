import ProcessModel

/// One way a design with undecided steps may be: a choice for each step that lists alternatives, and its risk.
public struct AlternativeRisk: Sendable {
    /// The choice made at each step that has alternatives, in step order.
    public let choices: [(stepID: String, label: String)]
    public let risk: Risk

    /// The choices in a few words: `t-cell-enrichment: elutriation`.
    public var label: String { choices.map { "\($0.stepID): \($0.label)" }.joined(separator: "; ") }
}

/// The designs a process file may stand for when some of its steps list alternatives (`alternatives:`): every
/// combination of their choices, each estimated as a design of its own from the same draws.
struct DesignAlternatives {
    /// More combinations than this are not enumerated: each step's choices are then varied one at a time, the
    /// others at their stated operation.
    static let combinationLimit = 64

    let design: ProcessDesign
    let estimator: ResidualEstimator

    func risks() -> [AlternativeRisk] {
        Self.choices(of: design).map { choices, steps in
            AlternativeRisk(
                choices: choices, risk: estimator.risk(of: estimator.balance(design, steps: steps), design: design))
        }
    }

    /// Every design the file may stand for, as its choices and its steps; empty when no step lists alternatives.
    static func choices(of design: ProcessDesign) -> [(choices: [(stepID: String, label: String)], steps: [Step])] {
        let undecided = design.steps.filter { !$0.alternatives.isEmpty }
        guard !undecided.isEmpty else { return [] }
        return combinations(undecided).map { picks in
            var steps = design.steps
            for (step, choice) in picks { steps[step.index] = step.choosing(choice) }
            return (picks.map { ($0.0.id.value, $0.1.label) }, steps)
        }
    }

    /// Every combination of the steps' choices, the stated operations first; or, past the limit, one step varied at a time.
    private static func combinations(_ steps: [Step]) -> [[(Step, StepAlternative)]] {
        let count = steps.reduce(1) { $0 * $1.choices.count }
        if count <= Self.combinationLimit {
            return steps.reduce([[]]) { partial, step in
                partial.flatMap { picks in step.choices.map { picks + [(step, $0)] } }
            }
        }
        let stated = steps.map { ($0, $0.choices[0]) }
        return [stated]
            + steps.indices.flatMap { position in
                steps[position].alternatives.map { alternative in
                    var picks = stated
                    picks[position] = (steps[position], alternative)
                    return picks
                }
            }
    }
}

extension Array where Element == AlternativeRisk {
    /// The alternative with the highest gate figure (the calibrated P averaged over the uncertainty).
    public var worst: AlternativeRisk? {
        self.max { $0.risk.calibratedProbability.mean < $1.risk.calibratedProbability.mean }
    }

    /// The range of median λ the alternatives span.
    public var lambdaBracket: ClosedRange<Double>? {
        let medians = map(\.risk.lambda.median)
        guard let low = medians.min(), let high = medians.max() else { return nil }
        return low...high
    }
}
