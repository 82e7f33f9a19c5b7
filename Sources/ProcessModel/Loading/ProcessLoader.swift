import Foundation

/// The outcome of loading one file: the model when the file is valid, and every problem found.
public struct LoadResult: Sendable {
    public let file: String
    /// The typed model, present when no error was found (warnings allow it).
    public let design: ProcessDesign?
    /// Every problem, sorted by position.
    public let diagnostics: [LoadDiagnostic]
    /// The file's text, when it was UTF-8: for quoting lines under findings and reading suppression comments.
    public let text: String?
    /// The file's YAML comments, as the parser tells them from text (suppression comments are read from these).
    public var comments: [YAMLComment] = []

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public init(
        file: String, design: ProcessDesign?, diagnostics: [LoadDiagnostic] = [], text: String? = nil,
        comments: [YAMLComment] = []
    ) {
        self.file = file
        self.design = design
        self.diagnostics = diagnostics
        self.text = text
        self.comments = comments
    }
}

/// Reads process files into the typed model, reporting every problem with its location.
///
/// The stages, each guarding the next: size (before reading), UTF-8, one libyaml event pass that builds
/// the located tree (syntax, documents, depth, aliases, duplicate keys), the format-1 schema, and the
/// cross-field checks the schema cannot express.
public struct ProcessLoader: Sendable {
    public let limits: LoadLimits

    public init(limits: LoadLimits = .standard) {
        self.limits = limits
    }

    /// Loads many files in parallel, a batch at a time, and hands each result to `body` in the order
    /// of `files`: memory is bounded by the batch, not by the number of files.
    public func load(files: [String], batchSize: Int = 512, _ body: (LoadResult) -> Void) {
        load(files: files, batchSize: batchSize, then: { $0 }, body)
    }

    /// The same, with further work on each result (linting it, say) done in parallel too.
    public func load<T: Sendable>(
        files: [String], batchSize: Int = 512, then transform: @Sendable (LoadResult) -> T,
        _ body: (T) -> Void
    ) {
        for start in stride(from: 0, to: files.count, by: batchSize) {
            Array(files[start..<min(start + batchSize, files.count)]).concurrentMap { transform(load(file: $0)) }
                .forEach(body)
        }
    }

    /// Loads one file from disk.
    public func load(file: String) -> LoadResult {
        switch FileBytes.contents(of: file, limits: limits, kind: .process) {
        case .success(let bytes): return load(bytes: bytes, file: file)
        case .failure(let problem): return LoadResult(file: file, design: nil, diagnostics: [problem], text: nil)
        }
    }

    /// Loads a process from bytes already in memory; `file` names it in diagnostics.
    public func load(bytes: [UInt8], file: String) -> LoadResult {
        var diagnostics = DiagnosticList(file: file, limit: limits.maximumDiagnostics)
        var text: String?
        var comments: [YAMLComment] = []
        let design = load(bytes, into: &diagnostics, text: &text, comments: &comments)
        if let design { Self.markComments(&comments, aboveStepsOf: design) }
        let sorted = diagnostics.sorted()
        return LoadResult(
            file: file, design: sorted.contains { $0.severity == .error } ? nil : design, diagnostics: sorted,
            text: text,
            comments: comments)
    }

    /// Notes, on each comment on the line just above a step's first line, which step that is.
    private static func markComments(_ comments: inout [YAMLComment], aboveStepsOf design: ProcessDesign) {
        guard !comments.isEmpty else { return }
        let stepAt = Dictionary(
            design.steps.map { ($0.range.start.line, $0.id.value) }, uniquingKeysWith: { first, _ in first })
        for index in comments.indices {
            comments[index].stepBelow = stepAt[comments[index].position.line + 1]
        }
    }

    private func load(
        _ bytes: [UInt8], into diagnostics: inout DiagnosticList, text decodedText: inout String?,
        comments: inout [YAMLComment]
    ) -> ProcessDesign? {
        let document = YAMLDocument.compose(bytes: bytes, limits: limits, into: &diagnostics)
        decodedText = document.text
        comments = document.comments
        guard let root = document.root else { return nil }
        guard case .mapping(let mapping) = root else {
            diagnostics.add(
                .error, .wrongType,
                "a process file must be a mapping of keys such as 'processlint' and 'steps', found \(root.kindDescription)",
                at: root.range.start)
            return nil
        }
        // YAML of another kind (a workflow, a compose file) met by a broad path has none of the format's own keys
        // (`name` and `description` are everyone's): one line says so, not an error for every key it lacks.
        if !mapping.contains(where: { $0.key.string.map(Self.formatKeys.contains) ?? false }) {
            diagnostics.add(
                .error, .notAProcessFile,
                "not a process file: it has none of the format's keys; a process file starts with 'processlint: 1' "
                    + "(name only the folders that hold process files, or exclude this one in .processlint.yml)",
                at: root.range.start)
            return nil
        }
        if let version = mapping.value(forKey: "processlint"), let scalar = version.scalar,
            case .number(let number) = ScalarValue(scalar), number.isFinite, number != Double(FormatSchema.version)
        {
            // A newer format would fail every check below for reasons that are not the user's mistake.
            diagnostics.add(
                .error, .unsupportedVersion,
                "this file is in format \(number.compactText), but this processlint reads format \(FormatSchema.version)",
                at: version.range.start)
            return nil
        }

        var validator = ShapeValidator()
        validator.validate(root, against: FormatSchema.process, context: "the process")
        for (severity, kind, message, range) in validator.problems {
            diagnostics.add(severity, kind, message, at: range)
        }
        guard !diagnostics.hasErrors else { return nil }
        let design = DesignBuilder(file: diagnostics.file).build(mapping)
        for problem in ConsistencyCheck.problems(in: design) {
            diagnostics.add(.error, .inconsistent, problem.message, at: problem.range)
        }
        return design
    }
}

extension ProcessLoader {
    /// The keys that only a process file has: its format's keys but `name` and `description`, which are everyone's.
    fileprivate static let formatKeys = Set(FormatSchema.process.fields.map(\.name)).subtracting([
        "name", "description",
    ])
}

/// The diagnostics of one file, capped so a pathological file cannot flood the output. The cap limits what is
/// shown, never the verdict: a problem left out still counts by its severity, so 300 warnings stay warnings.
struct DiagnosticList {
    let file: String
    let limit: Int
    private var items: [LoadDiagnostic] = []
    private var dropped: [LoadDiagnostic.Severity: Int] = [:]

    init(file: String, limit: Int) {
        self.file = file
        self.limit = limit
    }

    var hasErrors: Bool { dropped[.error, default: 0] > 0 || items.contains { $0.severity == .error } }

    mutating func add(
        _ severity: LoadDiagnostic.Severity, _ kind: LoadDiagnostic.Kind, _ message: String, at position: SourcePosition
    ) {
        add(severity, kind, message, at: SourceRange(at: position))
    }

    mutating func add(
        _ severity: LoadDiagnostic.Severity, _ kind: LoadDiagnostic.Kind, _ message: String, at range: SourceRange
    ) {
        guard items.count < limit else {
            dropped[severity, default: 0] += 1
            return
        }
        items.append(LoadDiagnostic(severity, kind, message, at: SourceLocation(file: file, range: range)))
    }

    func sorted() -> [LoadDiagnostic] {
        var result = items.sorted()
        let total = dropped.values.reduce(0, +)
        guard total > 0 else { return result }
        let worst: LoadDiagnostic.Severity = dropped[.error, default: 0] > 0 ? .error : .warning
        let counts = dropped.sorted { $0.key == .error && $1.key != .error }.map {
            "\($0.value) \($0.key.rawValue)\($0.value == 1 ? "" : "s")"
        }
        result.append(
            LoadDiagnostic(
                worst, .invalidValue,
                "\(total) more problems not shown (\(counts.joined(separator: ", "))); fix the ones above first",
                at: SourceLocation(file: file, range: SourceRange(at: .fileStart))))
        return result
    }
}
