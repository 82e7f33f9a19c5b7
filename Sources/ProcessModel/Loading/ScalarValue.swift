/// What a YAML scalar means, decided by the format rather than by regular expressions.
///
/// The tree keeps every scalar as written; this reads a plain scalar as null, a boolean or a number the
/// way YAML 1.2's core schema does, and a quoted or block scalar always as text, so `"5"` is the string 5,
/// as JSON Schema sees it too.
enum ScalarValue: Equatable {
    case null
    case boolean(Bool)
    case number(Double)
    case text(String)

    init(_ scalar: YAMLNode.Scalar) {
        guard scalar.style == .plain else {
            self = .text(scalar.string)
            return
        }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": self = .null
        case "true", "True", "TRUE": self = .boolean(true)
        case "false", "False", "FALSE": self = .boolean(false)
        case let string where Self.looksNumeric(string):
            self = Double(string).map(ScalarValue.number) ?? .text(string)
        case let string: self = .text(string)
        }
    }

    /// Decimal notation only: `Double.init` alone would also take `inf`, `nan` and hex floats.
    private static func looksNumeric(_ string: String) -> Bool {
        guard let first = string.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
            || first == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else { return false }
        return string.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
        }
    }

    /// How the value is named in "found ..." messages.
    var description: String {
        switch self {
        case .null: "nothing"
        case .boolean(let value): "\(value)"
        case .number(let value): value.compactText
        case .text(let value): value.quotedForMessage
        }
    }
}

extension String {
    /// The text in single quotes for a message, cut short if long: a message must stay one readable line
    /// even when the file holds a megabyte-long value.
    var quotedForMessage: String {
        let flat = replacingOccurrences(of: "\n", with: " ")
        return "'" + (flat.count > 60 ? flat.prefix(57) + "..." : flat) + "'"
    }
}
