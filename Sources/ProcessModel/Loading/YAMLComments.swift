/// A comment in a YAML file: where its `#` stands, and its text after the `#` up to the end of the line.
public struct YAMLComment: Sendable, Equatable {
    /// The position of the `#`.
    public let position: SourcePosition
    /// What follows the `#`, without the line break.
    public let text: String
    /// The id of the step whose list item starts on the next line (`- id: transduce`), if one does: a
    /// `disable-next-line` written there covers the whole step, since a finding often sits a line or more below
    /// the item's first line (on `operation:`, say). Set by the process loader once the steps are known.
    public internal(set) var stepBelow: String?

    public init(at position: SourcePosition, text: String, stepBelow: String? = nil) {
        self.position = position
        self.text = text
        self.stepBelow = stepBelow
    }
}

/// Finds the comments of a YAML text from the source ranges of its scalars, as the event pass reports them.
///
/// libyaml emits no comment events, but every scalar event carries start and end marks. Outside those ranges
/// a `#` can only open a comment, or sit inside a tag or a `%TAG` prefix; so a `#` is a comment when no scalar
/// covers it and it stands where libyaml's scanner starts one: at a line start, after a space or tab, right
/// after a scalar (`"x"#c`) or after a flow indicator. A `#` inside a quoted string or a block scalar is text,
/// whatever it looks like. (A tag never holds whitespace, so the rare tag misread as a comment holds no
/// directive with a rule and a reason.)
struct YAMLCommentFinder {
    /// A scalar's source range in libyaml's mark indices (Unicode scalars from the start, a BOM not counted).
    struct Span {
        let start: Int
        let end: Int
        /// The 0-based line of the start mark, for block scalars, whose header line may end in a comment.
        let startLine: Int
        /// A literal (`|`) or folded (`>`) scalar: its range starts at the indicator, its text on the next line.
        let isBlock: Bool
    }

    private var spans: [Span] = []

    /// Records a scalar, in event order (so in source order, since scalars do not overlap).
    mutating func note(_ span: Span) {
        spans.append(span)
    }

    /// The comments of `utf8`, the text the events came from.
    func comments(in utf8: UnsafeBufferPointer<UInt8>) -> [YAMLComment] {
        guard utf8.contains(UInt8(ascii: "#")) else { return [] }
        var comments: [YAMLComment] = []
        var offset = 0
        // libyaml skips a byte-order mark before counting.
        if utf8.count >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF { offset = 3 }
        var index = 0
        var line = 0
        var column = 0
        var previous: UInt8 = UInt8(ascii: "\n")
        var next = 0 // the first span that may still cover `index`
        while offset < utf8.count {
            let byte = utf8[offset]
            if let width = Self.lineBreakWidth(utf8, at: offset) {
                offset += width
                index += width == 2 && byte == UInt8(ascii: "\r") ? 2 : 1
                line += 1
                column = 0
                previous = UInt8(ascii: "\n")
                continue
            }
            if byte == UInt8(ascii: "#") {
                while next < spans.count && spans[next].end <= index { next += 1 }
                let covered =
                    next < spans.count && spans[next].start <= index
                    && !(spans[next].isBlock && spans[next].startLine == line)
                let afterScalar =
                    next > 0 && spans[next - 1].end == index && spans[next - 1].end > spans[next - 1].start
                if !covered && (column == 0 || Self.opensComment(after: previous) || afterScalar) {
                    var end = offset + 1
                    while end < utf8.count && Self.lineBreakWidth(utf8, at: end) == nil { end += 1 }
                    comments.append(
                        YAMLComment(
                            at: SourcePosition(line: line + 1, column: column + 1),
                            text: String(
                                decoding: UnsafeBufferPointer(rebasing: utf8[(offset + 1)..<end]), as: UTF8.self)))
                    // The rest of the line is the comment: carry on from its end.
                    for byte in utf8[offset..<end] where byte & 0xC0 != 0x80 {
                        index += 1
                        column += 1
                    }
                    offset = end
                    previous = UInt8(ascii: "#")
                    continue
                }
            }
            // Continuation bytes (10xxxxxx) do not start a character: libyaml counts characters.
            if byte & 0xC0 != 0x80 {
                index += 1
                column += 1
                previous = byte
            }
            offset += 1
        }
        return comments
    }

    /// Space and tab end a token; after a flow indicator libyaml's scanner starts a new one, which may be a comment.
    private static func opensComment(after byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "{"), UInt8(ascii: "}"):
            true
        default: false
        }
    }

    /// The byte length of the line break at `offset`, if one starts there: CR LF, CR, LF, and the breaks YAML 1.1
    /// (and so libyaml, in its line count) also knows: NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR.
    private static func lineBreakWidth(_ utf8: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        switch utf8[offset] {
        case UInt8(ascii: "\n"): return 1
        case UInt8(ascii: "\r"): return offset + 1 < utf8.count && utf8[offset + 1] == UInt8(ascii: "\n") ? 2 : 1
        case 0xC2: return offset + 1 < utf8.count && utf8[offset + 1] == 0x85 ? 2 : nil
        case 0xE2:
            return offset + 2 < utf8.count && utf8[offset + 1] == 0x80
                && (utf8[offset + 2] == 0xA8 || utf8[offset + 2] == 0xA9) ? 3 : nil
        default: return nil
        }
    }
}
