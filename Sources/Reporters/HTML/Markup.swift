/// HTML (and the SVG inside it) written element by element, where every value put in is escaped: tag and
/// attribute names are compile-time constants (`StaticString`), and text and attribute values pass through
/// `escaped` on the way in. Nothing a process file holds (a name, a step id, a note, a finding's message) can
/// open an element or an attribute; a `<script>` in a process name comes out as the text `&lt;script&gt;`.
///
/// A small writer rather than JohnSundell/Plot 0.14.0: Plot writes attribute values unescaped
/// (`Attribute.render()` is `name="value"`), leaves text that looks like an entity (`&lt;`) as it is, so the
/// page would show `<` where the file said `&lt;`, and has no SVG vocabulary; the report needs all three.
struct Markup {
    /// The text written so far.
    private(set) var text = ""

    init() {
        text.reserveCapacity(16_384)
    }

    /// `<name attributes>` then what `content` writes, then `</name>`.
    mutating func element(
        _ name: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:],
        _ content: (inout Markup) -> Void
    ) {
        open(name, attributes)
        content(&self)
        close(name)
    }

    /// `<name attributes>text</name>`, the text escaped.
    mutating func element(
        _ name: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:], text value: String
    ) {
        open(name, attributes)
        text(value)
        close(name)
    }

    /// An element with no content: `<meta ...>` in HTML; in SVG (`selfClosing`) `<line .../>`.
    mutating func empty(
        _ name: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:], selfClosing: Bool = false
    ) {
        text += "<\(name)"
        appendAttributes(attributes)
        text += selfClosing ? "/>" : ">"
    }

    /// Text content, escaped.
    mutating func text(_ value: String) {
        Self.escape(value, into: &text, quotes: false)
    }

    /// Markup fixed in the program (the style sheet, the doctype): never a value from a file.
    mutating func trusted(_ constant: StaticString) {
        text += "\(constant)"
    }

    /// Another writer's markup, already escaped element by element.
    mutating func append(_ other: Markup) {
        text += other.text
    }

    /// An element whose attributes are built at run time (a marker's data attributes); names still constants.
    mutating func element(
        _ name: StaticString, attributes: [(name: StaticString, value: String)], _ content: (inout Markup) -> Void
    ) {
        text += "<\(name)"
        for (name, value) in attributes { appendAttribute(name, value) }
        text += ">"
        content(&self)
        close(name)
    }

    /// An empty element whose attributes are built at run time.
    mutating func empty(
        _ name: StaticString, attributes: [(name: StaticString, value: String)], selfClosing: Bool = false
    ) {
        text += "<\(name)"
        for (name, value) in attributes { appendAttribute(name, value) }
        text += selfClosing ? "/>" : ">"
    }

    private mutating func open(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String>) {
        text += "<\(name)"
        appendAttributes(attributes)
        text += ">"
    }

    private mutating func close(_ name: StaticString) {
        text += "</\(name)>"
    }

    private mutating func appendAttributes(_ attributes: KeyValuePairs<StaticString, String>) {
        for (name, value) in attributes { appendAttribute(name, value) }
    }

    private mutating func appendAttribute(_ name: StaticString, _ value: String) {
        text += " \(name)=\""
        Self.escape(value, into: &text, quotes: true)
        text += "\""
    }

    /// `&`, `<` and `>` as references, and in attribute values quotes too. Characters HTML forbids in a
    /// document (C0 and C1 controls other than tab and line breaks, noncharacters) become U+FFFD, so that a
    /// stray control byte in a note cannot make the page invalid.
    static func escape(_ value: String, into output: inout String, quotes: Bool) {
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where quotes: output += "&quot;"
            case "'" where quotes: output += "&#39;"
            case "\t", "\n": output.unicodeScalars.append(scalar)
            case "\r": output += "\n"
            default:
                let value = scalar.value
                let forbidden =
                    value < 0x20 || (0x7F...0x9F).contains(value) || (0xFDD0...0xFDEF).contains(value)
                    || value & 0xFFFE == 0xFFFE
                output.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
            }
        }
    }

    /// `value` escaped as text.
    static func escaped(_ value: String) -> String {
        var output = ""
        escape(value, into: &output, quotes: true)
        return output
    }
}
