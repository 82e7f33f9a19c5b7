// The event API of the libyaml copy that Yams is built on: the same parser, one level down.
internal import CYaml

/// A streaming pass over libyaml's events that runs before Yams builds its tree.
///
/// Yams composes the whole document recursively and stops at the first duplicate key, and a
/// tree built from aliases can be exponentially larger than the text. This pass costs one event
/// parse (tens of microseconds for a process file) and, in constant stack, finds what must be
/// settled first: syntax errors, the number of documents, nesting depth and alias expansion
/// (both counted as the tree would be, aliases expanded), and every duplicate key.
struct YAMLPreflight {
    let limits: LoadLimits

    struct Outcome {
        var diagnostics: [Problem] = []
        var documentCount = 0
        /// Whether the problems found make building the tree unsafe or pointless.
        var isFatal = false
        /// The file's comments, found from the scalars' source ranges (complete only when the pass ends normally).
        var comments: [YAMLComment] = []
    }

    /// A problem with its position; the loader adds the file.
    struct Problem {
        let kind: LoadDiagnostic.Kind
        let message: String
        let position: SourcePosition
    }

    /// An open mapping or sequence.
    private struct Frame {
        let isMapping: Bool
        let anchor: String?
        /// The running node count when the collection opened; its own size is the difference at its end.
        let nodesBefore: Int
        var height = 1
        var expectingKey = true
        var keys: [String: SourcePosition] = [:]
    }

    func run(_ text: String) -> Outcome {
        var outcome = Outcome()
        var utf8 = Array(text.utf8)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            outcome.isFatal = true
            return outcome
        }
        defer { yaml_parser_delete(&parser) }

        return utf8.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var stack: [Frame] = []
            var anchorSizes: [String: (nodes: Int, height: Int)] = [:]
            var expandedNodes = 0
            var commentFinder = YAMLCommentFinder()

            func fail(_ kind: LoadDiagnostic.Kind, _ message: String, at position: SourcePosition) -> Outcome {
                outcome.diagnostics.append(Problem(kind: kind, message: message, position: position))
                outcome.isFatal = true
                return outcome
            }

            /// Records a finished child (scalar, alias or collection) of the innermost open collection.
            func finishChild(height: Int) {
                guard !stack.isEmpty else { return }
                stack[stack.count - 1].height = max(stack[stack.count - 1].height, height + 1)
                if stack[stack.count - 1].isMapping { stack[stack.count - 1].expectingKey.toggle() }
            }

            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    // libyaml's scanner looks ahead through flow collections and has its own cap (1000 levels),
                    // which can trip before this pass sees the level that crosses ours.
                    if let problem = parser.problem, String(cString: problem).hasPrefix("Maximum nesting level") {
                        return fail(.nestingTooDeep, Self.nestingMessage(limits.maximumDepth), at: Self.position(parser.problem_mark))
                    }
                    return fail(.yamlSyntax, Self.syntaxMessage(parser), at: Self.position(parser.problem_mark))
                }
                defer { yaml_event_delete(&event) }
                let position = Self.position(event.start_mark)

                switch event.type {
                case YAML_STREAM_END_EVENT:
                    outcome.comments = commentFinder.comments(in: UnsafeBufferPointer(buffer))
                    return outcome
                case YAML_DOCUMENT_START_EVENT:
                    outcome.documentCount += 1
                    if outcome.documentCount > 1 {
                        return fail(.multipleDocuments,
                                    "file holds more than one YAML document; a process file is one document, and the second starts here",
                                    at: position)
                    }
                case YAML_SCALAR_EVENT:
                    expandedNodes += 1
                    let style = event.data.scalar.style
                    commentFinder.note(.init(start: Int(event.start_mark.index), end: Int(event.end_mark.index),
                                             startLine: Int(event.start_mark.line),
                                             isBlock: style == YAML_LITERAL_SCALAR_STYLE || style == YAML_FOLDED_SCALAR_STYLE))
                    if let anchor = Self.string(event.data.scalar.anchor) { anchorSizes[anchor] = (1, 1) }
                    if let frame = stack.last, frame.isMapping, frame.expectingKey {
                        let key = Self.string(event.data.scalar.value, length: event.data.scalar.length)
                        if let first = frame.keys[key] {
                            outcome.diagnostics.append(Problem(
                                kind: .duplicateKey,
                                message: "duplicate key \(key.quotedForMessage); it is first set at line \(first.line)",
                                position: position))
                            outcome.isFatal = true
                        } else {
                            stack[stack.count - 1].keys[key] = position
                        }
                    }
                    finishChild(height: 1)
                case YAML_ALIAS_EVENT:
                    let name = Self.string(event.data.alias.anchor) ?? ""
                    guard let size = anchorSizes[name] else {
                        return fail(.yamlSyntax, "alias '*\(name)' refers to no anchor defined before it", at: position)
                    }
                    expandedNodes += size.nodes
                    if expandedNodes > limits.maximumExpandedNodes {
                        return fail(.aliasExpansion,
                                    "aliases expand the document past \(limits.maximumExpandedNodes) nodes (an alias bomb?); a process file needs far fewer",
                                    at: position)
                    }
                    if stack.count + size.height > limits.maximumDepth {
                        return fail(.nestingTooDeep,
                                    "alias '*\(name)' nests the document deeper than \(limits.maximumDepth) levels",
                                    at: position)
                    }
                    if let frame = stack.last, frame.isMapping, frame.expectingKey {
                        outcome.diagnostics.append(Problem(kind: .wrongType, message: "an alias cannot be a mapping key here", position: position))
                        outcome.isFatal = true
                    }
                    finishChild(height: size.height)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let anchor = Self.string(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                    if stack.count >= limits.maximumDepth {
                        return fail(.nestingTooDeep, Self.nestingMessage(limits.maximumDepth), at: position)
                    }
                    stack.append(Frame(isMapping: isMapping, anchor: anchor, nodesBefore: expandedNodes))
                    expandedNodes += 1
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    let frame = stack.removeLast()
                    if let anchor = frame.anchor {
                        anchorSizes[anchor] = (expandedNodes - frame.nodesBefore, frame.height)
                    }
                    finishChild(height: frame.height)
                default:
                    break
                }
                if expandedNodes > limits.maximumExpandedNodes {
                    return fail(.aliasExpansion, "the document holds more than \(limits.maximumExpandedNodes) nodes", at: position)
                }
            }
        }
    }

    private static func nestingMessage(_ limit: Int) -> String {
        "mappings and lists nest deeper than \(limit) levels; a process file needs far fewer"
    }

    private static func position(_ mark: yaml_mark_t) -> SourcePosition {
        SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
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
