import Foundation
import LintKit
import ProcessModel

/// What the tool writes on an external rule's standard input: one document per run, with every process
/// the rule governs (docs/custom-rules.md, docs/external-rule-request.schema.json).
struct ExternalRuleRequest: Encodable {
    /// The protocol version; a program should refuse a version it does not know.
    static let protocolVersion = 1

    struct Rule: Encodable {
        let id: String
        let title: String?
        let severity: Severity
    }

    struct Process: Encodable {
        let file: String
        let design: JSONValue
        let estimate: EstimateDocument
    }

    let protocolVersion = ExternalRuleRequest.protocolVersion
    let rule: Rule
    let processes: [Process]

    enum CodingKeys: String, CodingKey {
        case protocolVersion = "protocol"
        case rule, processes
    }

    init(rule: ExternalRuleDeclaration, processes: [GovernedProcess]) {
        self.rule = Rule(id: rule.id, title: rule.title, severity: rule.severity)
        self.processes = processes.map { Process(file: $0.design.file, design: $0.document.json, estimate: $0.estimate) }
    }

    /// The request as compact JSON, keys sorted so the same processes always give the same bytes.
    func data() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // An overflowing figure must not stop the run; JSON has no infinity, so it is sent as text.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        // Plain structs of strings and numbers, with non-finite numbers handled above: encoding cannot fail.
        return try! encoder.encode(self)
    }
}
