import Foundation
import ProcessModel
import ResidualModel

/// The estimates as JSON: every figure, for tools and for diffing two versions of a process.
public enum EstimateJSON {
    /// Bumped when a field changes meaning or disappears; adding a field does not bump it.
    static let schemaVersion = 1

    struct Document: Encodable {
        let schemaVersion: Int
        let calibrationFactor: SpreadJSON
        let calibrationCohort: String
        let processes: [Process]
        /// With `--compare`: λ of the second file over λ of the first, from the same draws.
        let comparison: ComparisonJSON?
    }

    struct Process: Encodable {
        let file: String
        let name: String
        let steps: [StepJSON]
        let risk: RiskJSON?
        let unavailable: String?
        let assumptions: [String]
        let sensitivity: [SensitivityJSON]
        let figures: [FigureJSON]
        let remedies: [RemedyJSON]
        /// For a design whose steps list alternatives, each combination of their choices (the stated ones first).
        let alternatives: [AlternativeJSON]?
        /// With `--target`: what each step must achieve and who the design can treat.
        let target: TargetJSON?
        /// Every malignant cell in the dose, carrying the CAR or not; absent when the risk is not estimated.
        let doseMalignancy: DoseMalignancyJSON?
        /// What the residual-malignant-cells release test can see; absent when it states no limit of detection.
        let releaseDetectability: DetectabilityJSON?
    }

    struct AlternativeJSON: Encodable {
        let label: String
        let choices: [ChoiceJSON]
        let lambda, relativeRisk, calibratedProbability: SpreadJSON
        /// Whether this is the choice `residual-tumour-risk` judges the design by.
        let worst: Bool
    }

    struct ChoiceJSON: Encodable {
        let step: String
        let operation: String
    }

    struct StepJSON: Encodable {
        let id: String
        let operation: String
        let counts: [String: Double]
        let malignantCarrying: Double
        let malignantInterval: [Double]?
    }

    struct SpreadJSON: Encodable {
        let median, low, high, mean: Double
        init(_ spread: Spread) { (median, low, high, mean) = (spread.median, spread.low, spread.high, spread.mean) }
    }

    struct RiskJSON: Encodable {
        let method: String
        let methodNote: String?
        let draws: Int?
        let seed: UInt64?
        let doseShare, lambda, probability, relativeRisk, calibratedLambda, calibratedProbability: SpreadJSON
        /// `null` when the indication has no calibration cohort: the calibrated figures then borrow the reference's.
        let calibrationCohort: String?
        /// What the figures were drawn from when the catalogue was updated on the clinical record; `null` for priors.
        let recordUpdate: String?
    }

    struct FigureJSON: Encodable {
        let figure: String
        let varianceShare: Double
        let steps: [String]
        let narrowedBy: String?
    }

    struct SensitivityJSON: Encodable {
        let step: String
        let log10Reduction: Double
        let varianceShare: Double?
    }

    struct RemedyJSON: Encodable {
        let description: String
        let lambdaReduction: Double
        let lambda: SpreadJSON?
        let calibratedProbability: SpreadJSON?
    }

    public static func text(
        _ estimates: [(ProcessDesign, ResidualEstimate)], calibration: Spread, cohort: String,
        answers: Answers = Answers()
    ) -> String {
        let document = Document(
            schemaVersion: schemaVersion, calibrationFactor: SpreadJSON(calibration), calibrationCohort: cohort,
            processes: estimates.map { process($0, target: answers.targets[$0.0.file]) },
            comparison: answers.comparison.map {
                ComparisonJSON(
                    base: $0.base, head: $0.head, ratio: SpreadJSON($0.ratio.spread), draws: $0.ratio.draws,
                    seed: $0.ratio.seed)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // An overflowing figure must not crash the output.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        // Encoding plain structs of strings and finite numbers cannot fail.
        return String(decoding: try! encoder.encode(document), as: UTF8.self) + "\n"
    }

    private static func process(_ pair: (ProcessDesign, ResidualEstimate), target: TargetAnswers?) -> Process {
        let (design, estimate) = pair
        return Process(
            file: design.file, name: design.name.value,
            steps: estimate.steps.map { step in
                StepJSON(
                    id: step.stepID, operation: step.kind.rawValue,
                    counts: Dictionary(uniqueKeysWithValues: step.counts.map { ($0.key.rawValue, $0.value) }),
                    malignantCarrying: step.malignantCarrying,
                    malignantInterval: step.malignantInterval.map { [$0.lowerBound, $0.upperBound] })
            },
            risk: estimate.risk.map { risk in
                let (method, draws, seed): (String, Int?, UInt64?) =
                    switch risk.method {
                    case .exact: ("exact", nil, nil)
                    case .monteCarlo(let draws, let seed): ("monte-carlo", draws, seed)
                    }
                return RiskJSON(
                    method: method, methodNote: risk.methodNote, draws: draws, seed: seed,
                    doseShare: SpreadJSON(risk.doseShare),
                    lambda: SpreadJSON(risk.lambda), probability: SpreadJSON(risk.probability),
                    relativeRisk: SpreadJSON(risk.relativeRisk), calibratedLambda: SpreadJSON(risk.calibratedLambda),
                    calibratedProbability: SpreadJSON(risk.calibratedProbability),
                    calibrationCohort: risk.calibrationCohort, recordUpdate: risk.recordUpdate)
            },
            unavailable: estimate.unavailable,
            assumptions: estimate.assumptions,
            sensitivity: estimate.sensitivity.map {
                SensitivityJSON(step: $0.stepID, log10Reduction: $0.log10Reduction, varianceShare: $0.varianceShare)
            },
            figures: estimate.figures.map {
                FigureJSON(
                    figure: $0.figure, varianceShare: $0.varianceShare, steps: $0.stepIDs, narrowedBy: $0.narrowedBy)
            },
            remedies: estimate.remedies.map {
                RemedyJSON(
                    description: $0.description, lambdaReduction: $0.lambdaReduction,
                    lambda: $0.risk.map { SpreadJSON($0.lambda) },
                    calibratedProbability: $0.risk.map { SpreadJSON($0.calibratedProbability) })
            },
            alternatives: estimate.alternatives.isEmpty
                ? nil
                : estimate.alternatives.map { alternative in
                    AlternativeJSON(
                        label: alternative.label,
                        choices: alternative.choices.map { ChoiceJSON(step: $0.stepID, operation: $0.label) },
                        lambda: SpreadJSON(alternative.risk.lambda),
                        relativeRisk: SpreadJSON(alternative.risk.relativeRisk),
                        calibratedProbability: SpreadJSON(alternative.risk.calibratedProbability),
                        worst: alternative.label == estimate.alternatives.worst?.label)
                },
            target: target.map(TargetJSON.init),
            doseMalignancy: estimate.doseMalignancy.map(DoseMalignancyJSON.init),
            releaseDetectability: estimate.releaseDetectability.map(DetectabilityJSON.init)
        )
    }
}
