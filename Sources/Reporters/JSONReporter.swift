import Foundation
import LintKit
import ProcessModel

/// Findings as one JSON document, for tools: a versioned format described in `docs/lint-json.md`.
///
/// Written as a stream (one file object after another) so memory does not grow with the number of files.
public struct JSONReporter: Reporter {
    /// Bumped when a field changes meaning or disappears; adding a field does not bump it.
    public static let schemaVersion = 1

    private var first = true
    private var counts: [Severity: Int] = [:]

    public init() {}

    struct Record: Encodable {
        let rule: String
        let severity: String
        let message: String
        /// The id of the step the finding points into; absent for findings about the whole process.
        let step: String?
        let line, column, endLine, endColumn: Int
        let fix: String?
        /// The justification of the comment that suppresses the finding; absent when it is not suppressed.
        let suppressed: String?
        let related: [Related]
        let risk: RiskRecord?

        struct Related: Encodable {
            let line, column: Int
            let message: String
        }

        struct RiskRecord: Encodable {
            let lambdaMedian, lambdaLow, lambdaHigh, calibratedProbability: Double
        }
    }

    struct FileRecord: Encodable {
        let file: String
        let diagnostics: [Record]
    }

    public mutating func report(_ file: FileReport) -> String {
        let records = file.diagnostics.map { diagnostic -> Record in
            if diagnostic.suppression == nil { counts[diagnostic.severity, default: 0] += 1 }
            let range = diagnostic.location.range
            return Record(
                rule: diagnostic.ruleID, severity: diagnostic.severity.rawValue, message: diagnostic.message,
                step: diagnostic.stepID,
                line: range.start.line, column: range.start.column, endLine: range.end.line, endColumn: range.end.column,
                fix: diagnostic.fix,
                suppressed: diagnostic.suppression,
                related: diagnostic.related.map { Record.Related(line: $0.range.start.line, column: $0.range.start.column, message: $0.message) },
                risk: diagnostic.risk.map { Record.RiskRecord(lambdaMedian: $0.lambda.median, lambdaLow: $0.lambda.low,
                                                               lambdaHigh: $0.lambda.high, calibratedProbability: $0.calibratedProbability.mean) }
            )
        }
        let prefix = first ? "{\"schemaVersion\":\(Self.schemaVersion),\"files\":[" : ","
        first = false
        return prefix + CompactJSON.encode(FileRecord(file: file.file, diagnostics: records))
    }

    public mutating func finish(files: Int) -> String {
        let summary = "\"summary\":{\"files\":\(files),\"errors\":\(counts[.error, default: 0]),"
            + "\"warnings\":\(counts[.warning, default: 0]),\"notes\":\(counts[.note, default: 0])}}\n"
        return (first ? "{\"schemaVersion\":\(Self.schemaVersion),\"files\":[" : "") + "]," + summary
    }
}
