import Foundation

/// The declarative description of what a YAML value may be.
///
/// Format 1 is written once, as `Shape` values (see `FormatSchema`). The loader validates files
/// against it, `processlint schema` turns it into JSON Schema, and the reference table in
/// `docs/format.md` is generated from it: one source of truth for all three.
public indirect enum Shape: Sendable {
    /// Free text; `identifier` restricts it to a step-id-like token.
    case text(TextKind)
    /// A real number within bounds.
    case number(NumberBounds)
    /// An integer from a fixed set (the format version).
    case integer(allowed: [Int])
    case boolean
    /// One string from a fixed list; `noun` names what it is in messages ("rule", "severity"),
    /// where the key's own name would not.
    case choice([Choice], noun: String? = nil)
    /// A cell-surface marker or antigen; normalised, and an unknown one (or two run together) is an error.
    case marker
    /// A list of values of one shape.
    case list(of: Shape, constraints: ListConstraints)
    /// A mapping with known keys.
    case object(ObjectShape)
    /// A mapping whose `key` field selects one of several object shapes (a step's `operation`).
    case tagged(TaggedShape)
    /// A mapping whose keys come from a set known only at run time (rule ids), all with one value shape.
    case dictionary(keys: [Choice], value: Shape)
    /// Either a bare choice or a mapping that names the choice in its `key` field and adds detail
    /// (a release test: `sterility`, or `{test: vcn, max: 5}`). `object` holds every key any choice takes;
    /// `variants` narrows it for a choice (each test's limits in its own unit and range).
    case choiceOrObject(choices: [Choice], key: String, object: ObjectShape, variants: [String: ObjectShape] = [:])

    public enum TextKind: Sendable {
        case prose
        case identifier

        /// The allowed characters of an identifier, for the validator and the JSON Schema alike.
        static let identifierPattern = "^[A-Za-z0-9][A-Za-z0-9._-]*$"
    }
}

/// One allowed string value, with what it means.
public struct Choice: Sendable {
    public let value: String
    public let summary: String
    /// Other words for the value, lower-case, that suggest it when written instead.
    public let synonyms: [String]

    public init(_ value: String, _ summary: String, synonyms: [String] = []) {
        self.value = value
        self.summary = summary
        self.synonyms = synonyms
    }

    /// The choice a written word most likely means: one it is a synonym of (ignoring case, spaces, '_' and '-',
    /// and a marker named with it, as in `CD3 selection`), else the nearest in spelling.
    static func suggestion(for text: String, among choices: [Choice]) -> String? {
        let words = text.lowercased().split { $0 == " " || $0 == "_" || $0 == "-" }
        let plain = words.joined(separator: " ")
        // `CD3 selection`, `CD19 depletion`: the marker is the step's `markers`, the rest its operation.
        let withoutMarkers = words.filter { !($0.hasPrefix("cd") && $0.dropFirst(2).allSatisfy(\.isNumber)) }.joined(
            separator: " ")
        for candidate in [plain, withoutMarkers] where !candidate.isEmpty {
            if let choice = choices.first(where: {
                $0.synonyms.contains(candidate) || $0.value.replacingOccurrences(of: "-", with: " ") == candidate
            }) {
                return choice.value
            }
        }
        return Suggestion.nearest(to: text, among: choices.map(\.value))
    }
}

/// Bounds on a number; either bound may be exclusive.
public struct NumberBounds: Sendable {
    public var minimum: Double?
    public var maximum: Double?
    public var minimumIsExclusive = false
    public var maximumIsExclusive = false

    public init(
        minimum: Double? = nil, maximum: Double? = nil, minimumIsExclusive: Bool = false,
        maximumIsExclusive: Bool = false
    ) {
        self.minimum = minimum
        self.maximum = maximum
        self.minimumIsExclusive = minimumIsExclusive
        self.maximumIsExclusive = maximumIsExclusive
    }

    public static let fraction = NumberBounds(minimum: 0, maximum: 1)
    public static let positive = NumberBounds(minimum: 0, minimumIsExclusive: true)
    public static let nonNegative = NumberBounds(minimum: 0)

    public static func between(_ low: Double, _ high: Double) -> NumberBounds {
        NumberBounds(minimum: low, maximum: high)
    }

    public func contains(_ value: Double) -> Bool {
        if let minimum, minimumIsExclusive ? value <= minimum : value < minimum { return false }
        if let maximum, maximumIsExclusive ? value >= maximum : value > maximum { return false }
        return true
    }

    /// The bounds in words, for messages and docs: "greater than 0", "between 0 and 1", "at most 1e12".
    public var phrase: String {
        let text = boundText
        switch (minimum, maximum) {
        case (let low?, let high?) where !minimumIsExclusive && !maximumIsExclusive:
            return "between \(text(low)) and \(text(high))"
        case (let low?, let high?):
            return "\(minimumIsExclusive ? "greater than" : "at least") \(text(low)) and "
                + "\(maximumIsExclusive ? "less than" : "at most") \(text(high))"
        case (let low?, nil):
            return "\(minimumIsExclusive ? "greater than" : "at least") \(text(low))"
        case (nil, let high?):
            return "\(maximumIsExclusive ? "less than" : "at most") \(text(high))"
        case (nil, nil):
            return "any number"
        }
    }

    /// A bound as a person reads it: large ones in powers of ten (`1e12`, not thirteen digits).
    private func boundText(_ value: Double) -> String {
        guard abs(value) >= 1e7 else { return value.compactText }
        let exponent = Int(log10(abs(value)).rounded(.down))
        let mantissa = (value / pow(10, Double(exponent)) * 1000).rounded() / 1000
        return "\(mantissa.compactText)e\(exponent)"
    }
}

/// Constraints on a list as a whole.
public struct ListConstraints: Sendable {
    public var minimumCount = 0
    /// Items must differ in this field of theirs (step ids) or, for scalars, in value (`"."`).
    public var uniqueBy: String?
    /// A single item written without the list (`exclude: drafts/*`) stands for a list of one.
    public var acceptsOneItem = false

    public init(minimumCount: Int = 0, uniqueBy: String? = nil, acceptsOneItem: Bool = false) {
        self.minimumCount = minimumCount
        self.uniqueBy = uniqueBy
        self.acceptsOneItem = acceptsOneItem
    }

    public static let any = ListConstraints()
    /// Any number of items, or one written alone.
    public static let oneOrMore = ListConstraints(acceptsOneItem: true)
    public static let nonEmpty = ListConstraints(minimumCount: 1)
}

/// A mapping with a fixed set of keys.
public struct ObjectShape: Sendable {
    public let fields: [Field]
    /// Groups of keys of which at least one must be present (a dose as a total or per kilogram).
    public var requiresOneOf: [[String]] = []
    /// When set, the numbers under the keys must add up to no more than this, within rounding.
    public var sumAtMost: Double?
    /// Keys of which exactly one must be present (the one check of a declarative rule).
    public var exactlyOneOf: [String] = []
    /// Pairs of number keys where the first must not exceed the second (`min` and `max` of a limit).
    public var ordered: [OrderedPair] = []
    /// Keys this mapping does not take though a mapping like it does, with the reason, said instead of
    /// "unknown key" (a pass/fail release test has no `max`).
    public var refusals: [String: String] = [:]

    /// Field positions by name, so validating a key is one lookup.
    private let positions: [String: Int]
    /// The required fields, each with the position its name is looked up at, so that checking them needs no lookup.
    let required: [(name: String, position: Int)]

    public init(
        _ fields: [Field], requiresOneOf: [[String]] = [], sumAtMost: Double? = nil, exactlyOneOf: [String] = [],
        ordered: [OrderedPair] = [], refusals: [String: String] = [:]
    ) {
        self.fields = fields
        self.requiresOneOf = requiresOneOf
        self.sumAtMost = sumAtMost
        self.exactlyOneOf = exactlyOneOf
        self.ordered = ordered
        self.refusals = refusals
        let positions = Dictionary(
            fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.positions = positions
        required = fields.filter(\.isRequired).map { ($0.name, positions[$0.name]!) }
    }

    public func field(named name: String) -> Field? { positions[name].map { fields[$0] } }

    /// Where the field of a name stands in `fields` (its first, should two share it).
    func position(of name: String) -> Int? { positions[name] }

    /// The keys, sorted, as listed in "valid keys are ..." messages.
    var keyList: String { fields.map(\.name).sorted().joined(separator: ", ") }
}

/// Two number keys of one mapping of which the first may not be above the second.
public struct OrderedPair: Sendable {
    public let low: String
    public let high: String

    public init(_ low: String, atMost high: String) {
        self.low = low
        self.high = high
    }

    /// A specification's lower limit may not be above its upper one.
    public static let minAtMostMax = OrderedPair("min", atMost: "max")
}

/// One key of a mapping.
public struct Field: Sendable {
    public let name: String
    public let shape: Shape
    public let isRequired: Bool
    public let summary: String

    public static func required(_ name: String, _ shape: Shape, _ summary: String) -> Field {
        Field(name: name, shape: shape, isRequired: true, summary: summary)
    }

    public static func optional(_ name: String, _ shape: Shape, _ summary: String) -> Field {
        Field(name: name, shape: shape, isRequired: false, summary: summary)
    }
}

/// Object shapes selected by the value of one key, with fields common to all of them.
public struct TaggedShape: Sendable {
    public let key: String
    public let common: [Field]
    public let variants: [Variant]
    /// What one mapping is called in messages: `step 'x'`, `an alternative`.
    public let noun: String
    /// Each variant's whole object shape (the common fields, then its own), by tag value.
    private let shapes: [String: ObjectShape]

    public struct Variant: Sendable {
        public let choice: Choice
        public let fields: [Field]
    }

    public init(key: String, common: [Field], variants: [Variant], noun: String = "step") {
        self.key = key
        self.common = common
        self.variants = variants
        self.noun = noun
        shapes = Dictionary(
            variants.map { ($0.choice.value, ObjectShape(common + $0.fields)) }, uniquingKeysWith: { first, _ in first }
        )
    }

    /// The whole object shape selected by a tag value, if the value names a variant.
    public func objectShape(for tag: String) -> ObjectShape? { shapes[tag] }
}

extension Double {
    /// A number as a person writes it: `1`, `0.5`, `1e+10`, never `1.0`.
    public var compactText: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        return "\(self)"
    }
}
