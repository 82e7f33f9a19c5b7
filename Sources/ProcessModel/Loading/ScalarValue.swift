import Yams

/// What a YAML scalar means, decided by the format rather than by regular expressions.
///
/// The loader composes with Yams' `basic` resolver, which leaves every scalar untyped; this reads
/// a plain scalar as null, a boolean or a number the way YAML 1.2's core schema does, and a quoted
/// scalar always as text, so `"5"` is the string 5, as JSON Schema sees it too.
enum ScalarValue: Equatable {
    case null
    case boolean(Bool)
    case number(Double)
    case text(String)

    init(_ scalar: Node.Scalar) {
        guard scalar.style == .plain || scalar.style == .any else {
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

extension Node {
    /// From the node's start to the end of its last scalar: the extent of a whole step, which Yams does not
    /// record for collections.
    var extent: SourceRange {
        var last = self
        while true {
            switch last {
            case .mapping(let mapping) where mapping.count > 0: last = mapping.values[mapping.count - 1]
            case .sequence(let sequence) where sequence.count > 0: last = sequence[sequence.count - 1]
            default: return SourceRange(start: range.start, end: last.range.end)
            }
        }
    }

    /// Where the node is, for located messages about it. Yams marks where a node starts; a scalar on one line
    /// also gets its end, so a caret can underline it.
    public var range: SourceRange {
        let start = mark.map { SourcePosition(line: $0.line, column: $0.column) } ?? .fileStart
        guard case .scalar(let scalar) = self, !scalar.string.utf8.contains(UInt8(ascii: "\n")) else { return SourceRange(at: start) }
        let quotes = (scalar.style == .singleQuoted || scalar.style == .doubleQuoted) ? 2 : 0
        return SourceRange(start: start, end: SourcePosition(line: start.line, column: start.column + scalar.string.unicodeScalars.count + quotes))
    }

    /// How the node is named in "found ..." messages.
    var kindDescription: String {
        switch self {
        case .scalar(let scalar): ScalarValue(scalar).description
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}

extension Node.Mapping {
    /// The value under a plain key, compared as text (Yams' own subscript also compares tags).
    func value(forKey key: String) -> Node? {
        first { $0.key.scalar?.string == key }?.value
    }
}
