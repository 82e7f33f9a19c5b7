import Foundation
import TestSupport
import Testing

@testable import ProcessModel

/// Every number the format holds, found by walking `FormatSchema` (so a new numeric field is swept the day it
/// is added), must refuse values that are not finite or cannot be held: `1e400`, a 400-digit integer, `.inf`
/// and `.nan` would otherwise overflow to infinity or compare false with every bound, and a risk computed
/// from them would pass every threshold silently.
@Suite struct NumericFieldSweepTests {
    static let holes = NumberHole.all(in: FormatSchema.process)
    static let badValues = ["1e400", "-1e400", String(repeating: "9", count: 400), ".inf", "-.inf", ".nan", ".NaN"]

    @Test func theWalkFindsTheFormatsNumbers() {
        let paths = Set(Self.holes.map(\.path))
        // A few from each part of the format, so a walk that silently misses a part fails here.
        for path in [
            "processlint", "starting_material.total_nucleated_cells", "starting_material.composition.malignant",
            "dose.car_t_cells", "dose.body_weight_kg", "steps[expansion].days", "steps[hold].temperature_c",
            "steps[positive-selection].performance.malignant_log_depletion", "release_tests[viability].min",
            "release_tests[vcn].max",
        ] {
            #expect(paths.contains(path), "\(path)")
        }
        #expect(!paths.contains { $0.hasPrefix("release_tests[sterility]") }, "a pass/fail test takes no number")
        #expect(Self.holes.count > 60)
    }

    @Test(arguments: holes)
    func everyNumberHasAnUpperBound(_ hole: NumberHole) {
        #expect(hole.isBoundedAbove, "\(hole.path) has no upper bound")
    }

    /// The bounds are past anything physical: no real or example process, and no valid fixture, crosses one.
    @Test func noProcessInTheRepositoryIsOutsideTheBounds() throws {
        let root = Repository.root
        let files = (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? [])
            .filter {
                ($0.hasPrefix("processes/") || $0.hasPrefix("examples/") || $0.hasPrefix("Tests/Fixtures/ok/"))
                    && $0.hasSuffix(".yaml")
            }
            .map { root.appendingPathComponent($0).path }
            .filter {
                (try? String(contentsOfFile: $0, encoding: .utf8))?.split(separator: "\n").contains("processlint: 1")
                    == true
            }
        #expect(files.count >= 15)
        for file in files {
            let result = ProcessLoader().load(file: file)
            #expect(result.diagnostics.map(\.description) == [], "\(file)")
        }
    }

    @Test(arguments: holes)
    func aValidValueLoadsCleanly(_ hole: NumberHole) {
        // The control: the same file with a value inside the bounds is valid, so the errors below are the value's.
        let result = ProcessLoader().load(bytes: Array(hole.document(hole.validValue).utf8), file: "sweep.yaml")
        #expect(result.diagnostics.map(\.description) == [], "\(hole.path)")
    }

    @Test(arguments: holes)
    func nonFiniteAndOverflowingValuesAreLocatedErrors(_ hole: NumberHole) throws {
        for bad in Self.badValues {
            let text = hole.document(bad)
            let result = ProcessLoader().load(bytes: Array(text.utf8), file: "sweep.yaml")
            #expect(result.design == nil, "\(hole.path) = \(bad) loaded")
            let offset = try #require(text.range(of: bad)).lowerBound
            let line = text[..<offset].filter { $0 == "\n" }.count + 1
            let column = text[..<offset].split(separator: "\n", omittingEmptySubsequences: false).last!.count + 1
            let located = result.diagnostics.filter {
                $0.severity == .error && $0.location.range.start == SourcePosition(line: line, column: column)
            }
            #expect(located.count == 1, "\(hole.path) = \(bad): \(result.diagnostics.map(\.description))")
            let message = located.first?.message ?? ""
            #expect(message.hasPrefix("'\(hole.key)' must be"), "\(message)")
            #expect(message.contains("found " + bad.quotedForMessage), "\(message)")
        }
    }
}

/// A place in the format where a number goes, with a builder of the smallest valid file holding a given text there.
struct NumberHole: CustomTestStringConvertible, Sendable {
    let path: String
    let key: String
    let bounds: NumberBounds?
    let validValue: String
    /// The YAML of the whole file, with `value` written at this place.
    let document: @Sendable (String) -> String

    var testDescription: String { path }
    var isBoundedAbove: Bool { bounds.map { $0.maximum != nil } ?? true }

    static func all(in root: ObjectShape) -> [NumberHole] {
        holes(in: root).map { hole in
            // Electroporation and transfection deliver a transposon or mRNA, not the first vector (lentiviral); as a step's
            // alternative they stand beside a transduction, whose lentiviral vector stays.
            let nonViral = hole.path.hasPrefix("steps[electroporation]") || hole.path.hasPrefix("steps[transfection]")
            return NumberHole(path: hole.path, key: hole.key, bounds: hole.bounds, validValue: hole.validValue) {
                value in
                let text = String(hole.fill(value).dropFirst()) + "\n"
                return nonViral ? text.replacingOccurrences(of: "vector: lentiviral", with: "vector: transposon") : text
            }
        }
    }

    private struct Hole: Sendable {
        let path: String
        let key: String
        let bounds: NumberBounds?
        let validValue: String
        let fill: @Sendable (String) -> String
    }

    /// The holes of a mapping whose keys start at `indent`: each field's holes, inside the smallest valid mapping
    /// around them (block style, one key a line, so every value has a position of its own).
    private static func holes(in object: ObjectShape, indent: String = "", fixed: [String: String] = [:]) -> [Hole] {
        object.fields.filter { fixed[$0.name] == nil }.flatMap { field in
            holes(in: field.shape, indent: indent + "  ").map { inner in
                Hole(
                    path: field.name + inner.path, key: inner.key.isEmpty ? field.name : inner.key,
                    bounds: inner.bounds,
                    validValue: inner.validValue
                ) { value in
                    mapping(object, indent: indent, setting: (field.name, inner.fill(value)), fixed: fixed)
                }
            }
        }
    }

    /// The holes inside a value whose nested lines start at `indent`; `fill` gives the value's text (a block
    /// value starts with a line break).
    private static func holes(in shape: Shape, indent: String) -> [Hole] {
        switch shape {
        case .number(let bounds):
            return [Hole(path: "", key: "", bounds: bounds, validValue: minimal(shape, indent: indent), fill: { $0 })]
        case .integer(let allowed):
            return [Hole(path: "", key: "", bounds: nil, validValue: "\(allowed[0])", fill: { $0 })]
        case .object(let object):
            return holes(in: object, indent: indent).map {
                Hole(
                    path: ".\($0.path)", key: $0.key, bounds: $0.bounds,
                    validValue: $0.validValue, fill: $0.fill)
            }
        case .tagged(let tagged):
            return tagged.variants.flatMap { variant in
                listItems(
                    holes(
                        in: tagged.objectShape(for: variant.choice.value)!, indent: indent + "  ",
                        fixed: [tagged.key: variant.choice.value]), tag: variant.choice.value, indent: indent)
            }
        case .list(.object(let object), _):
            // A list of mappings (the shares of markers the malignant cells lack): the mapping as the list's only item.
            return listItems(holes(in: object, indent: indent + "  "), tag: "", indent: indent)
        case .list(let item, _):
            return holes(in: item, indent: indent)
        case .choiceOrObject(_, let key, _, let variants):
            return variants.keys.sorted().flatMap { choice in
                listItems(
                    holes(in: variants[choice]!, indent: indent + "  ", fixed: [key: choice]), tag: choice,
                    indent: indent)
            }
        case .text, .boolean, .choice, .marker, .dictionary:
            return []
        }
    }

    /// Holes of a mapping that is a list's only item: `- ` takes the place of the first key's indent.
    private static func listItems(_ holes: [Hole], tag: String, indent: String) -> [Hole] {
        holes.map { hole in
            Hole(path: "[\(tag)].\(hole.path)", key: hole.key, bounds: hole.bounds, validValue: hole.validValue) {
                asListItem(hole.fill($0), indent: indent)
            }
        }
    }

    private static func asListItem(_ block: String, indent: String) -> String {
        "\n\(indent)- " + block.dropFirst(indent.count + 3)
    }

    /// The smallest valid mapping of `object` (its required keys, one of each group it needs), with a key set to a value.
    private static func mapping(
        _ object: ObjectShape, indent: String, setting: (key: String, value: String)? = nil,
        fixed: [String: String] = [:]
    ) -> String {
        let key = setting?.key ?? ""
        var keys = object.fields.filter(\.isRequired).map(\.name)
        for group in object.requiresOneOf + (object.exactlyOneOf.isEmpty ? [] : [object.exactlyOneOf])
        where !group.contains(key) {
            if keys.allSatisfy({ !group.contains($0) }) { keys.append(group[0]) }
        }
        // A body weight qualifies a per-kg dose.
        if key == "body_weight_kg", object.exactlyOneOf.contains("car_t_cells_per_kg") {
            keys.removeAll { object.exactlyOneOf.contains($0) }
            keys.append("car_t_cells_per_kg")
        }
        // A share of the malignant cells can lack only a marker they are listed as carrying.
        if key == "malignant_marker_negative", object.field(named: "malignant_markers") != nil {
            keys.append("malignant_markers")
        }
        if let setting, !keys.contains(setting.key) { keys.append(setting.key) }
        return keys.map { name in
            let text =
                name == key
                ? setting!.value : fixed[name] ?? minimal(object.field(named: name)!.shape, indent: indent + "  ")
            return "\n\(indent)\(name):" + (text.hasPrefix("\n") ? text : " " + text)
        }.joined()
    }

    /// A valid value of a shape, as YAML whose nested lines start at `indent`.
    private static func minimal(_ shape: Shape, indent: String) -> String {
        switch shape {
        case .text(.identifier): "s1"
        case .text(.prose): "x"
        case .number(let bounds):
            if let low = bounds.minimum, !bounds.minimumIsExclusive {
                low.compactText
            } else if let low = bounds.minimum {
                (bounds.maximum.map { min(low + 1, ($0 + low) / 2) } ?? low + 1).compactText
            } else {
                "0"
            }
        case .integer(let allowed): "\(allowed[0])"
        case .boolean: "true"
        case .choice(let choices, _): choices[0].value
        case .marker: "CD19"
        case .list(.tagged(let tagged), _): minimal(.tagged(tagged), indent: indent)
        case .list(let item, _): "[\(minimal(item, indent: indent))]"
        case .object(let object): mapping(object, indent: indent)
        case .tagged(let tagged):
            asListItem(
                mapping(tagged.objectShape(for: tagged.variants[0].choice.value)!, indent: indent + "  "),
                indent: indent)
        case .choiceOrObject(let choices, _, _, _): choices[0].value
        case .dictionary: "{}"
        }
    }
}
