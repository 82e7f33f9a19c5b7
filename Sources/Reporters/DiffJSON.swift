import Foundation
import LintKit
import ResidualModel

/// `processlint diff --format json`: the comparison for tools, in the versioned format of `docs/diff-json.md`.
public enum DiffJSON {
    /// Bumped when a field changes meaning or disappears.
    public static let schemaVersion = 1

    struct Document: Encodable {
        let schemaVersion: Int
        let base: String
        let processes: [Process]
        let summary: Summary
        let gate: Gate
    }

    struct Gate: Encodable {
        /// Whether every requested gate passed.
        let passed: Bool
        let failures: [GateFailure]
    }

    struct GateFailure: Encodable {
        /// The option of the gate that failed.
        let gate: String
        let process: String?
        let reason: String
    }

    struct Process: Encodable {
        let process: String
        /// Its name in the base version, when it was paired under another name.
        let baseProcess: String?
        let file: String?
        let baseFile: String?
        let new: [Finding]
        let fixed: [Finding]
        let unverified: [Finding]
        let unchanged: Int
        let risk: RiskRecord
    }

    struct Finding: Encodable {
        let rule, severity, message, file: String
        let step: String?
        let line, column: Int
    }

    struct RiskRecord: Encodable {
        let before, after: Lambda?
        /// λ after over λ before, at the medians; the string "Infinity" when it rose from zero.
        let factor: Double?
        /// λ after over λ before as one distribution, from the same draws of both versions: median, 90% interval
        /// and mean; absent when either version has no estimate.
        let ratio: Ratio?
        let stepChanges: [String]
        let summary: String
    }

    struct Ratio: Encodable {
        let median, low, high, mean: Double
        let draws: Int
        let seed: UInt64
    }

    struct Lambda: Encodable {
        let lambdaMedian, lambdaLow, lambdaHigh, calibratedProbability: Double
    }

    struct Summary: Encodable {
        let new, fixed, unverified, unchanged, riskIncreases: Int
    }

    public static func render(
        _ comparison: FindingComparison, base: String, gateFailures: [DiffGate.Failure] = [],
        displayed: (String) -> String
    ) -> String {
        func finding(_ diagnostic: Diagnostic) -> Finding {
            Finding(
                rule: diagnostic.ruleID, severity: diagnostic.severity.rawValue, message: diagnostic.message,
                file: displayed(diagnostic.location.file), step: diagnostic.stepID,
                line: diagnostic.location.range.start.line, column: diagnostic.location.range.start.column)
        }
        func lambda(_ risk: Risk?) -> Lambda? {
            risk.map {
                Lambda(
                    lambdaMedian: $0.lambda.median, lambdaLow: $0.lambda.low, lambdaHigh: $0.lambda.high,
                    calibratedProbability: $0.calibratedProbability.mean)
            }
        }
        let document = Document(
            schemaVersion: schemaVersion, base: base,
            processes: comparison.processes.map { process in
                let risk = process.risk
                return Process(
                    process: process.identity, baseProcess: process.baseIdentity,
                    file: process.head.map { displayed($0.file) },
                    baseFile: process.base.map { displayed($0.file) },
                    new: process.new.map(finding), fixed: process.fixed.map(finding),
                    unverified: process.unverified.map(finding), unchanged: process.unchanged.count,
                    risk: RiskRecord(
                        before: lambda(risk.before), after: lambda(risk.after), factor: risk.factor,
                        ratio: risk.ratio.map {
                            Ratio(
                                median: $0.spread.median, low: $0.spread.low, high: $0.spread.high,
                                mean: $0.spread.mean, draws: $0.draws, seed: $0.seed)
                        },
                        stepChanges: risk.stepChanges.map(\.description), summary: risk.summary))
            },
            summary: Summary(
                new: comparison.new.count, fixed: comparison.fixed.count, unverified: comparison.unverified.count,
                unchanged: comparison.unchanged.count, riskIncreases: comparison.riskIncreases),
            gate: Gate(
                passed: gateFailures.isEmpty,
                failures: gateFailures.map {
                    GateFailure(gate: $0.gate.rawValue, process: $0.process, reason: $0.reason)
                }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        // Plain structs of strings and numbers always encode.
        return String(decoding: try! encoder.encode(document), as: UTF8.self) + "\n"
    }
}
