/// Checks a YAML tree against a `Shape` and reports every departure, located.
///
/// It never stops at the first problem: a mapping with an unknown key still has its other keys
/// checked, and a step with a bad parameter still has its id checked for duplicates.
struct ShapeValidator {
    private(set) var problems: [(LoadDiagnostic.Severity, LoadDiagnostic.Kind, String, SourceRange)] = []
    /// The key of the value about to be validated, handed from a mapping's loop to `validate`, which takes it at
    /// once: a finding about a whole mapping belongs on `composition:`, the line a reader looks for, not on the
    /// mapping's first key.
    private var keyRange: SourceRange?

    mutating func validate(_ node: YAMLNode, against object: ObjectShape, context: String) {
        if let problem = node.tagProblem(field: context) { return report(.invalidValue, problem, at: node.range) }
        validateObject(node, object, context: context)
    }

    private mutating func report(
        _ kind: LoadDiagnostic.Kind, _ message: String, at range: SourceRange,
        severity: LoadDiagnostic.Severity = .error
    ) {
        problems.append((severity, kind, message, range))
    }

    private mutating func validate(_ node: YAMLNode, _ shape: Shape, name: String) {
        let key = keyRange
        keyRange = nil
        // A tag the format does not take (`!!python/object`, `!custom`) or one its value does not fit is an
        // error in itself, whatever the field: a tag must never change silently what a value means.
        if let problem = node.tagProblem(field: name) { return report(.invalidValue, problem, at: node.range) }
        switch shape {
        case .text(let kind):
            guard case .scalar(let scalar) = node, case .text = ScalarValue(scalar) else {
                let hint =
                    node.plainScalarTag.map { " (remove the tag '\($0)')" }
                    ?? (node.scalar.map { ScalarValue($0) != .null } == true ? " (quote it to use it as text)" : "")
                return report(
                    .wrongType, "'\(name)' must be text, found \(node.kindDescription)\(hint)", at: node.range)
            }
            if Self.isBlank(scalar.string) {
                report(.invalidValue, "'\(name)' must not be empty", at: node.range)
            } else if kind == .identifier, !Self.isIdentifier(scalar.string) {
                report(
                    .invalidValue,
                    "'\(name)' must be letters, digits, '-', '_' or '.', starting with a letter or digit; found \(scalar.string.quotedForMessage)",
                    at: node.range)
            }
        case .number(let bounds):
            guard case .scalar(let scalar) = node, case .number(let value) = ScalarValue(scalar) else {
                return report(
                    .wrongType,
                    "'\(name)' must be a number, found \(node.kindDescription)" + Self.numberHint(node, bounds: bounds),
                    at: node.range)
            }
            // `1e400`, a 400-digit integer and `.inf` overflow to infinity, `.nan` compares false with every bound:
            // either would pass a range check silently and poison every figure computed from it.
            guard value.isFinite else {
                return report(
                    .outOfRange,
                    "'\(name)' must be a finite number \(bounds.phrase), found \(scalar.string.quotedForMessage)",
                    at: node.range)
            }
            if !bounds.contains(value) {
                report(
                    .outOfRange,
                    "'\(name)' must be \(bounds.phrase), found \(value.compactText)" + Self.percentHint(value, bounds),
                    at: node.range)
            }
        case .integer(let allowed):
            guard case .scalar(let scalar) = node, case .number(let value) = ScalarValue(scalar),
                let integer = Int(exactly: value)
            else {
                return report(
                    .wrongType, "'\(name)' must be an integer, found \(node.kindDescription)" + Self.numberHint(node),
                    at: node.range)
            }
            if !allowed.contains(integer) {
                report(
                    .invalidValue,
                    "'\(name)' must be \(allowed.map(String.init).joined(separator: " or ")), found \(integer)",
                    at: node.range)
            }
        case .boolean:
            guard case .scalar(let scalar) = node, case .boolean = ScalarValue(scalar) else {
                return report(
                    .wrongType,
                    "'\(name)' must be true or false, found \(node.kindDescription)"
                        + (node.plainScalarTag.map { "; remove the tag '\($0)'" } ?? ""), at: node.range)
            }
        case .choice(let choices, let noun):
            validateChoice(node, choices, name: noun ?? name)
        case .marker:
            guard case .scalar(let scalar) = node, ScalarValue(scalar) != .null else {
                return report(
                    .wrongType, "'\(name)' must be a marker such as CD19, found \(node.kindDescription)", at: node.range
                )
            }
            // Every marker field is read by a safety rule (docs/format.md lists them): a typo there must stop the
            // file, never quietly change which cells a selection acts on or drop a rule's escalation.
            if let parts = Marker.missingComma(in: scalar.string) {
                report(
                    .unknownMarker,
                    "\(scalar.string.quotedForMessage) in '\(name)' reads as one marker; a comma is missing: "
                        + "write \(parts.joined(separator: ", ")) as separate markers", at: node.range)
                return
            }
            let marker = Marker(normalising: scalar.string)
            if !marker.isKnown {
                let hint = marker.nearestKnown.map { "; did you mean '\($0)'?" } ?? "; check its spelling"
                report(.unknownMarker, "unknown marker \(scalar.string.quotedForMessage)\(hint)", at: node.range)
            }
        case .list(let item, let constraints):
            validateList(node, item, constraints, name: name)
        case .object(let object):
            // A list entry with an id (a custom rule, an external rule) is named by it: "'rules' entry 'site-x'".
            validateObject(
                node, object,
                context: node.mapping?.value(forKey: "id")?.string
                    .map { "'\(name)' entry \($0.quotedForMessage)" } ?? "'\(name)'", keyRange: key)
        case .tagged(let tagged):
            validateTagged(node, tagged, name: name)
        case .dictionary(let keys, let value):
            guard case .mapping(let mapping) = node else {
                return report(.wrongType, "'\(name)' must be a mapping, found \(node.kindDescription)", at: node.range)
            }
            let names = keys.map(\.value)
            for (keyNode, valueNode) in mapping {
                let key = keyNode.string ?? ""
                if names.contains(key) {
                    validate(valueNode, value, name: key)
                } else {
                    let hint = Suggestion.nearest(to: key, among: names).map { "; did you mean '\($0)'?" } ?? ""
                    report(.unknownKey, "unknown key \(key.quotedForMessage) in '\(name)'\(hint)", at: keyNode.range)
                }
            }
        case .choiceOrObject(let choices, let key, let object, let variants):
            if case .mapping(let mapping) = node {
                // The choice's own shape when the key names one; else the general one, which reports the bad key.
                if let choice = mapping.value(forKey: key)?.string, let variant = variants[choice] {
                    validateObject(node, variant, context: "'\(name)' entry", keyTerm: " (\(key) '\(choice)')")
                } else {
                    validateObject(node, object, context: "'\(name)' entry")
                }
            } else if case .scalar = node {
                validateChoice(node, choices, name: key)
            } else {
                report(
                    .wrongType,
                    "each '\(name)' entry must be a name or a mapping with '\(key)', found \(node.kindDescription)",
                    at: node.range)
            }
        }
    }

    private mutating func validateChoice(_ node: YAMLNode, _ choices: [Choice], name: String) {
        if case .scalar(let scalar) = node, choices.contains(where: { $0.value == scalar.string }) { return }
        let valid = choices.map(\.value)
        guard case .scalar(let scalar) = node, ScalarValue(scalar) != .null else {
            return report(
                .wrongType, "'\(name)' must be one of \(valid.joined(separator: ", ")); found \(node.kindDescription)",
                at: node.range)
        }
        let hint = Choice.suggestion(for: scalar.string, among: choices).map { "did you mean '\($0)'? " } ?? ""
        report(
            .invalidValue,
            "unknown \(name) \(scalar.string.quotedForMessage); \(hint)expected one of: \(valid.sorted().joined(separator: ", "))",
            at: node.range)
    }

    private mutating func validateList(_ node: YAMLNode, _ item: Shape, _ constraints: ListConstraints, name: String) {
        if constraints.acceptsOneItem, case .scalar = node { return validate(node, item, name: name) }
        guard case .sequence(let sequence) = node else {
            return report(.wrongType, "'\(name)' must be a list, found \(node.kindDescription)", at: node.range)
        }
        if sequence.count < constraints.minimumCount {
            report(
                .invalidValue,
                "'\(name)' must list at least \(constraints.minimumCount) item\(constraints.minimumCount == 1 ? "" : "s")",
                at: node.range)
        }
        var seen = FirstSeen()
        for element in sequence {
            validate(element, item, name: name)
            guard let uniqueBy = constraints.uniqueBy,
                let (identity, range) = Self.identity(of: element, by: uniqueBy, isMarker: item.isMarker)
            else { continue }
            if let first = seen.position(of: identity) {
                if uniqueBy == "id" {
                    report(
                        .duplicateStepID,
                        "duplicate step id \(identity.quotedForMessage); it is first used at line \(first.line)",
                        at: range)
                } else {
                    report(
                        .invalidValue,
                        "\(identity.quotedForMessage) is listed twice in '\(name)'; first at line \(first.line)",
                        at: range)
                }
            } else {
                seen.record(identity, at: range.start)
            }
        }
    }

    /// `context` and `keyTerm` name the mapping in messages; they are built only when there is a problem to report.
    /// `keyRange` is where the mapping's own key stands, for findings about the mapping as a whole.
    private mutating func validateObject(
        _ node: YAMLNode, _ object: ObjectShape, context: @autoclosure () -> String,
        keyTerm: @autoclosure () -> String = "", keyRange: SourceRange? = nil
    ) {
        guard case .mapping(let mapping) = node else {
            return report(.wrongType, "\(context()) must be a mapping, found \(node.kindDescription)", at: node.range)
        }
        var present = FieldPositions()
        var sum = 0.0
        let place = keyRange ?? node.range
        self.keyRange = nil
        // Fractions written as percentages are one mistake, said once, not an error per key and one for the sum.
        let writtenInPercent = object.sumAtMost == 1 && Self.looksLikePercentages(mapping)
        if writtenInPercent {
            report(
                .outOfRange, "the values in \(context()) look like percentages: write fractions (0.15, not 15)",
                at: place)
        }
        for (keyNode, value) in mapping {
            if let problem = keyNode.tagProblem(field: keyNode.string ?? "") {
                report(.invalidValue, problem, at: keyNode.range)
                continue
            }
            guard case .scalar(let keyScalar) = keyNode else {
                report(
                    .wrongType, "keys in \(context()) must be plain names, found \(keyNode.kindDescription)",
                    at: keyNode.range)
                continue
            }
            let key = keyScalar.string
            guard let position = object.position(of: key) else {
                if let reason = object.refusals[key] {
                    report(.invalidValue, reason, at: keyNode.range)
                    continue
                }
                let placement = object.placement(of: key).map { path in
                    "it belongs under '\(path.last!)'"
                        + (path.count > 1 ? " in '\(path.dropLast().joined(separator: "' in '"))'" : "") + "; "
                }
                let hint =
                    placement ?? Suggestion.nearest(to: key, among: object.fields.map(\.name)).map {
                        "did you mean '\($0)'? "
                    } ?? ""
                report(
                    .unknownKey,
                    "unknown key \(key.quotedForMessage) in \(context())\(keyTerm()); \(hint)valid keys are: \(object.keyList)",
                    at: keyNode.range)
                continue
            }
            present.insert(position)
            let field = object.fields[position]
            if writtenInPercent, case .number = field.shape { continue }
            self.keyRange = keyNode.range
            validate(value, field.shape, name: key)
            if object.sumAtMost != nil, case .scalar(let scalar) = value,
                case .number(let number) = ScalarValue(scalar), number.isFinite
            {
                sum += number
            }
        }
        for field in object.required where !present.contains(field.position) {
            report(.missingKey, "\(context())\(keyTerm()) is missing the required key '\(field.name)'", at: node.range)
        }
        for group in object.requiresOneOf
        where !group.contains(where: { name in object.position(of: name).map(present.contains) ?? false }) {
            report(.missingKey, "\(context())\(keyTerm()) needs \(group.quotedAlternatives)", at: node.range)
        }
        if !object.exactlyOneOf.isEmpty {
            let given = mapping.map(\.key).filter { object.exactlyOneOf.contains($0.string ?? "") }
            if given.isEmpty {
                report(
                    .missingKey, "\(context())\(keyTerm()) needs one of \(object.exactlyOneOf.quotedAlternatives)",
                    at: node.range)
            }
            for extra in given.dropFirst() {
                report(
                    .invalidValue,
                    "\(context())\(keyTerm()) may have only one of \(object.exactlyOneOf.quotedAlternatives); "
                        + "found '\(given[0].string ?? "")' and \((extra.string ?? "").quotedForMessage)",
                    at: extra.range)
            }
        }
        for pair in object.ordered {
            guard let low = mapping.value(forKey: pair.low), let high = mapping.value(forKey: pair.high),
                case .number(let lowValue)? = low.scalarValue, case .number(let highValue)? = high.scalarValue,
                lowValue.isFinite, highValue.isFinite, lowValue > highValue
            else { continue }
            report(
                .invalidValue,
                "'\(pair.low)' \(lowValue.compactText) is above '\(pair.high)' \(highValue.compactText) in \(context())\(keyTerm()): "
                    + "no value can pass; expected '\(pair.low)' at most '\(pair.high)'", at: low.range)
        }
        // Fractions are often written rounded to two places; allow that much over.
        if let limit = object.sumAtMost, sum > limit + 0.005, !writtenInPercent {
            report(
                .outOfRange,
                "the fractions in \(context()) add up to \(Self.rounded(sum)); they must add up to at most \(limit.compactText)",
                at: place)
        }
    }

    private mutating func validateTagged(_ node: YAMLNode, _ tagged: TaggedShape, name: String) {
        guard case .mapping(let mapping) = node else {
            return report(
                .wrongType, "each entry of '\(name)' must be a mapping, found \(node.kindDescription)", at: node.range)
        }
        // Only a message needs the article: worked out there, since Foundation's `contains` cost 4,000 instructions
        // for every step of every file.
        let idText = {
            mapping.value(forKey: "id")?.string.map { "\(tagged.noun) \($0.quotedForMessage)" }
                ?? "\("aeiou".contains(tagged.noun.prefix(1)) ? "an" : "a") \(tagged.noun)"
        }
        guard let tagNode = mapping.value(forKey: tagged.key) else {
            report(.missingKey, "\(idText()) is missing the required key '\(tagged.key)'", at: node.range)
            // The likeliest reason is a misspelled key (`operaton:`): name it on its own line.
            let known = tagged.common.map(\.name) + [tagged.key] + tagged.variants.flatMap { $0.fields.map(\.name) }
            for (keyNode, _) in mapping {
                guard let key = keyNode.string, !known.contains(key) else { continue }
                let hint = Suggestion.nearest(to: key, among: known).map { "; did you mean '\($0)'?" } ?? ""
                report(.unknownKey, "unknown key \(key.quotedForMessage) in \(idText())\(hint)", at: keyNode.range)
            }
            return validateKnownFields(of: mapping, tagged.common, name: name)
        }
        guard let tag = tagNode.string, let shape = tagged.objectShape(for: tag) else {
            validate(tagNode, .choice(tagged.variants.map(\.choice)), name: tagged.key)
            return validateKnownFields(of: mapping, tagged.common, name: name)
        }
        validateObject(node, shape, context: idText(), keyTerm: " (operation '\(tag)')")
    }

    /// Checks only the fields that are known without the tag, when the tag itself is wrong.
    private mutating func validateKnownFields(of mapping: YAMLNode.Mapping, _ fields: [Field], name: String) {
        for field in fields {
            if let value = mapping.value(forKey: field.name), field.name != "operation" {
                validate(value, field.shape, name: field.name)
            }
        }
    }

    /// What makes a list element unique: its own value (`"."`, markers normalised), or one of its fields;
    /// a bare name stands for itself (a release test written as `sterility`).
    private static func identity(of element: YAMLNode, by key: String, isMarker: Bool) -> (String, SourceRange)? {
        let node = (key == "." || element.scalar != nil) ? element : element.mapping?.value(forKey: key)
        guard let node, let text = node.string else { return nil }
        return (isMarker ? Marker(normalising: text).name : text, node.range)
    }

    /// How to mend a value that is not a number: a quoted number, or one tagged as text.
    private static func numberHint(_ node: YAMLNode, bounds: NumberBounds? = nil) -> String {
        if let tag = node.plainScalarTag { return "; remove the tag '\(tag)'" }
        guard let scalar = node.scalar else { return "" }
        if scalar.style != .plain, Double(scalar.string) != nil { return "; write the number without quotes" }
        return UnitHint(scalar.string, isFraction: bounds.map { $0.minimum == 0 && $0.maximum == 1 } ?? false)?.text
            ?? ""
    }

    /// Whether a mapping of fractions holds percentages: more than one value above 1 and none above 100.
    private static func looksLikePercentages(_ mapping: YAMLNode.Mapping) -> Bool {
        let numbers = mapping.compactMap { $0.value.number }
        return numbers.filter { $0 > 1 }.count >= 2 && numbers.allSatisfy { $0 <= 100 }
    }

    /// A fraction written as a percentage (`min: 70` for a viability of 70%) is the likeliest mistake above 1.
    private static func percentHint(_ value: Double, _ bounds: NumberBounds) -> String {
        guard bounds.minimum == 0, bounds.maximum == 1, value > 1, value <= 100 else { return "" }
        return "; this looks like a percent: write \((value / 100).compactText)"
    }

    /// Whether text is empty or all whitespace.
    private static func isBlank(_ text: String) -> Bool {
        // A character is whitespace by its first scalar: text starting with a printable ASCII byte is not blank,
        // decided without breaking the text into characters, as nearly every value is.
        if let first = text.utf8.first, (UInt8(ascii: "!")...UInt8(ascii: "~")).contains(first) { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    static func isIdentifier(_ text: String) -> Bool {
        // Bytes, not scalars: every allowed character is ASCII, and no byte of a longer UTF-8 sequence is.
        guard let first = text.utf8.first, first.isASCIIAlphanumeric else { return false }
        return text.utf8.allSatisfy {
            $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
        }
    }

    private static func rounded(_ value: Double) -> String {
        String((value * 1000).rounded() / 1000)
    }
}

/// The positions of an object's fields that a mapping has set: a bit each, so noting a key hashes nothing, as a
/// set of names built for every mapping would.
private struct FieldPositions {
    private var bits: UInt64 = 0
    /// Positions past the 64 bits, for an object shape that large.
    private var beyond: [Int] = []

    mutating func insert(_ position: Int) {
        if position < 64 { bits |= 1 << UInt64(position) } else { beyond.append(position) }
    }

    func contains(_ position: Int) -> Bool {
        position < 64 ? bits & (1 << UInt64(position)) != 0 : beyond.contains(position)
    }
}

extension Shape {
    fileprivate var isMarker: Bool {
        if case .marker = self { return true }
        return false
    }
}

extension UInt8 {
    fileprivate var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}

extension [String] {
    /// Names in quotes joined as a person lists them: 'a', 'b' or 'c'.
    var quotedAlternatives: String {
        let names = map { "'\($0)'" }
        return names.count <= 2
            ? names.joined(separator: " or ") : names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
