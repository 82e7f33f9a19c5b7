import Foundation
import ProcessModel
import ResidualModel

/// The estimates as JSON: every figure, for tools and for diffing two versions of a process.
enum EstimateJSON {
    /// Bumped when a field changes meaning or disappears; adding a field does not bump it.
    static let schemaVersion = 1

    struct Document: Encodable {
        let schemaVersion: Int
        let calibrationFactor: SpreadJSON
        let processes: [Process]
    }

    struct Process: Encodable {
        let file: String
        let name: String
        let steps: [StepJSON]
        let risk: RiskJSON?
        let unavailable: String?
        let assumptions: [String]
        let sensitivity: [SensitivityJSON]
        let remedies: [RemedyJSON]
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
        let draws: Int?
        let seed: UInt64?
        let doseShare, lambda, probability, calibratedLambda, calibratedProbability: SpreadJSON
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

    static func text(_ estimates: [(ProcessDesign, ResidualEstimate)], calibration: Spread) -> String {
        let document = Document(schemaVersion: schemaVersion, calibrationFactor: SpreadJSON(calibration), processes: estimates.map(process))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // An overflowing figure must not crash the output.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        // Encoding plain structs of strings and finite numbers cannot fail.
        return String(decoding: try! encoder.encode(document), as: UTF8.self) + "\n"
    }

    private static func process(_ pair: (ProcessDesign, ResidualEstimate)) -> Process {
        let (design, estimate) = pair
        return Process(
            file: design.file, name: design.name.value,
            steps: estimate.steps.map { step in
                StepJSON(id: step.stepID, operation: step.kind.rawValue,
                         counts: Dictionary(uniqueKeysWithValues: step.counts.map { ($0.key.rawValue, $0.value) }),
                         malignantCarrying: step.malignantCarrying,
                         malignantInterval: step.malignantInterval.map { [$0.lowerBound, $0.upperBound] })
            },
            risk: estimate.risk.map { risk in
                let (method, draws, seed): (String, Int?, UInt64?) = switch risk.method {
                case .exact: ("exact", nil, nil)
                case .monteCarlo(let draws, let seed): ("monte-carlo", draws, seed)
                }
                return RiskJSON(method: method, draws: draws, seed: seed, doseShare: SpreadJSON(risk.doseShare),
                                lambda: SpreadJSON(risk.lambda), probability: SpreadJSON(risk.probability),
                                calibratedLambda: SpreadJSON(risk.calibratedLambda),
                                calibratedProbability: SpreadJSON(risk.calibratedProbability))
            },
            unavailable: estimate.unavailable,
            assumptions: estimate.assumptions,
            sensitivity: estimate.sensitivity.map { SensitivityJSON(step: $0.stepID, log10Reduction: $0.log10Reduction, varianceShare: $0.varianceShare) },
            remedies: estimate.remedies.map {
                RemedyJSON(description: $0.description, lambdaReduction: $0.lambdaReduction, lambda: $0.risk.map { SpreadJSON($0.lambda) },
                           calibratedProbability: $0.risk.map { SpreadJSON($0.calibratedProbability) })
            }
        )
    }
}
