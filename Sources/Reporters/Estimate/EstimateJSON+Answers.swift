import ProcessModel
import ResidualModel

/// The answers of `estimate --target` and `--compare` in the estimate's JSON (`docs/estimate-json.schema.json`).
extension EstimateJSON {
    struct TargetJSON: Encodable {
        let target: Double
        /// The figure held under the target, and its value for the design as it stands.
        let gateFigure: String
        let gate: SpreadJSON
        let steps: [RequiredPerformanceJSON]
        let eligibility: EligibilityJSON

        init(_ answers: TargetAnswers) {
            target = answers.target
            gateFigure = TargetAnswers.gateFigure
            gate = SpreadJSON(answers.gate)
            steps = answers.steps.map(RequiredPerformanceJSON.init)
            eligibility = EligibilityJSON(answers.eligibility)
        }
    }

    struct RequiredPerformanceJSON: Encodable {
        let step: String
        let operation: String
        /// For a step a remedy would insert, the step it goes before (`null` at the end); absent for a step the design has.
        let inserted: InsertionJSON?
        let currentLog10Reduction: Double
        /// `null` when no log reduction up to 12 brings the gate figure under the target.
        let requiredLog10Reduction: Double?
        let validatedLog10Depletion: Double?
        let bestLog10Reduction: Double
        let reachesTarget: Bool
        let gateAtRequired: SpreadJSON?
        let gateAtBest: SpreadJSON

        init(_ step: RequiredPerformance) {
            self.step = step.stepID
            operation = step.kind.rawValue
            inserted = step.insertion.map { InsertionJSON(markers: $0.markers, before: $0.beforeStepID) }
            currentLog10Reduction = step.current
            requiredLog10Reduction = step.required
            validatedLog10Depletion = step.validated
            bestLog10Reduction = step.best
            reachesTarget = step.reachesTarget
            gateAtRequired = step.gateAtRequired.map(SpreadJSON.init)
            gateAtBest = SpreadJSON(step.gateAtBest)
        }
    }

    struct InsertionJSON: Encodable {
        let markers: [String]
        let before: String?

        // `before` is written as null at the end of the process rather than left out: the place is part of the answer.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(markers, forKey: .markers)
            try container.encode(before, forKey: .before)
        }

        enum CodingKeys: String, CodingKey { case markers, before }
    }

    struct EligibilityJSON: Encodable {
        let malignantFraction: Double
        let malignantCells: Double
        let cap: Double
        let unlimited: Bool
        let statedFraction: Double
        let gateAtLimit: SpreadJSON

        init(_ eligibility: Eligibility) {
            malignantFraction = eligibility.malignantFraction
            malignantCells = eligibility.malignantCells
            cap = eligibility.cap
            unlimited = eligibility.unlimited
            statedFraction = eligibility.statedFraction
            gateAtLimit = SpreadJSON(eligibility.gateAtLimit)
        }
    }

    /// λ of `head` over λ of `base`, from the same draws.
    struct ComparisonJSON: Encodable {
        let base: String
        let head: String
        let ratio: SpreadJSON
        let draws: Int
        let seed: UInt64
    }

    /// What `--target` and `--compare` add to the document, when asked for.
    public struct Answers: Sendable {
        /// By process file.
        public var targets: [String: TargetAnswers] = [:]
        public var comparison: (base: String, head: String, ratio: RiskRatio)?

        public init(
            targets: [String: TargetAnswers] = [:], comparison: (base: String, head: String, ratio: RiskRatio)? = nil
        ) {
            self.targets = targets
            self.comparison = comparison
        }
    }
}
