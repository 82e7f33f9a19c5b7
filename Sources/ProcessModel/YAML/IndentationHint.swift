/// libyaml's syntax errors from a line indented unlike its neighbours ("did not find expected '-' indicator",
/// "mapping values are not allowed in this context"), said in the terms of what went wrong: how far the line
/// is indented, and how far the lines it belongs with are.
struct IndentationHint {
    let message: String
    let position: SourcePosition

    private static let problems: Set<String> = [
        "did not find expected '-' indicator", "mapping values are not allowed in this context",
        "did not find expected key",
    ]

    /// - Parameters:
    ///   - line: the line libyaml stopped at (from 1).
    ///   - collection: where the block list or mapping being parsed starts, when libyaml names it.
    init?(problem: String, line: Int, collection: SourcePosition?, in lines: LineIndex) {
        guard Self.problems.contains(problem), let text = lines.line(line) else { return nil }
        let indent = Self.indent(of: text)
        let isItem = text.dropFirst(indent).hasPrefix("- ")
        // A list item belongs with the list libyaml was reading; a key, with the keys of the line above it.
        if isItem, let collection, collection.line < line {
            let expected = collection.column - 1
            guard expected != indent else { return nil }
            message =
                "line \(line) is indented \(Self.spaces(indent)), but the list it continues (line \(collection.line)) is indented "
                + "\(Self.spaces(expected)): indent the items of one list alike"
        } else {
            guard let (above, expected) = Self.keysAbove(line, in: lines), expected != indent else { return nil }
            message =
                "line \(line) is indented \(Self.spaces(indent)), but line \(above) above it starts its keys at "
                + "\(Self.spaces(expected)): indent the keys of one mapping alike"
        }
        position = SourcePosition(line: line, column: indent + 1)
    }

    /// The nearest line above with content, and the column (from 0) where its keys start: past a `- `.
    private static func keysAbove(_ line: Int, in lines: LineIndex) -> (Int, Int)? {
        for number in stride(from: line - 1, through: 1, by: -1) {
            guard let text = lines.line(number) else { continue }
            let indent = indent(of: text)
            let content = text.dropFirst(indent)
            if content.isEmpty || content.hasPrefix("#") { continue }
            return (number, content.hasPrefix("- ") ? indent + 2 : indent)
        }
        return nil
    }

    private static func indent(of text: Substring) -> Int { text.prefix { $0 == " " }.count }

    private static func spaces(_ count: Int) -> String { count == 1 ? "1 space" : "\(count) spaces" }
}
