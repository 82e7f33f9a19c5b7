import ProcessModel

/// A rule's message or fix with placeholders, filled in for each finding: `{step}`, `{value}`, `{limit}`.
/// Split into pieces once, when the rule file is read, so a finding costs no more than an interpolated string.
struct MessageTemplate: Sendable {
    enum Placeholder: String, CaseIterable, Sendable {
        case step, value, limit
    }

    enum Piece: Sendable {
        case text(Substring)
        case placeholder(Placeholder)
    }

    let pieces: [Piece]
    /// Names in braces that are not placeholders, for the rule-file reader to report.
    let unknownPlaceholders: [String]

    init(_ text: String) {
        var pieces: [Piece] = []
        var unknown: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = rest[rest.index(after: open)..<close]
            if let placeholder = Placeholder(rawValue: String(name)) {
                pieces += [.text(rest[..<open]), .placeholder(placeholder)]
            } else {
                unknown.append(String(name))
                pieces.append(.text(rest[...close]))
            }
            rest = rest[rest.index(after: close)...]
        }
        self.pieces = pieces + [.text(rest)]
        unknownPlaceholders = unknown
    }

    /// The text with each placeholder replaced; one with no value for this finding becomes "none".
    func filled(with violation: Violation) -> String {
        var text = ""
        for piece in pieces {
            switch piece {
            case .text(let part): text += part
            case .placeholder(.step): text += violation.step.map { "'\($0)'" } ?? "none"
            case .placeholder(.value): text += violation.value ?? "none"
            case .placeholder(.limit): text += violation.limit ?? "none"
            }
        }
        return text
    }
}
