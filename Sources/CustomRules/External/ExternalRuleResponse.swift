import Foundation
import LintKit
import ProcessModel

/// What an external rule prints on standard output, read strictly: anything that is not the protocol is a
/// violation with its reason, never ignored (docs/custom-rules.md, docs/external-rule-response.schema.json).
///
///     {"protocol": 1, "diagnostics": [{"file": "a.yaml", "rule": "site-closed-expansion", "severity": "error",
///      "message": "...", "fix": "...", "location": {"step": "expansion", "field": "device"}}]}
enum ExternalRuleResponse {
    /// Why a program's output was refused.
    struct Violation: Error {
        let reason: String
    }

    static let keys = ["protocol", "diagnostics"]
    static let diagnosticKeys = ["file", "rule", "severity", "message", "fix", "location"]
    static let locationKeys = ["step", "field"]

    /// The diagnostics in `output`, located in the processes sent; or the first way the output breaks the protocol.
    static func diagnostics(in output: Data, rule: ExternalRuleDeclaration, processes: [String: GovernedProcess])
        throws(Violation) -> [Diagnostic]
    {
        guard !output.isEmpty else {
            throw Violation(
                reason: "it printed nothing; a rule with no findings prints {\"protocol\": 1, \"diagnostics\": []}")
        }
        let root: JSON
        do {
            root = try JSONDecoder().decode(JSON.self, from: output)
        } catch {
            let start = String(decoding: output.prefix(80), as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines)
            throw Violation(reason: "its output is not JSON: \(start.quotedForMessage)")
        }
        let document = try object(root, keys: keys, "the output")
        guard case .number(let version)? = document["protocol"] else {
            throw Violation(
                reason:
                    "the output lacks 'protocol', the version it speaks; this processlint speaks \(ExternalRuleRequest.protocolVersion)"
            )
        }
        guard version == Double(ExternalRuleRequest.protocolVersion) else {
            throw Violation(
                reason:
                    "the output is for protocol \(version.compactText), but this processlint speaks \(ExternalRuleRequest.protocolVersion)"
            )
        }
        guard case .array(let entries)? = document["diagnostics"] else {
            throw Violation(reason: "the output lacks the list 'diagnostics'")
        }
        return try entries.enumerated().map { index, entry throws(Violation) in
            try diagnostic(entry, "diagnostics[\(index)]", rule: rule, processes: processes)
        }
    }

    private static func diagnostic(
        _ entry: JSON, _ name: String, rule: ExternalRuleDeclaration,
        processes: [String: GovernedProcess]
    ) throws(Violation) -> Diagnostic {
        let fields = try object(entry, keys: diagnosticKeys, name)
        let file = try text(fields["file"], "\(name).file")
        guard let process = processes[file] else {
            throw Violation(reason: "\(name).file \(file.quotedForMessage) is not a file the rule was sent")
        }
        let id = try text(fields["rule"], "\(name).rule")
        guard id == rule.id else {
            throw Violation(
                reason: "\(name).rule \(id.quotedForMessage) is not the rule this program is declared for, '\(rule.id)'"
            )
        }
        let message = try text(fields["message"], "\(name).message")
        var severity: Severity?
        if let value = fields["severity"] {
            let word = try text(value, "\(name).severity")
            guard let known = Severity(rawValue: word) else {
                throw Violation(
                    reason:
                        "\(name).severity \(word.quotedForMessage) is not one of: \(Severity.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            severity = known
        }
        let fix = try fields["fix"].map { value throws(Violation) in try text(value, "\(name).fix") }
        // A finding is one line of compiler-style output; a line break would forge the next one.
        if let broken = [("message", message), ("fix", fix ?? "")].first(where: { $0.1.contains("\n") }) {
            throw Violation(reason: "\(name).\(broken.0) must be on one line")
        }
        var step: String?
        var field: String?
        if let value = fields["location"] {
            let location = try object(value, keys: locationKeys, "\(name).location")
            step = try location["step"].map { value throws(Violation) in try text(value, "\(name).location.step") }
            field = try location["field"].map { value throws(Violation) in try text(value, "\(name).location.field") }
        }
        let range = try locate(step: step, field: field, in: process, name)
        return Diagnostic(
            Finding(message, at: range, fix: fix, severity: severity), ruleID: rule.id, defaultSeverity: rule.severity,
            configured: process.severities[rule.id], in: process.design)
    }

    /// The text a location names: a step's, a path's in the design (within the step, when one is named),
    /// or the file's start for a finding about the whole process.
    static func locate(step: String?, field: String?, in process: GovernedProcess, _ name: String) throws(Violation)
        -> SourceRange
    {
        let design = process.design
        var base: String?
        if let step {
            guard let found = design.step(withID: step) else {
                let ids = design.steps.map(\.id.value)
                throw Violation(
                    reason: "\(name).location.step \(step.quotedForMessage) is not a step of \(design.file)"
                        + alternatives(to: step, ids, "its steps are"))
            }
            base = "steps.\(found.index)"
        }
        guard let path = [base, field].compactMap({ $0 }).joined(separator: ".").nilIfEmpty else {
            return SourceRange(at: .fileStart)
        }
        let ranges = DesignDocument(design).ranges
        if let range = ranges[path] { return range }
        // List what could have been meant: the keys beside the last one.
        let parent = path.split(separator: ".").dropLast().joined(separator: ".")
        let prefix = parent.isEmpty ? "" : parent + "."
        let siblings = Set(
            ranges.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count).prefix { $0 != "." }) }
        ).sorted()
        let last = path.split(separator: ".").last.map(String.init) ?? ""
        let within = step.map { " in step '\($0)'" } ?? ""
        throw Violation(
            reason: "\(name).location.field \((field ?? "").quotedForMessage) is not a value\(within) of \(design.file)"
                + alternatives(to: last, siblings, "there are"))
    }

    /// `; did you mean 'x'? valid keys are: a, b`, as the loader's messages end.
    private static func alternatives(to word: String, _ candidates: [String], _ label: String) -> String {
        guard !candidates.isEmpty else { return "" }
        let hint = Suggestion.nearest(to: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ";"
        return hint + " \(label): \(candidates.joined(separator: ", "))"
    }

    private static func object(_ value: JSON, keys: [String], _ name: String) throws(Violation) -> [String: JSON] {
        guard case .object(let members) = value else {
            throw Violation(reason: "\(name) must be a JSON object, found \(value.kind)")
        }
        if let unknown = members.keys.sorted().first(where: { !keys.contains($0) }) {
            throw Violation(
                reason: "unknown key \(unknown.quotedForMessage) in \(name)"
                    + alternatives(to: unknown, keys.sorted(), "valid keys are"))
        }
        return members
    }

    private static func text(_ value: JSON?, _ name: String) throws(Violation) -> String {
        guard let value else { throw Violation(reason: "\(name) is missing") }
        guard case .string(let text) = value, !text.isEmpty else {
            throw Violation(reason: "\(name) must be a non-empty string, found \(value.kind)")
        }
        return text
    }

    /// Any JSON value, with booleans kept apart from numbers (which `JSONSerialization` would merge).
    private enum JSON: Decodable {
        case null, boolean(Bool), number(Double), string(String), array([JSON]), object([String: JSON])

        init(from decoder: any Decoder) throws {
            if var list = try? decoder.unkeyedContainer() {
                var items: [JSON] = []
                while !list.isAtEnd { items.append(try list.decode(JSON.self)) }
                self = .array(items)
            } else if let members = try? decoder.container(keyedBy: Key.self) {
                self = .object(
                    Dictionary(
                        try members.allKeys.map { ($0.stringValue, try members.decode(JSON.self, forKey: $0)) },
                        uniquingKeysWith: { first, _ in first }))
            } else {
                let single = try decoder.singleValueContainer()
                if single.decodeNil() {
                    self = .null
                } else if let value = try? single.decode(Bool.self) {
                    self = .boolean(value)
                } else if let value = try? single.decode(Double.self) {
                    self = .number(value)
                } else {
                    self = .string(try single.decode(String.self))
                }
            }
        }

        var kind: String {
            switch self {
            case .null: "null"
            case .boolean(let value): "\(value)"
            case .number(let value): value.compactText
            case .string(let value): value.isEmpty ? "an empty string" : value.quotedForMessage
            case .array: "a list"
            case .object: "an object"
            }
        }

        struct Key: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }

    /// A value quoted in a message, shortened: programs may print anything.
    fileprivate var quotedForMessage: String {
        let flat = replacingOccurrences(of: "\n", with: " ")
        return "'" + (flat.count > 60 ? flat.prefix(57) + "..." : flat) + "'"
    }
}
