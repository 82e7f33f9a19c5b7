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
    private var unreadable = 0

    public init() {}

    struct Record: Encodable {
        let rule: String
        /// For `format` problems, the loader's kind of problem.
        let code: String?
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

    /// The end of the run: the counts, and whether every check ran.
    struct Summary: Encodable {
        let files, errors, warnings, notes: Int
        /// `false` when the run exits 2: a file could not be read or breaks the format, or a check did not run.
        let complete: Bool
        let unreadableFiles: Int
        let failures: [Failure]
        let staleBaselineEntries: Int

        struct Failure: Encodable {
            /// The rule that did not run; absent when the configuration could not be read.
            let rule: String?
            let message, file: String
            let line, column: Int
        }
    }

    public mutating func report(_ file: FileReport) -> String {
        let records = file.diagnostics.map { diagnostic -> Record in
            if diagnostic.suppression == nil { counts[diagnostic.severity, default: 0] += 1 }
            let range = diagnostic.location.range
            return Record(
                rule: diagnostic.ruleID, code: diagnostic.code, severity: diagnostic.severity.rawValue,
                message: diagnostic.message,
                step: diagnostic.stepID,
                line: range.start.line, column: range.start.column, endLine: range.end.line,
                endColumn: range.end.column,
                fix: diagnostic.fix,
                suppressed: diagnostic.suppression,
                related: diagnostic.related.map {
                    Record.Related(line: $0.range.start.line, column: $0.range.start.column, message: $0.message)
                },
                risk: diagnostic.risk.map {
                    Record.RiskRecord(
                        lambdaMedian: $0.lambda.median, lambdaLow: $0.lambda.low,
                        lambdaHigh: $0.lambda.high, calibratedProbability: $0.calibratedProbability.mean)
                }
            )
        }
        if file.isUnreadable { unreadable += 1 }
        let prefix = first ? "{\"schemaVersion\":\(Self.schemaVersion),\"files\":[" : ","
        first = false
        return prefix + CompactJSON.encode(FileRecord(file: file.file, diagnostics: records))
    }

    public mutating func finish(_ run: RunSummary) -> String {
        let summary = Summary(
            files: run.files, errors: counts[.error, default: 0], warnings: counts[.warning, default: 0],
            notes: counts[.note, default: 0],
            complete: unreadable == 0 && run.failures.isEmpty, unreadableFiles: unreadable,
            failures: run.failures.map {
                Summary.Failure(
                    rule: $0.ruleID, message: $0.message, file: $0.location.file,
                    line: $0.location.range.start.line, column: $0.location.range.start.column)
            },
            staleBaselineEntries: run.staleBaselineEntries)
        return (first ? "{\"schemaVersion\":\(Self.schemaVersion),\"files\":[" : "") + "],\"summary\":"
            + CompactJSON.encode(summary) + "}\n"
    }
}
