/// The stages every YAML file of the tool goes through before its own schema: size, UTF-8, and one pass over
/// the system libyaml's events that checks syntax, documents, depth, aliases and duplicate keys while it builds
/// the located tree. Process files, configuration and rule files share them, so all are equally safe against
/// broken and hostile input.
public enum YAMLDocument {
    /// The root node, the text and its comments, or the problems that stopped the file, added to `diagnostics`.
    /// - Parameter emptyMessage: what to say of a file with no content, in the terms of its kind.
    static func compose(
        bytes: [UInt8], limits: LoadLimits, kind: YAMLFileKind = .process, emptyMessage: String = processEmptyMessage,
        into diagnostics: inout DiagnosticList
    ) -> (root: YAMLNode?, text: String?, comments: [YAMLComment]) {
        guard bytes.count <= limits.maximumFileBytes else {
            diagnostics.add(.error, .fileTooLarge, limits.tooLargeMessage(bytes.count, kind), at: .fileStart)
            return (nil, nil, [])
        }
        let text: String
        switch SourceText.decode(bytes) {
        case .success(let decoded): text = decoded
        case .failure(let failure):
            diagnostics.add(.error, .notUTF8, failure.message, at: failure.position)
            return (nil, nil, [])
        }
        let tree = YAMLTreeBuilder(limits: limits).build(text)
        for problem in tree.problems {
            diagnostics.add(.error, problem.kind, problem.message, at: problem.position)
        }
        guard !tree.isFatal else { return (nil, text, tree.comments) }
        guard let root = tree.root, !(root.scalar.map { ScalarValue($0) == .null } ?? false) else {
            diagnostics.add(.error, .emptyFile, emptyMessage, at: .fileStart)
            return (nil, text, tree.comments)
        }
        return (root, text, tree.comments)
    }

    static let processEmptyMessage = "file is empty: a process file is a mapping that starts with 'processlint: 1'"

    /// Loads a YAML file of another kind (a configuration file, say) and checks it against `shape`:
    /// the same located, complete reporting as process files.
    public static func load(
        bytes: [UInt8], file: String, kind: YAMLFileKind, shape: ObjectShape, describedAs context: String,
        emptyMessage: String, limits: LoadLimits = .standard
    ) -> (root: YAMLNode.Mapping?, diagnostics: [LoadDiagnostic]) {
        load(bytes: bytes, file: file, kind: kind, describedAs: context, emptyMessage: emptyMessage, limits: limits) {
            _ in shape
        }
    }

    /// Loads a YAML file whose valid keys depend on what it declares itself: `shape` sees the composed
    /// mapping before validation (a configuration's `custom_rules` add rule ids its `disable` may name).
    public static func load(
        bytes: [UInt8], file: String, kind: YAMLFileKind, describedAs context: String, emptyMessage: String,
        limits: LoadLimits = .standard,
        shape: (YAMLNode.Mapping) -> ObjectShape
    ) -> (root: YAMLNode.Mapping?, diagnostics: [LoadDiagnostic]) {
        let (root, diagnostics) = read(
            bytes: bytes, file: file, kind: kind, describedAs: context, emptyMessage: emptyMessage,
            limits: limits, shape: shape)
        return (diagnostics.contains { $0.severity == .error } ? nil : root, diagnostics)
    }

    /// The same, with the root mapping kept when the schema finds problems in it: for a reader that checks what a
    /// schema cannot say as well, and reports both at once. The root is `nil` only when the text is no YAML mapping.
    public static func read(
        bytes: [UInt8], file: String, kind: YAMLFileKind, shape: ObjectShape, describedAs context: String,
        emptyMessage: String, limits: LoadLimits = .standard
    ) -> (root: YAMLNode.Mapping?, diagnostics: [LoadDiagnostic]) {
        read(bytes: bytes, file: file, kind: kind, describedAs: context, emptyMessage: emptyMessage, limits: limits) {
            _ in shape
        }
    }

    private static func read(
        bytes: [UInt8], file: String, kind: YAMLFileKind, describedAs context: String, emptyMessage: String,
        limits: LoadLimits,
        shape: (YAMLNode.Mapping) -> ObjectShape
    ) -> (root: YAMLNode.Mapping?, diagnostics: [LoadDiagnostic]) {
        var diagnostics = DiagnosticList(file: file, limit: limits.maximumDiagnostics)
        let (root, _, _) = compose(
            bytes: bytes, limits: limits, kind: kind, emptyMessage: emptyMessage, into: &diagnostics)
        guard let root else { return (nil, diagnostics.sorted()) }
        guard case .mapping(let mapping) = root else {
            diagnostics.add(
                .error, .wrongType, "\(context) must be a mapping, found \(root.kindDescription)", at: root.range.start)
            return (nil, diagnostics.sorted())
        }
        var validator = ShapeValidator()
        validator.validate(root, against: shape(mapping), context: context)
        for (severity, kind, message, range) in validator.problems {
            diagnostics.add(severity, kind, message, at: range)
        }
        return (mapping, diagnostics.sorted())
    }
}
