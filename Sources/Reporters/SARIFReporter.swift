import Foundation
import LintKit
import ProcessModel

/// Findings as SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one run whose rule table comes
/// from the rules' own descriptions (and the pseudo-rules `format` and `suppression`), then one result per finding.
///
/// Written as a stream, the rule table first and then each file's results, so memory does not grow with the
/// number of files. Paths are relative to the source root (`%SRCROOT%`), columns count Unicode scalars, and a
/// suppressed finding stays in the log with its justification, as an audit trail.
public struct SARIFReporter: Reporter {
    /// GitHub code scanning rejects a run with more results than this; later results are left out, and the log says so.
    public static let resultLimit = 25_000
    static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    static let fingerprintKey = "processlint/v1"

    private let root: SourceRoot
    private let ruleIndex: [String: Int]
    private let limit: Int
    private var header: String?
    private var written = 0
    private var leftOut = 0
    private var unreadable = 0

    /// `rules` are the registered rules' descriptions; `version` and `informationURI` describe the tool;
    /// `limit` is lowered only by tests.
    public init(
        rules: [RuleDescription], version: String, informationURI: String, root: SourceRoot,
        limit: Int = SARIFReporter.resultLimit
    ) {
        var table: [RuleDescription] = []
        for rule in rules + PseudoRules.all where !table.contains(where: { $0.id == rule.id }) { table.append(rule) }
        self.root = root
        self.limit = limit
        ruleIndex = Dictionary(uniqueKeysWithValues: table.enumerated().map { ($1.id, $0) })
        // One rule, and later one result, a line: a golden file's diff then shows what changed.
        header =
            "{\"$schema\":\"\(Self.schemaURI)\",\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{"
            + "\"informationUri\":\(CompactJSON.encode(informationURI)),\"name\":\"processlint\",\"version\":\(CompactJSON.encode(version)),"
            + "\"rules\":[\n" + table.map { CompactJSON.encode(Rule($0)) }.joined(separator: ",\n") + "\n]}},"
            + "\"columnKind\":\"unicodeCodePoints\",\"originalUriBaseIds\":"
            + CompactJSON.encode(["%SRCROOT%": ["uri": root.uri]]) + ",\"results\":["
    }

    public mutating func report(_ file: FileReport) -> String {
        var text = header ?? ""
        if file.isUnreadable { unreadable += 1 }
        var seen: [String: Int] = [:]
        for diagnostic in file.diagnostics {
            guard written < limit else {
                leftOut += 1
                continue
            }
            // Two findings with one fingerprint in a file stay apart by their order, as GitHub's own line hashes do.
            let fingerprint = root.display(diagnostic.location.file) + "|" + Fingerprint(diagnostic).description
            seen[fingerprint, default: 0] += 1
            let occurrence = seen[fingerprint]!
            text +=
                (written == 0 ? "\n" : ",\n")
                + CompactJSON.encode(
                    result(diagnostic, fingerprint: occurrence == 1 ? fingerprint : fingerprint + "|\(occurrence)"))
            written += 1
        }
        header = nil
        return text
    }

    public mutating func finish(_ run: RunSummary) -> String {
        // A run that exits 2 is not a successful execution, and says why: a code-scanning dashboard showing a
        // clean run for a rule that never ran would be a silent pass.
        var notifications = run.failures.map { failure in
            Notification(
                level: "error", message: Message(text: failure.message),
                locations: [location(failure.location.file, failure.location.range)],
                associatedRule: failure.ruleID.map { RuleReference(id: $0, index: ruleIndex[$0]) })
        }
        if unreadable > 0 {
            notifications.append(
                Notification(
                    level: "error",
                    message: Message(
                        text:
                            "\(unreadable) file\(unreadable == 1 ? "" : "s") cannot be read or \(unreadable == 1 ? "breaks" : "break") the format, "
                            + "so \(unreadable == 1 ? "it was" : "they were") not checked: see the results of rule '\(Diagnostic.formatRuleID)'"
                    ),
                    associatedRule: RuleReference(
                        id: Diagnostic.formatRuleID, index: ruleIndex[Diagnostic.formatRuleID])))
        }
        if leftOut > 0 {
            notifications.append(
                Notification(
                    level: "warning",
                    message: Message(
                        text:
                            "\(leftOut) results were left out: GitHub code scanning rejects a run with more than \(limit)"
                    )))
        }
        if run.staleBaselineEntries > 0 {
            notifications.append(
                Notification(
                    level: "note",
                    message: Message(
                        text:
                            "\(run.staleBaselineEntries) baseline entr\(run.staleBaselineEntries == 1 ? "y matches" : "ies match") no finding: "
                            + "--update-baseline removes them")))
        }
        let invocation = Invocation(
            executionSuccessful: run.failures.isEmpty && unreadable == 0,
            toolExecutionNotifications: notifications.isEmpty ? nil : notifications)
        return (header ?? "") + "\n],\"invocations\":[" + CompactJSON.encode(invocation) + "]}]}\n"
    }

    private func result(_ diagnostic: Diagnostic, fingerprint: String) -> Result {
        let risk = diagnostic.risk.map {
            RiskRecord(
                lambdaMedian: $0.lambda.median, lambdaLow: $0.lambda.low, lambdaHigh: $0.lambda.high,
                calibratedProbability: $0.calibratedProbability.mean)
        }
        let file = diagnostic.location.file
        return Result(
            ruleId: diagnostic.ruleID, ruleIndex: ruleIndex[diagnostic.ruleID], level: diagnostic.severity.rawValue,
            message: Message(text: diagnostic.message + (diagnostic.fix.map { "\nfix: \($0)" } ?? "")),
            locations: [location(file, diagnostic.location.range)],
            relatedLocations: diagnostic.related.isEmpty
                ? nil
                : diagnostic.related.enumerated().map { index, related in
                    location(file, related.range, id: index + 1, message: related.message)
                },
            partialFingerprints: [Self.fingerprintKey: fingerprint],
            suppressions: diagnostic.suppression.map { [Suppression(kind: "inSource", justification: $0)] },
            properties: diagnostic.stepID == nil && risk == nil && diagnostic.code == nil
                ? nil : Properties(code: diagnostic.code, step: diagnostic.stepID, risk: risk))
    }

    private func location(_ file: String, _ range: SourceRange, id: Int? = nil, message: String? = nil) -> Location {
        let artifact =
            if let relative = root.relative(file) {
                ArtifactLocation(uri: SourceRoot.encode(relative), uriBaseId: "%SRCROOT%")
            } else {
                ArtifactLocation(uri: (file.hasPrefix("/") ? "file://" : "") + SourceRoot.encode(file), uriBaseId: nil)
            }
        // An empty range marks only where something starts: without an end, SARIF extends it to the end of the line.
        let empty = range.start == range.end
        let region = Region(
            startLine: range.start.line, startColumn: range.start.column,
            endLine: empty ? nil : range.end.line, endColumn: empty ? nil : range.end.column)
        return Location(
            id: id, physicalLocation: PhysicalLocation(artifactLocation: artifact, region: region),
            message: message.map(Message.init))
    }

    // The SARIF objects written, named as the specification names them.

    struct Rule: Encodable {
        let id, name: String
        let shortDescription, fullDescription: Message
        let help: Help
        let defaultConfiguration: Configuration

        struct Help: Encodable {
            let text, markdown: String
        }

        struct Configuration: Encodable {
            let level: String
        }

        init(_ rule: RuleDescription) {
            id = rule.id
            // SARIF's `name` is an identifier for people: the id in UpperCamelCase.
            name = rule.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            shortDescription = Message(text: rule.title)
            fullDescription = Message(text: rule.rationale)
            help = Help(
                text: rule.rationale + "\n\nReferences:\n" + rule.references.map { "- \($0)\n" }.joined(),
                markdown: "**\(rule.title)**\n\n\(rule.rationale)\n\nReferences:\n\n"
                    + rule.references.map { "- \($0)\n" }.joined())
            defaultConfiguration = Configuration(level: rule.defaultSeverity.rawValue)
        }
    }

    struct Message: Encodable {
        let text: String
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int?
        let level: String
        let message: Message
        let locations: [Location]
        let relatedLocations: [Location]?
        let partialFingerprints: [String: String]
        let suppressions: [Suppression]?
        let properties: Properties?
    }

    struct Location: Encodable {
        let id: Int?
        let physicalLocation: PhysicalLocation
        let message: Message?
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }

    struct ArtifactLocation: Encodable {
        let uri: String
        let uriBaseId: String?
    }

    struct Region: Encodable {
        let startLine, startColumn: Int
        let endLine, endColumn: Int?
    }

    struct Suppression: Encodable {
        let kind, justification: String
    }

    /// The step a finding points into and the risk figures, as in `--format json`.
    struct Properties: Encodable {
        let code: String?
        let step: String?
        let risk: RiskRecord?
    }

    struct RiskRecord: Encodable {
        let lambdaMedian, lambdaLow, lambdaHigh, calibratedProbability: Double
    }

    struct Invocation: Encodable {
        let executionSuccessful: Bool
        let toolExecutionNotifications: [Notification]?
    }

    struct Notification: Encodable {
        let level: String
        let message: Message
        var locations: [Location]? = nil
        var associatedRule: RuleReference? = nil
    }

    /// SARIF's `reportingDescriptorReference`: the rule a notification is about.
    struct RuleReference: Encodable {
        let id: String
        let index: Int?
    }
}
