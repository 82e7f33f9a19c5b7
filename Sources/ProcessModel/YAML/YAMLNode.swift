/// A YAML node as the tool reads it: a mapping, a list or a scalar, each knowing where it was written.
///
/// Built in one pass over libyaml's events (`YAMLTreeBuilder`), for process files, configuration and rule
/// files alike. Aliases are already replaced by the node they name. Scalars keep their text, style and tag
/// untouched: what a scalar means (a number, a boolean, null) is decided by the format (`ScalarValue`), never
/// by a resolver that guesses from the text.
public enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// A scalar's text as written (escapes and folding applied), with how it was written.
    public struct Scalar: Sendable {
        public let string: String
        public let style: Style
        /// The tag written on the scalar (`!!str` arrives as `tag:yaml.org,2002:str`), or `nil` without one.
        public let tag: String?
        /// From the scalar's first character to just past its last (its quotes included).
        public let span: SourceRange
    }

    /// How a scalar is written: only a plain scalar can be a number, a boolean or null.
    public enum Style: Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The key–value pairs of a mapping, in file order.
    public struct Mapping: Sendable, RandomAccessCollection {
        public let pairs: [(key: YAMLNode, value: YAMLNode)]
        public let tag: String?
        /// From the mapping's first key (or its `{`) to where libyaml ends it.
        public let span: SourceRange
        /// Each pair's key as text (`nil` for a key that is not a scalar), so that finding a key compares text without
        /// copying the nodes.
        let keyTexts: [String?]

        public var startIndex: Int { pairs.startIndex }
        public var endIndex: Int { pairs.endIndex }
        public subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[position] }

        /// The value under a key, compared as text.
        public func value(forKey key: String) -> YAMLNode? {
            for index in pairs.indices where keyTexts[index] == key { return pairs[index].value }
            return nil
        }

        /// The values by key, for reading many keys of one mapping. A key that is not text is left out; the
        /// tree builder has already reported any key written twice.
        public var fields: [String: YAMLNode] {
            var fields: [String: YAMLNode] = [:]
            fields.reserveCapacity(pairs.count)
            for (key, value) in pairs {
                if let key = key.string, fields[key] == nil { fields[key] = value }
            }
            return fields
        }
    }

    /// The items of a list, in file order.
    public struct Sequence: Sendable, RandomAccessCollection {
        public let items: [YAMLNode]
        public let tag: String?
        public let span: SourceRange

        public var startIndex: Int { items.startIndex }
        public var endIndex: Int { items.endIndex }
        public subscript(position: Int) -> YAMLNode { items[position] }
    }

    public var scalar: Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    public var mapping: Mapping? {
        if case .mapping(let mapping) = self { return mapping }
        return nil
    }

    /// A list's items; `nil` for a mapping or a scalar.
    public var sequence: [YAMLNode]? {
        if case .sequence(let sequence) = self { return sequence.items }
        return nil
    }

    /// A list's items, or a scalar written alone where a list of one is allowed (`ListConstraints.oneOrMore`).
    public var items: [YAMLNode]? {
        if case .scalar = self { return [self] }
        return sequence
    }

    /// A scalar's text; `nil` for a mapping or a list.
    public var string: String? { scalar?.string }

    /// The tag written on the node, if any.
    public var tag: String? {
        switch self {
        case .scalar(let scalar): scalar.tag
        case .mapping(let mapping): mapping.tag
        case .sequence(let sequence): sequence.tag
        }
    }

    /// Where the node is, for located messages about it: a scalar on one line is underlined to its end; a
    /// collection, or a scalar over several lines, is pointed at where it starts.
    public var range: SourceRange {
        switch self {
        case .scalar(let scalar) where scalar.span.end.line == scalar.span.start.line: scalar.span
        case .scalar(let scalar): SourceRange(at: scalar.span.start)
        case .mapping(let mapping): SourceRange(at: mapping.span.start)
        case .sequence(let sequence): SourceRange(at: sequence.span.start)
        }
    }

    /// From the node's start to the end of its last scalar: the extent of a whole step, without the comments
    /// and blank lines libyaml counts into a block collection before the next one starts.
    public var extent: SourceRange {
        var last = self
        while true {
            switch last {
            case .mapping(let mapping) where !mapping.isEmpty: last = mapping[mapping.count - 1].value
            case .sequence(let sequence) where !sequence.isEmpty: last = sequence[sequence.count - 1]
            default: return SourceRange(start: range.start, end: last.range.end)
            }
        }
    }

    /// How the node is named in "found ..." messages; a number that is not finite is quoted as written.
    var kindDescription: String {
        switch self {
        case .scalar(let scalar):
            if case .number(let value) = ScalarValue(scalar), !value.isFinite {
                scalar.string.quotedForMessage
            } else {
                ScalarValue(scalar).description
            }
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }
}
