/// Where each line of a text starts, found in one pass, so that quoting the line of every diagnostic costs
/// a lookup instead of a rescan from the top (a file with thousands of findings stays linear).
///
/// Lines break where libyaml breaks them, so a quoted line is the one its positions count: at LF, CRLF,
/// a lone CR, and the Unicode breaks YAML 1.1 knows (NEL, LS, PS).
public struct LineIndex: Sendable {
    private let text: String
    /// For line n (from 1), the start of its text at `bounds[n - 1].start` and the start of its break at
    /// `bounds[n - 1].end`.
    private let bounds: [(start: String.Index, end: String.Index)]

    public init(_ text: String) {
        self.text = text
        var bounds: [(start: String.Index, end: String.Index)] = []
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            var breakLength = 0
            switch byte {
            case 0x0A: breakLength = 1
            case 0x0D:
                let next = utf8.index(after: index)
                breakLength = next < utf8.endIndex && utf8[next] == 0x0A ? 2 : 1
            case 0xC2, 0xE2: breakLength = Self.unicodeBreakLength(in: utf8, at: index)
            default: break
            }
            guard breakLength > 0 else {
                index = utf8.index(after: index)
                continue
            }
            bounds.append((lineStart, index))
            index = utf8.index(index, offsetBy: breakLength)
            lineStart = index
        }
        bounds.append((lineStart, utf8.endIndex))
        self.bounds = bounds
    }

    /// The number of lines; a text ending in a line break has an empty last line.
    public var count: Int { bounds.count }

    /// Line `number` (from 1) without its line break; `nil` past the end.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= bounds.count else { return nil }
        let (start, end) = bounds[number - 1]
        return text[start..<end]
    }

    /// The length in bytes of NEL (C2 85), LS (E2 80 A8) or PS (E2 80 A9) at `index`, or 0.
    private static func unicodeBreakLength(in utf8: String.UTF8View, at index: String.Index) -> Int {
        let following = utf8[index...].prefix(3)
        if following.starts(with: [0xC2, 0x85]) { return 2 }
        if following.elementsEqual([0xE2, 0x80, 0xA8]) || following.elementsEqual([0xE2, 0x80, 0xA9]) { return 3 }
        return 0
    }
}
