import Yams

/// The stages every YAML file of the tool goes through before its own schema: size, UTF-8, the libyaml
/// event pass (syntax, documents, depth, aliases, duplicate keys), and Yams' tree. Process files and
/// configuration files share them, so both are equally safe against broken and hostile input.
public enum YAMLDocument {
    /// The root node, the text and its comments, or the problems that stopped the file, added to `diagnostics`.
    /// - Parameter emptyMessage: what to say of a file with no content, in the terms of its kind.
    static func compose(bytes: [UInt8], limits: LoadLimits, emptyMessage: String = processEmptyMessage,
                        into diagnostics: inout DiagnosticList) -> (root: Node?, text: String?, comments: [YAMLComment]) {
        guard bytes.count <= limits.maximumFileBytes else {
            diagnostics.add(.error, .fileTooLarge, limits.tooLargeMessage(bytes.count), at: .fileStart)
            return (nil, nil, [])
        }
        let text: String
        switch SourceText.decode(bytes) {
        case .success(let decoded): text = decoded
        case .failure(let failure):
            diagnostics.add(.error, .notUTF8, failure.message, at: failure.position)
            return (nil, nil, [])
        }
        let preflight = YAMLPreflight(limits: limits).run(text)
        for problem in preflight.diagnostics {
            diagnostics.add(.error, problem.kind, problem.message, at: problem.position)
        }
        guard !preflight.isFatal else { return (nil, text, preflight.comments) }
        do {
            // An explicit encoding: the default one reads an environment variable on every call.
            guard preflight.documentCount > 0, let root = try Yams.compose(yaml: text, .basic, .default, .utf8),
                  !(root.scalar.map { ScalarValue($0) == .null } ?? false) else {
                diagnostics.add(.error, .emptyFile, emptyMessage, at: .fileStart)
                return (nil, text, preflight.comments)
            }
            return (root, text, preflight.comments)
        } catch {
            // The event pass sees every syntax error libyaml reports; this is a backstop.
            diagnostics.add(.error, .yamlSyntax, "invalid YAML: \(error)", at: .fileStart)
            return (nil, text, preflight.comments)
        }
    }

    static let processEmptyMessage = "file is empty: a process file is a mapping that starts with 'processlint: 1'"

    /// Loads a YAML file of another kind (a configuration file, say) and checks it against `shape`:
    /// the same located, complete reporting as process files.
    public static func load(bytes: [UInt8], file: String, shape: ObjectShape, describedAs context: String,
                            emptyMessage: String, limits: LoadLimits = .standard) -> (root: Node.Mapping?, diagnostics: [LoadDiagnostic]) {
        load(bytes: bytes, file: file, describedAs: context, emptyMessage: emptyMessage, limits: limits) { _ in shape }
    }

    /// Loads a YAML file whose valid keys depend on what it declares itself: `shape` sees the composed
    /// mapping before validation (a configuration's `custom_rules` add rule ids its `disable` may name).
    public static func load(bytes: [UInt8], file: String, describedAs context: String, emptyMessage: String,
                            limits: LoadLimits = .standard,
                            shape: (Node.Mapping) -> ObjectShape) -> (root: Node.Mapping?, diagnostics: [LoadDiagnostic]) {
        var diagnostics = DiagnosticList(file: file, limit: limits.maximumDiagnostics)
        let root = compose(bytes: bytes, limits: limits, emptyMessage: emptyMessage, into: &diagnostics).root
        guard let root else { return (nil, diagnostics.sorted()) }
        guard case .mapping(let mapping) = root else {
            diagnostics.add(.error, .wrongType, "\(context) must be a mapping, found \(root.kindDescription)", at: root.range.start)
            return (nil, diagnostics.sorted())
        }
        var validator = ShapeValidator()
        validator.validate(root, against: shape(mapping), context: context)
        for (severity, kind, message, range) in validator.problems { diagnostics.add(severity, kind, message, at: range) }
        return (diagnostics.hasErrors ? nil : mapping, diagnostics.sorted())
    }
}
