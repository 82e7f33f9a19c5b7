import Foundation
import LintKit
import ProcessModel

/// What the tool writes on an external rule's standard input: one document per run, with every process
/// the rule governs (docs/custom-rules.md, docs/external-rule-request.schema.json).
struct ExternalRuleRequest {
    /// The protocol version; a program should refuse a version it does not know.
    static let protocolVersion = 1

    struct Rule: Encodable {
        let id: String
        let title: String?
        let severity: Severity
    }

    struct Process: Encodable {
        let file: String
        /// The file's absolute path: the program runs in its configuration's folder, not where the tool was started.
        let path: String
        let design: JSONValue
        let estimate: EstimateDocument
    }

    let rule: Rule
    let processes: [GovernedProcess]

    init(rule: ExternalRuleDeclaration, processes: [GovernedProcess]) {
        self.rule = Rule(id: rule.id, title: rule.title, severity: rule.severity)
        self.processes = processes
    }

    /// The request as compact JSON, each process encoded in turn, so only one design's JSON exists at a time;
    /// keys are sorted within each object, so the same processes always give the same bytes.
    func data() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // An overflowing figure must not stop the run; JSON has no infinity, so it is sent as text.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        // Plain structs of strings and numbers, with non-finite numbers handled above: encoding cannot fail.
        var data = Data("{\"protocol\":\(Self.protocolVersion),\"rule\":".utf8)
        data.append(try! encoder.encode(rule))
        data.append(contentsOf: Array(",\"processes\":[".utf8))
        for (index, process) in processes.enumerated() {
            if index > 0 { data.append(UInt8(ascii: ",")) }
            let file = process.design.file
            data.append(
                try! encoder.encode(
                    Process(
                        file: file, path: URL(fileURLWithPath: file).standardizedFileURL.path,
                        design: DesignDocument(process.design).json, estimate: process.estimate)))
        }
        data.append(contentsOf: Array("]}".utf8))
        return data
    }
}
