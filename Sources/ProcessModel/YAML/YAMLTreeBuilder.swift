internal import CLibYAML

/// Builds the located tree of one YAML document in a single pass over the system libyaml's events.
///
/// The pass holds the guards that keep a hostile file cheap, settled as the events arrive and before
/// anything grows: nesting depth and alias expansion (both counted as the expanded tree would be, so an
/// alias bomb is stopped after a few thousand events, not after it has been built), every duplicate key,
/// a second document, and libyaml's own syntax errors. It keeps no stack frame per level of nesting, so
/// depth costs heap, not the thread's stack.
struct YAMLTreeBuilder {
    let limits: LoadLimits

    /// The document's root (`nil` for an empty stream or after a fatal problem) and every problem found.
    struct Outcome {
        var root: YAMLNode?
        var problems: [Problem] = []
        /// The file's comments, found from the scalars' source ranges (complete only when the pass reached the end).
        var comments: [YAMLComment] = []
        /// Whether the problems make the tree unusable (it is then `nil`).
        var isFatal: Bool { root == nil && !problems.isEmpty }
    }

    /// A problem with its position; the loader adds the file.
    struct Problem {
        let kind: LoadDiagnostic.Kind
        let message: String
        let position: SourcePosition
    }

    /// A mapping or list being built.
    private struct Frame {
        let isMapping: Bool
        let start: SourcePosition
        let anchor: String?
        let tag: String?
        /// The running node count when the collection opened; its own expanded size is the difference at its end.
        let nodesBefore: Int
        var height = 1
        /// A list's items; a mapping keeps `pairs` instead, built as the values arrive rather than regrouped at its end.
        var items: [YAMLNode] = []
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        /// Each key's text, `nil` for a key that is not a scalar: scanned for a key set twice while the mapping is
        /// small, as nearly all are, since that costs less than hashing each key into a table built for every mapping.
        var keyTexts: [String?] = []
        /// Each key where it is first set, once the mapping has more keys than a scan suits, so that a mapping of
        /// thousands of keys stays linear.
        var keyTable: [String: SourcePosition]?
        var pendingKey: YAMLNode?

        init(isMapping: Bool, start: SourcePosition, anchor: String?, tag: String?, nodesBefore: Int) {
            self.isMapping = isMapping
            self.start = start
            self.anchor = anchor
            self.tag = tag
            self.nodesBefore = nodesBefore
            // Room for a typical step or list at once, rather than growing through one, two, four.
            if isMapping {
                pairs.reserveCapacity(8)
                keyTexts.reserveCapacity(8)
            } else {
                items.reserveCapacity(4)
            }
        }

        /// Where `key` is first set in the mapping, if it is yet. A key is a scalar, so it starts where its node does.
        func firstPosition(of key: String) -> SourcePosition? {
            if let keyTable { return keyTable[key] }
            for index in pairs.indices where keyTexts[index] == key { return pairs[index].key.range.start }
            return nil
        }

        /// Notes the key just read, which a value must follow.
        mutating func note(key: String?, at position: SourcePosition) {
            keyTexts.append(key)
            if keyTable != nil {
                if let key, keyTable![key] == nil { keyTable![key] = position }
            } else if keyTexts.count > 16 {
                var table: [String: SourcePosition] = [:]
                for index in pairs.indices {
                    if let text = keyTexts[index], table[text] == nil { table[text] = pairs[index].key.range.start }
                }
                if let key, table[key] == nil { table[key] = position }
                keyTable = table
            }
        }

        /// The finished collection, its items moved out rather than copied.
        consuming func node(end: SourcePosition) -> YAMLNode {
            let span = SourceRange(start: start, end: end)
            return isMapping
                ? .mapping(YAMLNode.Mapping(pairs: pairs, tag: tag, span: span, keyTexts: keyTexts))
                : .sequence(YAMLNode.Sequence(items: items, tag: tag, span: span))
        }
    }

    /// A node an anchor names, with what expanding an alias to it costs.
    private struct Anchored {
        let node: YAMLNode
        let nodes: Int
        let height: Int
    }

    func build(_ text: String) -> Outcome {
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return Outcome(
                    root: nil,
                    problems: [
                        Problem(
                            kind: .yamlSyntax, message: "libyaml could not start (out of memory?)",
                            position: .fileStart)
                    ])
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var pass = Pass(limits: limits, text: text)
            var outcome = pass.run(&parser)
            if pass.reachedEnd { outcome.comments = pass.commentFinder.comments(in: UnsafeBufferPointer(buffer)) }
            return outcome
        }
    }

    /// The state of one pass over the events.
    private struct Pass {
        let limits: LoadLimits
        /// The text parsed, to explain a syntax error in terms of its lines.
        let text: String
        var outcome = Outcome()
        /// The collection being built, kept out of `stack` so that adding to it touches no array of frames; before the
        /// first collection opens, a list that stands for the document (its node becomes the root).
        var open = Frame(isMapping: false, start: .fileStart, anchor: nil, tag: nil, nodesBefore: 0)
        /// The collections that enclose `open`, outermost first, after the document's stand-in: as many as are open.
        var stack: [Frame] = []
        var anchors: [String: Anchored] = [:]
        var expandedNodes = 0
        var documents = 0
        var hasDuplicateKeys = false
        var commentFinder = YAMLCommentFinder()
        private(set) var reachedEnd = false

        init(limits: LoadLimits, text: String) {
            self.limits = limits
            self.text = text
        }

        mutating func run(_ parser: inout yaml_parser_t) -> Outcome {
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    // Some builds of libyaml cap flow nesting themselves (at 1000 levels), which can trip before this
                    // pass sees the level that crosses its own limit.
                    if let problem = parser.problem, String(cString: problem).hasPrefix("Maximum nesting level") {
                        return fail(
                            .nestingTooDeep, Self.nestingMessage(limits.maximumDepth),
                            at: Self.position(parser.problem_mark))
                    }
                    let line = Self.position(parser.problem_mark).line
                    let collection = parser.context == nil ? nil : Self.position(parser.context_mark)
                    if let problem = parser.problem.map({ String(cString: $0) }),
                        let hint = IndentationHint(
                            problem: problem, line: line, collection: collection, in: LineIndex(text))
                    {
                        return fail(.yamlSyntax, "invalid YAML: " + hint.message, at: hint.position)
                    }
                    return fail(.yamlSyntax, Self.syntaxMessage(parser), at: Self.position(parser.problem_mark))
                }
                defer { yaml_event_delete(&event) }
                if let stop = handle(event) { return stop }
            }
        }

        /// Takes one event; returns the outcome when the pass is over.
        private mutating func handle(_ event: yaml_event_t) -> Outcome? {
            let start = Self.position(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                reachedEnd = true
                if hasDuplicateKeys { outcome.root = nil }
                return outcome
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    return fail(
                        .multipleDocuments,
                        "file holds more than one YAML document; a process file is one document, and the second starts here",
                        at: start)
                }
            case YAML_SCALAR_EVENT:
                let data = event.data.scalar
                commentFinder.note(
                    .init(
                        start: Int(event.start_mark.index), end: Int(event.end_mark.index),
                        startLine: Int(event.start_mark.line),
                        isBlock: data.style == YAML_LITERAL_SCALAR_STYLE || data.style == YAML_FOLDED_SCALAR_STYLE))
                let scalar = YAMLNode.Scalar(
                    string: Self.string(data.value, length: data.length), style: Self.style(data.style),
                    tag: Self.string(data.tag), span: SourceRange(start: start, end: Self.position(event.end_mark)))
                expandedNodes += 1
                if let anchor = Self.string(data.anchor) {
                    anchors[anchor] = Anchored(node: .scalar(scalar), nodes: 1, height: 1)
                }
                return add(.scalar(scalar), height: 1, at: start)
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor) ?? ""
                guard let anchored = anchors[name] else {
                    return fail(.yamlSyntax, "alias '*\(name)' refers to no anchor defined before it", at: start)
                }
                expandedNodes += anchored.nodes
                if expandedNodes > limits.maximumExpandedNodes {
                    return fail(
                        .aliasExpansion,
                        "aliases expand the document past \(limits.maximumExpandedNodes) nodes (an alias bomb?); a process file needs far fewer",
                        at: start)
                }
                if stack.count + anchored.height > limits.maximumDepth {
                    return fail(
                        .nestingTooDeep,
                        "alias '*\(name)' nests the document deeper than \(limits.maximumDepth) levels", at: start)
                }
                if open.isMapping, open.pendingKey == nil {
                    return fail(.wrongType, "an alias cannot be a mapping key here", at: start)
                }
                return add(anchored.node, height: anchored.height, at: start)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                guard stack.count < limits.maximumDepth else {
                    return fail(.nestingTooDeep, Self.nestingMessage(limits.maximumDepth), at: start)
                }
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
                var frame = Frame(
                    isMapping: isMapping, start: start, anchor: Self.string(anchor), tag: Self.string(tag),
                    nodesBefore: expandedNodes)
                // Swapped rather than assigned, so that the enclosing frame moves onto the stack without a copy.
                swap(&open, &frame)
                stack.append(frame)
                expandedNodes += 1
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                var frame = stack.removeLast()
                swap(&open, &frame)
                let anchor = frame.anchor
                let height = frame.height
                let nodes = expandedNodes - frame.nodesBefore
                let node = frame.node(end: Self.position(event.end_mark))
                if let anchor { anchors[anchor] = Anchored(node: node, nodes: nodes, height: height) }
                return add(node, height: height, at: start)
            default:
                break
            }
            if expandedNodes > limits.maximumExpandedNodes {
                return fail(
                    .aliasExpansion, "the document holds more than \(limits.maximumExpandedNodes) nodes", at: start)
            }
            return nil
        }

        /// Adds a finished node to the collection being built, or makes it the root.
        private mutating func add(_ node: consuming YAMLNode, height: Int, at position: SourcePosition) -> Outcome? {
            guard !stack.isEmpty else {
                outcome.root = node
                return nil
            }
            open.height = max(open.height, height + 1)
            guard open.isMapping else {
                open.items.append(node)
                return nil
            }
            if let key = open.pendingKey.take() {
                open.pairs.append((key, node))
                return nil
            }
            guard case .scalar(let scalar) = node else {
                open.note(key: nil, at: position)
                open.pendingKey = node
                return nil
            }
            let key = scalar.string
            if let first = open.firstPosition(of: key) {
                outcome.problems.append(
                    Problem(
                        kind: .duplicateKey,
                        message: "duplicate key \(key.quotedForMessage); it is first set at line \(first.line)",
                        position: position))
                hasDuplicateKeys = true
            }
            open.note(key: key, at: position)
            open.pendingKey = node
            return nil
        }

        private mutating func fail(_ kind: LoadDiagnostic.Kind, _ message: String, at position: SourcePosition)
            -> Outcome
        {
            outcome.problems.append(Problem(kind: kind, message: message, position: position))
            outcome.root = nil
            return outcome
        }

        private static func nestingMessage(_ limit: Int) -> String {
            "mappings and lists nest deeper than \(limit) levels; a process file needs far fewer"
        }

        private static func position(_ mark: yaml_mark_t) -> SourcePosition {
            SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        }

        private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.Style {
            switch style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: .literal
            case YAML_FOLDED_SCALAR_STYLE: .folded
            default: .plain
            }
        }

        private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }

        private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
            guard let pointer else { return "" }
            return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
        }

        private static func syntaxMessage(_ parser: yaml_parser_t) -> String {
            let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
            guard let context = parser.context.map({ String(cString: $0) }) else { return "invalid YAML: \(problem)" }
            let mark = position(parser.context_mark)
            return "invalid YAML: \(problem) (\(context) at line \(mark.line), column \(mark.column))"
        }
    }
}
