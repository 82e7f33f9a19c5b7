import LanguageServerProtocol
import ProcessModel

/// An open document as the editor holds it: its bytes (UTF-8), where each line starts, and its version. Edits splice
/// the bytes; positions convert between the editor's code units (UTF-16 or UTF-8) and the loader's Unicode-scalar
/// columns, so a finding after `µ` or `×` lands under the right character.
struct TextDocument: Sendable {
    let uri: String
    private(set) var version: Int
    private(set) var bytes: [UInt8]
    /// The byte offset where each line starts; lines break at LF, CRLF and a lone CR, as LSP counts them.
    private(set) var lineStarts: [Int]

    init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.version = version
        bytes = Array(text.utf8)
        lineStarts = Self.lineStarts(of: bytes)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Applies the changes of one `didChange`, in order.
    mutating func apply(_ changes: [TextDocumentContentChangeEvent], version: Int, encoding: PositionEncodingKind) {
        for change in changes {
            if let range = change.range {
                let start = offset(of: range.start, encoding: encoding)
                let end = max(start, offset(of: range.end, encoding: encoding))
                bytes.replaceSubrange(start..<end, with: change.text.utf8)
            } else {
                bytes = Array(change.text.utf8)
            }
            lineStarts = Self.lineStarts(of: bytes)
        }
        self.version = version
    }

    /// The bytes of line `line` (from 0) without its break.
    func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 0, line < lineStarts.count else { return [] }
        let start = lineStarts[line]
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<end]
    }

    /// Line `line` (from 0) as text.
    func line(_ line: Int) -> String { String(decoding: lineBytes(line), as: UTF8.self) }

    var lineCount: Int { lineStarts.count }

    /// The byte offset of an editor position; a position past the end of its line is the line's end (as the
    /// specification says), one past the last line is the end of the text.
    func offset(of position: Position, encoding: PositionEncodingKind) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lineStarts.count else { return bytes.count }
        let line = lineBytes(position.line)
        var units = 0
        var index = line.startIndex
        while index < line.endIndex, units < position.character {
            let length = Self.sequenceLength(line[index])
            units += Self.units(ofScalarStartingWith: line[index], length: length, encoding: encoding)
            index = min(index + length, line.endIndex)
        }
        return index
    }

    /// The editor position of a loader position (line from 1, column from 1 in Unicode scalars).
    func position(of source: SourcePosition, encoding: PositionEncodingKind) -> Position {
        let line = max(source.line - 1, 0)
        guard line < lineStarts.count else {
            return Position(
                line: lineStarts.count - 1, character: characterCount(ofLine: lineStarts.count - 1, encoding: encoding))
        }
        let bytes = lineBytes(line)
        var units = 0
        var scalars = 0
        var index = bytes.startIndex
        // A column past the line's end (a finding at the end of a line) is clamped to it.
        while index < bytes.endIndex, scalars < source.column - 1 {
            let length = Self.sequenceLength(bytes[index])
            units += Self.units(ofScalarStartingWith: bytes[index], length: length, encoding: encoding)
            scalars += 1
            index += length
        }
        return Position(line: line, character: units)
    }

    /// The editor range of a loader range.
    func range(of source: SourceRange, encoding: PositionEncodingKind) -> Range {
        Range(start: position(of: source.start, encoding: encoding), end: position(of: source.end, encoding: encoding))
    }

    /// The loader position (line and scalar column from 1) of an editor position.
    func sourcePosition(of position: Position, encoding: PositionEncodingKind) -> SourcePosition {
        let line = min(max(position.line, 0), lineStarts.count - 1)
        let bytes = lineBytes(line)
        let target = offset(of: Position(line: line, character: position.character), encoding: encoding)
        var scalars = 0
        var index = bytes.startIndex
        while index < min(target, bytes.endIndex) {
            index += Self.sequenceLength(bytes[index])
            scalars += 1
        }
        return SourcePosition(line: line + 1, column: scalars + 1)
    }

    /// The length of a line in the editor's code units.
    func characterCount(ofLine line: Int, encoding: PositionEncodingKind) -> Int {
        let bytes = lineBytes(line)
        var units = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let length = Self.sequenceLength(bytes[index])
            units += Self.units(ofScalarStartingWith: bytes[index], length: length, encoding: encoding)
            index += length
        }
        return units
    }

    /// Bytes in the UTF-8 sequence a lead byte starts (1 for a stray continuation byte, which the loader refuses anyway).
    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }

    private static func units(ofScalarStartingWith lead: UInt8, length: Int, encoding: PositionEncodingKind) -> Int {
        switch encoding {
        case .utf8: length
        case .utf16: length == 4 ? 2 : 1
        case .utf32: 1
        }
    }

    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A {
                starts.append(index + 1)
            } else if byte == 0x0D {
                if index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        return starts
    }
}
