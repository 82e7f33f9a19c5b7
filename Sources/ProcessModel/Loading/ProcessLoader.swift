import Foundation
import Yams

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
}

/// Reads process files into the typed model, reporting every problem with its location.
///
/// The stages, each guarding the next: size (before reading), UTF-8, a libyaml event pass
/// (syntax, documents, depth, aliases, duplicate keys), Yams' tree, the format-1 schema, and
/// the cross-field checks the schema cannot express.
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
    public func load<T: Sendable>(files: [String], batchSize: Int = 512, then transform: @Sendable (LoadResult) -> T,
                                  _ body: (T) -> Void) {
        for start in stride(from: 0, to: files.count, by: batchSize) {
            Array(files[start..<min(start + batchSize, files.count)]).concurrentMap { transform(load(file: $0)) }.forEach(body)
        }
    }

    /// Loads one file from disk.
    public func load(file: String) -> LoadResult {
        switch readBytes(of: file) {
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
        let sorted = diagnostics.sorted()
        return LoadResult(file: file, design: sorted.contains { $0.severity == .error } ? nil : design, diagnostics: sorted, text: text,
                          comments: comments)
    }

    private func load(_ bytes: [UInt8], into diagnostics: inout DiagnosticList, text decodedText: inout String?,
                      comments: inout [YAMLComment]) -> ProcessDesign? {
        let document = YAMLDocument.compose(bytes: bytes, limits: limits, into: &diagnostics)
        decodedText = document.text
        comments = document.comments
        guard let root = document.root else { return nil }
        guard case .mapping(let mapping) = root else {
            diagnostics.add(.error, .wrongType,
                            "a process file must be a mapping of keys such as 'processlint' and 'steps', found \(root.kindDescription)",
                            at: root.range.start)
            return nil
        }
        if let version = mapping.value(forKey: "processlint"), let scalar = version.scalar,
           case .number(let number) = ScalarValue(scalar), number.isFinite, number != Double(FormatSchema.version) {
            // A newer format would fail every check below for reasons that are not the user's mistake.
            diagnostics.add(.error, .unsupportedVersion,
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

    /// The file's bytes, at most one past the size limit. POSIX calls rather than FileManager: one open,
    /// one fstat and a read per file, with no attribute dictionary (this runs for every file of a run).
    private func readBytes(of file: String) -> Result<[UInt8], LoadDiagnostic> {
        let location = SourceLocation(file: file, range: SourceRange(at: .fileStart))
        func failure(_ message: String, _ kind: LoadDiagnostic.Kind = .unreadableFile) -> Result<[UInt8], LoadDiagnostic> {
            .failure(LoadDiagnostic(.error, kind, message, at: location))
        }
        func systemError() -> String { "cannot read file: " + String(cString: strerror(errno)).lowercased() }
        // Non-blocking, so opening a FIFO with no writer returns at once; the type check below then refuses it.
        let descriptor = open(file, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return failure(systemError()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return failure(systemError()) }
        guard status.st_mode & S_IFMT == S_IFREG else { return failure("not a regular file") }
        let size = Int(status.st_size)
        guard size <= limits.maximumFileBytes else { return failure(limits.tooLargeMessage(size), .fileTooLarge) }
        // Read one byte past the limit, so a file that grew after the size check is still caught.
        let capacity = min(size, limits.maximumFileBytes) + 1
        var bytes = [UInt8](repeating: 0, count: capacity)
        var count = 0
        while count < capacity {
            let chunk = bytes.withUnsafeMutableBytes { buffer in read(descriptor, buffer.baseAddress! + count, capacity - count) }
            if chunk < 0 && errno == EINTR { continue }
            guard chunk >= 0 else { return failure(systemError()) }
            if chunk == 0 { break }
            count += chunk
        }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }
}

/// The diagnostics of one file, capped so a pathological file cannot flood the output.
struct DiagnosticList {
    let file: String
    let limit: Int
    private var items: [LoadDiagnostic] = []
    private var dropped = 0

    init(file: String, limit: Int) {
        self.file = file
        self.limit = limit
    }

    var hasErrors: Bool { items.contains { $0.severity == .error } }

    mutating func add(_ severity: LoadDiagnostic.Severity, _ kind: LoadDiagnostic.Kind, _ message: String, at position: SourcePosition) {
        add(severity, kind, message, at: SourceRange(at: position))
    }

    mutating func add(_ severity: LoadDiagnostic.Severity, _ kind: LoadDiagnostic.Kind, _ message: String, at range: SourceRange) {
        guard items.count < limit else {
            dropped += 1
            return
        }
        items.append(LoadDiagnostic(severity, kind, message, at: SourceLocation(file: file, range: range)))
    }

    func sorted() -> [LoadDiagnostic] {
        var result = items.sorted()
        if dropped > 0 {
            result.append(LoadDiagnostic(.error, .invalidValue, "\(dropped) more problems not shown; fix the ones above first",
                                         at: SourceLocation(file: file, range: SourceRange(at: .fileStart))))
        }
        return result
    }
}
