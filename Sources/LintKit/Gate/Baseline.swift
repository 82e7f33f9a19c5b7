import Foundation
import ProcessModel

/// Findings accepted as they stand, so a site can adopt the tool on existing processes and fail only on
/// what is new. Written by `processlint lint --write-baseline FILE`, read by `--baseline FILE`; findings
/// are matched as `processlint diff` matches them (process name, rule, step, message without numbers),
/// so edits elsewhere, moved steps and renamed files keep their findings covered.
///
/// Numbers aside would let an accepted risk finding hide any rise of λ, so a finding with risk figures keeps
/// its λ in the entry, and stays accepted only while λ has not risen past `riskFactor` times it.
public struct Baseline: Sendable, Codable, Equatable {
    /// Bumped when an entry's meaning changes: format 2 records λ, and without it a risk cannot be held.
    public static let formatVersion = 2
    /// How far λ of an accepted risk finding may rise before the finding is reported again: a doubling is
    /// already a change of process, not noise (the estimate is deterministic for a given file).
    public static let defaultRiskFactor = 2.0

    /// A finding accepted: how many of it one process may have.
    public struct Entry: Sendable, Codable, Hashable {
        public let process: String
        public let rule: String
        public let step: String?
        /// The message with its numbers replaced by `#`.
        public let message: String
        public let count: Int
        /// λ's median when the finding was accepted, for findings with risk figures (`residual-tumour-risk`).
        public let lambda: Double?

        var key: Key {
            Key(process: process, fingerprint: Fingerprint(ruleID: rule, stepID: step, normalisedMessage: message))
        }
    }

    /// What identifies an entry: the process and the finding's fingerprint.
    public struct Key: Sendable, Hashable {
        let process: String
        let fingerprint: Fingerprint
    }

    public let processlintBaseline: Int
    /// An accepted risk finding is reported again, with the rise, once λ exceeds this many times its recorded λ.
    public let riskFactor: Double
    public let findings: [Entry]
    /// The entries by process and fingerprint, summed: built once, read for every file.
    private let allowance: [String: [Fingerprint: Allowance]]

    /// How many copies of one finding a process may have, and the lowest λ accepted for it.
    private struct Allowance: Sendable, Equatable {
        var count: Int
        let lambda: Double?
    }

    private enum CodingKeys: String, CodingKey {
        case processlintBaseline, riskFactor, findings
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        processlintBaseline = try container.decode(Int.self, forKey: .processlintBaseline)
        riskFactor = try container.decode(Double.self, forKey: .riskFactor)
        findings = try container.decode([Entry].self, forKey: .findings)
        allowance = Self.allowance(of: findings)
    }

    /// The findings of these processes, load errors aside: a file that cannot be read must never pass.
    public init(_ processes: [ProcessFindings], riskFactor: Double = Baseline.defaultRiskFactor) {
        var counts: [Entry: Int] = [:]
        for process in processes {
            for diagnostic in process.diagnostics where !diagnostic.isLoadError {
                let fingerprint = Fingerprint(diagnostic)
                counts[
                    Entry(
                        process: process.identity, rule: fingerprint.ruleID, step: fingerprint.stepID,
                        message: fingerprint.message, count: 0, lambda: diagnostic.risk?.lambda.median), default: 0] +=
                    1
            }
        }
        self.init(
            riskFactor: riskFactor,
            entries: counts.map {
                Entry(
                    process: $0.process, rule: $0.rule, step: $0.step, message: $0.message, count: $1, lambda: $0.lambda
                )
            })
    }

    private init(riskFactor: Double, entries: [Entry]) {
        processlintBaseline = Self.formatVersion
        self.riskFactor = riskFactor
        findings = entries.sorted {
            ($0.process, $0.rule, $0.step ?? "", $0.message) < ($1.process, $1.rule, $1.step ?? "", $1.message)
        }
        allowance = Self.allowance(of: findings)
    }

    /// The baseline in `file`, or why it cannot be used.
    public static func read(from file: String) -> Result<Baseline, LoadDiagnostic> {
        let location = SourceLocation(file: file, range: SourceRange(at: .fileStart))
        guard let data = FileManager.default.contents(atPath: file) else {
            return .failure(LoadDiagnostic(.error, .unreadableFile, "cannot read the baseline file", at: location))
        }
        struct Version: Decodable { let processlintBaseline: Int }
        guard let version = try? JSONDecoder().decode(Version.self, from: data) else {
            return .failure(
                LoadDiagnostic(
                    .error, .wrongType,
                    "not a processlint baseline: write one with 'processlint lint --write-baseline FILE'", at: location)
            )
        }
        guard version.processlintBaseline == formatVersion else {
            return .failure(
                LoadDiagnostic(
                    .error, .unsupportedVersion,
                    "baseline format \(version.processlintBaseline) is not supported; this tool reads format \(formatVersion)"
                        + (version.processlintBaseline == 1
                            ? " (format 1 records no λ, so it cannot tell whether an accepted "
                                + "risk rose): write it again with 'processlint lint --write-baseline FILE'" : ""),
                    at: location))
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        guard let baseline = try? decoder.decode(Baseline.self, from: data) else {
            return .failure(
                LoadDiagnostic(
                    .error, .wrongType,
                    "not a processlint baseline: write one with 'processlint lint --write-baseline FILE'", at: location)
            )
        }
        guard baseline.riskFactor >= 1, baseline.riskFactor.isFinite else {
            return .failure(
                LoadDiagnostic(
                    .error, .outOfRange,
                    "the baseline's riskFactor must be a finite factor of at least 1, found \(baseline.riskFactor)",
                    at: location))
        }
        return .success(baseline)
    }

    /// Sorted, indented JSON: a baseline is committed, and its diffs are read in review.
    public var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // An overflowed λ is kept as text rather than crash the writer; it never covers a finding (NaN ≤ x is false).
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        // Strings, numbers and optionals always encode.
        return try! encoder.encode(self) + Data("\n".utf8)
    }

    /// Which entries a run matched, and the lowest λ seen for each: to count stale entries and to update the file.
    public struct Usage: Sendable {
        var copies: [Key: Int] = [:]
        var lowestLambda: [Key: Double] = [:]

        public init() {}

        public mutating func add(_ other: Usage) {
            copies.merge(other.copies, uniquingKeysWith: +)
            lowestLambda.merge(other.lowestLambda) { Swift.min($0, $1) }
        }
    }

    /// One process's findings with the baseline applied, and the entries they used.
    public struct Application: Sendable {
        public let diagnostics: [Diagnostic]
        public let usage: Usage
    }

    /// Marks as suppressed, with `reason`, the findings of one process the baseline covers; each entry covers at
    /// most its count, so a second copy of an accepted finding is still reported. A risk finding whose λ rose past
    /// `riskFactor` times the accepted one is reported, with the rise in its message.
    public func apply(to diagnostics: [Diagnostic], process identity: String, reason: String) -> Application {
        var remaining = allowance[identity] ?? [:]
        var usage = Usage()
        guard !remaining.isEmpty else { return Application(diagnostics: diagnostics, usage: usage) }
        let result = diagnostics.map { diagnostic in
            let fingerprint = Fingerprint(diagnostic)
            guard diagnostic.suppression == nil, !diagnostic.isLoadError, let allowed = remaining[fingerprint],
                allowed.count > 0
            else {
                return diagnostic
            }
            remaining[fingerprint]?.count -= 1
            let key = Key(process: identity, fingerprint: fingerprint)
            usage.copies[key, default: 0] += 1
            if let lambda = diagnostic.risk?.lambda.median {
                if !(lambda >= usage.lowestLambda[key] ?? .infinity) { usage.lowestLambda[key] = lambda }
                guard let accepted = allowed.lambda, lambda <= accepted * riskFactor else {
                    return Self.reported(diagnostic, rise: rise(from: allowed.lambda, to: lambda))
                }
            }
            return diagnostic.suppressed(because: reason)
        }
        return Application(diagnostics: result, usage: usage)
    }

    /// How many accepted copies matched no finding in a run.
    public func staleEntries(after usage: Usage) -> Int {
        findings.reduce(0) { $0 + max(0, $1.count - (usage.copies[$1.key] ?? 0)) }
    }

    /// The baseline as `--update-baseline` rewrites it: stale copies dropped, nothing added, and λ lowered to what
    /// the run found where it fell (never raised, so a risk cannot creep up by updates).
    public func updated(after usage: Usage) -> Baseline {
        Baseline(
            riskFactor: riskFactor,
            entries: findings.compactMap { entry in
                let used = min(entry.count, usage.copies[entry.key] ?? 0)
                guard used > 0 else { return nil }
                let lambda = entry.lambda.map { old in usage.lowestLambda[entry.key].map { $0 < old ? $0 : old } ?? old
                }
                return Entry(
                    process: entry.process, rule: entry.rule, step: entry.step, message: entry.message, count: used,
                    lambda: lambda)
            })
    }

    private func rise(from accepted: Double?, to lambda: Double) -> String {
        guard let accepted else { return "the baseline records no λ for it, so its rise cannot be bounded" }
        if lambda.isNaN { return "λ is not a number now, so its rise past the baseline's cannot be bounded" }
        let factor = accepted == 0 ? "from 0" : "×\(FigureFormat.count(lambda / accepted))"
        return
            "λ rose \(factor) since the baseline (\(FigureFormat.count(accepted))), past its risk factor \(FigureFormat.plain(riskFactor))"
    }

    /// The finding no longer accepted: reported, with why, as a new one would be.
    private static func reported(_ diagnostic: Diagnostic, rise: String) -> Diagnostic {
        Diagnostic(
            ruleID: diagnostic.ruleID, severity: diagnostic.severity,
            finding: Finding(
                diagnostic.message + "; " + rise, at: diagnostic.location.range, related: diagnostic.related,
                fix: diagnostic.fix, risk: diagnostic.risk, severity: diagnostic.severity),
            file: diagnostic.location.file, stepID: diagnostic.stepID)
    }

    private static func allowance(of findings: [Entry]) -> [String: [Fingerprint: Allowance]] {
        var result: [String: [Fingerprint: Allowance]] = [:]
        for entry in findings {
            let key = entry.key
            let previous = result[entry.process, default: [:]][key.fingerprint]
            let lambda = [previous?.lambda, entry.lambda].compactMap { $0 }.min()
            result[entry.process, default: [:]][key.fingerprint] = Allowance(
                count: (previous?.count ?? 0) + entry.count, lambda: lambda)
        }
        return result
    }
}
