import ProcessModel

/// A rule's message or fix with placeholders, filled in for each finding: `{step}`, `{value}`, `{limit}`.
struct MessageTemplate: Sendable {
    static let placeholders = ["step", "value", "limit"]

    let text: String

    /// The placeholders the text names that do not exist, for the rule-file loader to report.
    var unknownPlaceholders: [String] {
        var unknown: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            if !Self.placeholders.contains(name) { unknown.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return unknown
    }

    /// The text with each placeholder replaced; a placeholder with no value for this finding becomes "none".
    func filled(with violation: Violation) -> String {
        guard text.contains("{") else { return text }
        return text.replacingAll("{step}", with: violation.step.map { "'\($0)'" } ?? "none")
            .replacingAll("{value}", with: violation.value ?? "none")
            .replacingAll("{limit}", with: violation.limit ?? "none")
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
