import Foundation
import ProcessModel

/// Findings accepted as they stand, so a site can adopt the tool on existing processes and fail only on
/// what is new. Written by `processlint lint --write-baseline FILE`, read by `--baseline FILE`; findings
/// are matched as `processlint diff` matches them (process name, rule, step, message without numbers),
/// so edits elsewhere, moved steps and renamed files keep their findings covered.
public struct Baseline: Sendable, Codable, Equatable {
    /// Bumped when an entry's meaning changes.
    public static let formatVersion = 1

    /// A finding accepted: how many of it one process may have.
    public struct Entry: Sendable, Codable, Hashable {
        public let process: String
        public let rule: String
        public let step: String?
        /// The message with its numbers replaced by `#`.
        public let message: String
        public let count: Int
    }

    public let processlintBaseline: Int
    public let findings: [Entry]

    /// The findings of these processes, load errors aside: a file that cannot be read must never pass.
    public init(_ processes: [ProcessFindings]) {
        var counts: [Entry: Int] = [:]
        for process in processes {
            for diagnostic in process.diagnostics where !diagnostic.isLoadError {
                let fingerprint = Fingerprint(diagnostic)
                counts[Entry(process: process.identity, rule: fingerprint.ruleID, step: fingerprint.stepID,
                             message: fingerprint.message, count: 0), default: 0] += 1
            }
        }
        processlintBaseline = Self.formatVersion
        findings = counts.map { Entry(process: $0.process, rule: $0.rule, step: $0.step, message: $0.message, count: $1) }
            .sorted { ($0.process, $0.rule, $0.step ?? "", $0.message) < ($1.process, $1.rule, $1.step ?? "", $1.message) }
    }

    /// The baseline in `file`, or why it cannot be used.
    public static func read(from file: String) -> Result<Baseline, LoadDiagnostic> {
        let location = SourceLocation(file: file, range: SourceRange(at: .fileStart))
        guard let data = FileManager.default.contents(atPath: file) else {
            return .failure(LoadDiagnostic(.error, .unreadableFile, "cannot read the baseline file", at: location))
        }
        guard let baseline = try? JSONDecoder().decode(Baseline.self, from: data) else {
            return .failure(LoadDiagnostic(.error, .wrongType,
                                           "not a processlint baseline: write one with 'processlint lint --write-baseline FILE'", at: location))
        }
        guard baseline.processlintBaseline == formatVersion else {
            return .failure(LoadDiagnostic(.error, .unsupportedVersion,
                                           "baseline format \(baseline.processlintBaseline) is not supported; this tool reads format \(formatVersion)",
                                           at: location))
        }
        return .success(baseline)
    }

    /// Sorted, indented JSON: a baseline is committed, and its diffs are read in review.
    public var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Strings, integers and optionals always encode.
        return try! encoder.encode(self) + Data("\n".utf8)
    }

    /// Marks as suppressed, with `reason`, the findings of one process the baseline covers; each entry
    /// covers at most its count, so a second copy of an accepted finding is still reported.
    public func apply(to diagnostics: [Diagnostic], process identity: String, reason: String) -> [Diagnostic] {
        var remaining = allowance[identity] ?? [:]
        guard !remaining.isEmpty else { return diagnostics }
        return diagnostics.map { diagnostic in
            let key = Fingerprint(diagnostic)
            guard diagnostic.suppression == nil, !diagnostic.isLoadError, let left = remaining[key], left > 0 else { return diagnostic }
            remaining[key] = left - 1
            return diagnostic.suppressed(because: reason)
        }
    }

    private var allowance: [String: [Fingerprint: Int]] {
        var result: [String: [Fingerprint: Int]] = [:]
        for entry in findings {
            result[entry.process, default: [:]][Fingerprint(ruleID: entry.rule, stepID: entry.step, normalisedMessage: entry.message), default: 0] += entry.count
        }
        return result
    }
}
