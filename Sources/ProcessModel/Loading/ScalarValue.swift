/// What a YAML scalar means, decided by the format rather than by regular expressions: the one place
/// where text, style and tag become null, a boolean, a number or text, for process files, configuration
/// and rule files alike.
///
/// The located tree keeps every scalar as written; this reads a plain scalar as null, a boolean or a
/// number the way YAML 1.2's core schema does, and a quoted or block scalar always as text, so `"5"` is the string 5, as JSON Schema sees it too. An explicit core tag
/// (`!!str 9`, `!!float 1`) decides the type instead; any other tag, or a core tag its text does not
/// fit, is `tagProblem`'s to report. A number keeps the value it overflows to (`1e400` is infinity)
/// so that the schema check can refuse it with the text as written.
public enum ScalarValue: Equatable, Sendable {
    case null
    case boolean(Bool)
    case number(Double)
    case text(String)

    /// The tags of YAML 1.2's core schema, the only ones the format accepts.
    enum CoreTag: String {
        case str = "tag:yaml.org,2002:str"
        case int = "tag:yaml.org,2002:int"
        case float = "tag:yaml.org,2002:float"
        case bool = "tag:yaml.org,2002:bool"
        case null = "tag:yaml.org,2002:null"
        case seq = "tag:yaml.org,2002:seq"
        case map = "tag:yaml.org,2002:map"
    }

    /// Types a scalar from its text, whether it was plain (unquoted, not a block), and its explicit tag
    /// (`nil` or empty when it has none; `!` is YAML's "non-specific" tag, which makes a scalar text).
    public init(text: String, isPlain: Bool, tag: String?) {
        switch tag.flatMap({ $0.isEmpty ? nil : $0 }).map({ CoreTag(rawValue: $0) }) {
        case nil where isPlain: self = Self.resolvePlain(text)
        case nil: self = .text(text)
        case .some(.str): self = .text(text)
        case .some(.int), .some(.float):
            // A tag the text does not fit (`!!int abc`) is reported by `tagProblem`; as text it fails any number check too.
            if case .number(let value) = Self.resolvePlain(text) { self = .number(value) } else { self = .text(text) }
        case .some(.bool):
            if case .boolean(let value) = Self.resolvePlain(text) { self = .boolean(value) } else { self = .text(text) }
        case .some(.null):
            self = Self.resolvePlain(text) == .null ? .null : .text(text)
        case .some(.seq), .some(.map), .some(.none):
            // A collection tag on a scalar, or a tag outside the core schema: `tagProblem` reports it.
            self = .text(text)
        }
    }

    init(_ scalar: YAMLNode.Scalar) {
        self.init(text: scalar.string, isPlain: scalar.style == .plain, tag: scalar.tag)
    }

    /// Why an explicit tag cannot stand where it is, or `nil` when it can (or there is none). `scalarText` is
    /// a scalar's text, or `nil` for a mapping or a list; `field` names the place in the message.
    public static func tagProblem(tag: String?, scalarText: String?, isMapping: Bool, field: String) -> String? {
        guard let tag, !tag.isEmpty, tag != "!" else { return nil }
        if tag == CoreTag.str.rawValue, scalarText != nil { return nil }
        let shown = shownTag(tag)
        guard let core = CoreTag(rawValue: tag) else {
            return "tag '\(shown)' on '\(field)' is not allowed; expected no tag, or one of YAML's core tags "
                + "(!!bool, !!float, !!int, !!map, !!null, !!seq, !!str) that fits the value"
        }
        guard let text = scalarText else {
            let fits = isMapping ? core == .map : core == .seq
            return fits
                ? nil : "tag '\(shown)' on '\(field)' cannot mark \(isMapping ? "a mapping" : "a list"); remove the tag"
        }
        let value = resolvePlain(text)
        let fits =
            switch core {
            case .str: true
            case .int:
                if case .number(let number) = value { number.isFinite && number == number.rounded() } else { false }
            case .float: if case .number = value { true } else { false }
            case .bool: if case .boolean = value { true } else { false }
            case .null: value == .null
            case .seq, .map: false
            }
        return fits
            ? nil : "tag '\(shown)' on '\(field)' does not fit the value \(text.quotedForMessage); remove the tag"
    }

    /// A tag as a person writes it: `!!str` for the core schema's `tag:yaml.org,2002:str`.
    static func shownTag(_ tag: String) -> String {
        tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
    }

    /// YAML 1.2 core schema resolution of a plain scalar.
    private static func resolvePlain(_ string: String) -> ScalarValue {
        // Every null, boolean, special number and decimal starts with one of these bytes (or is empty): any other
        // scalar is text without the comparisons below, which most scalars (names, choices) would otherwise all take.
        if let first = string.utf8.first, !startsNonText(first) { return .text(string) }
        return switch string {
        case "", "~", "null", "Null", "NULL": .null
        case "true", "True", "TRUE": .boolean(true)
        case "false", "False", "FALSE": .boolean(false)
        // The core schema's infinities and not-a-number: numbers, so that a number field refuses them by name.
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": .number(.infinity)
        case "-.inf", "-.Inf", "-.INF": .number(-.infinity)
        case ".nan", ".NaN", ".NAN": .number(.nan)
        case let string where looksNumeric(string): Double(string).map(ScalarValue.number) ?? .text(string)
        case let string: .text(string)
        }
    }

    /// Whether a plain scalar starting with `byte` may be null, a boolean or a number.
    private static func startsNonText(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
            UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"):
            true
        default: false
        }
    }

    /// Decimal notation only: `Double.init` alone would also take `inf`, `nan` and hex floats.
    private static func looksNumeric(_ string: String) -> Bool {
        guard let first = string.utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
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

extension YAMLNode {
    /// The scalar's value as the format types it, or `nil` for a mapping or a list: rule files and configuration
    /// read booleans and numbers through this, so they agree with the process format.
    public var scalarValue: ScalarValue? { scalar.map(ScalarValue.init) }

    /// The scalar's number, when the format reads it as one.
    public var number: Double? {
        if case .number(let value)? = scalarValue { value } else { nil }
    }

    /// The scalar's boolean, when the format reads it as one (`true`, `True`, `TRUE`; never `yes` or `"true"`).
    public var boolean: Bool? {
        if case .boolean(let value)? = scalarValue { value } else { nil }
    }

    /// Why the node's explicit tag is not allowed where it is, if it is not; `field` names the place.
    func tagProblem(field: @autoclosure () -> String) -> String? {
        // Most nodes carry no tag: nothing to name then.
        guard let tag else { return nil }
        return ScalarValue.tagProblem(tag: tag, scalarText: scalar?.string, isMapping: mapping != nil, field: field())
    }

    /// The explicit tag of a plain scalar, as written (`!!str`), for a "remove the tag" hint; quoted scalars
    /// are text whatever their tag.
    var plainScalarTag: String? {
        guard let scalar, scalar.style == .plain, let tag = scalar.tag, !tag.isEmpty else { return nil }
        return ScalarValue.shownTag(tag)
    }
}
