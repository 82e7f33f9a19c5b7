import ProcessModel

/// Where the cursor is in a process file's block-style YAML, read from the text alone (so it works while the file
/// does not parse): the keys from the top down to the mapping it is in (`[]` for a list item), and whether it is
/// at a key or at a value.
struct YAMLContext {
    /// Keys from the root; `[]` stands for an item of the list above.
    var path: [String]
    /// The key whose value the cursor is in, when it is in one.
    var valueOf: String?
    /// The word being typed.
    var prefix: String
    /// The cursor is on a bare list item (`  - ste`), a value of the list `path` ends in.
    var isListItem: Bool
    /// The `operation` of the step item the cursor is in, when there is one.
    var operation: String?

    init(lines: [String], line: Int, column: Int) {
        let current = lines.indices.contains(line) ? lines[line] : ""
        let before = String(current.prefix(column))
        let indent = before.prefix { $0 == " " }.count
        var content = before.dropFirst(indent)
        var keyColumn = indent
        isListItem = false
        var itemStart: Int?
        if content.hasPrefix("- ") || content == "-" {
            content = content.dropFirst(2)
            keyColumn = indent + 2
            isListItem = true
            itemStart = line
        }
        if let colon = content.range(of: ": ")
            ?? (content.hasSuffix(":") ? content.range(of: ":", options: .backwards) : nil)
        {
            valueOf = String(content[..<colon.lowerBound]).trimmingCharacters(in: .whitespaces)
            var value = content[colon.upperBound...]
            if let bracket = value.lastIndex(where: { $0 == "[" || $0 == "," }) {
                value = value[value.index(after: bracket)...]
            }
            prefix = value.trimmingCharacters(in: .whitespaces)
            isListItem = false
        } else {
            prefix = content.trimmingCharacters(in: .whitespaces)
        }
        // A bare item is a value of the list; an item that starts a mapping (`- id: x`) holds keys.
        var path: [String] = itemStart != nil ? ["[]"] : []
        // A parent key stands left of the cursor's key; a parent item's dash too, and one at the item's own indentation
        // is a sibling item, not a parent.
        var threshold = itemStart != nil ? indent + 1 : keyColumn
        var itemThreshold = itemStart != nil ? indent : keyColumn
        var index = line - 1
        while index >= 0, threshold > 0 {
            let text = lines[index]
            index -= 1
            let lineIndent = text.prefix { $0 == " " }.count
            let body = text.dropFirst(lineIndent)
            guard !body.isEmpty, !body.hasPrefix("#") else { continue }
            let isItem = body.hasPrefix("- ") || body == "-"
            let keyAt = isItem ? lineIndent + 2 : lineIndent
            if isItem, lineIndent < itemThreshold {
                if itemStart == nil, path.isEmpty { itemStart = index + 1 }
                path.append("[]")
                threshold = lineIndent + 1
                itemThreshold = lineIndent
                continue
            }
            if !isItem, keyAt < threshold, let colon = body.firstIndex(of: ":") {
                let rest = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if rest.isEmpty || rest.hasPrefix("#") {
                    path.append(String(body[..<colon]).trimmingCharacters(in: .whitespaces))
                    threshold = keyAt
                    itemThreshold = keyAt
                }
            }
        }
        self.path = path.reversed()
        // The step's operation, from the item's lines.
        if let start = itemStart {
            let itemIndent = lines[start].prefix { $0 == " " }.count
            var index = start
            while index < lines.count {
                let text = lines[index]
                let lineIndent = text.prefix { $0 == " " }.count
                if index > start, !text.trimmingCharacters(in: .whitespaces).isEmpty, lineIndent <= itemIndent { break }
                if let range = text.range(of: "operation:") {
                    let value = text[range.upperBound...].prefix { $0 != "," && $0 != "}" && $0 != "#" }
                    let word = value.trimmingCharacters(in: .whitespaces)
                    if !word.isEmpty { operation = word }
                }
                index += 1
            }
        }
    }

    /// The shape of the place the cursor is in, from the format's one description.
    func shape(from root: ObjectShape) -> Shape? {
        var shape = Shape.object(root)
        for key in path {
            guard let next = Self.child(of: shape, key, operation: operation) else { return nil }
            shape = next
        }
        return shape
    }

    static func child(of shape: Shape, _ key: String, operation: String?) -> Shape? {
        switch (shape, key) {
        case (.list(let element, _), "[]"): return element
        case (.object(let object), _): return object.field(named: key)?.shape
        case (.tagged(let tagged), _):
            if let operation, let object = tagged.objectShape(for: operation) { return object.field(named: key)?.shape }
            return tagged.common.first { $0.name == key }?.shape
        case (.choiceOrObject(_, _, let object, _), _): return object.field(named: key)?.shape
        default: return nil
        }
    }

    /// The fields a mapping of this shape may hold.
    static func fields(of shape: Shape, operation: String?) -> [Field] {
        switch shape {
        case .object(let object): return object.fields
        case .tagged(let tagged):
            if let operation, let object = tagged.objectShape(for: operation) { return object.fields }
            return tagged.common
        case .choiceOrObject(_, _, let object, _): return object.fields
        default: return []
        }
    }
}
