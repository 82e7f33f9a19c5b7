import LintKit
import ProcessModel

/// What a reporter receives for one file: its diagnostics, sorted, and a way to read its lines.
public struct FileReport: Sendable {
    public let file: String
    public let diagnostics: [Diagnostic]
    /// The file's lines, for quoting under a diagnostic; `nil` when the file could not be read as text, or
    /// when nothing in it will be quoted.
    private let lines: LineIndex?
    /// The ids of the rules that ran on the file, for formats that show passing rules too (JUnit); empty when
    /// the file was not loaded.
    public let rules: [String]
    /// The rules that should have run on the file and did not (a rule program that failed).
    public let failedRules: [RunFailure]
    /// The design and its full estimate, for the HTML report; `nil` for the other formats, and when the file
    /// could not be read as a process.
    public let process: ProcessDetail?

    public init(
        file: String, diagnostics: [Diagnostic], text: String?, rules: [String] = [], failedRules: [RunFailure] = [],
        process: ProcessDetail? = nil
    ) {
        self.file = file
        self.process = process
        self.rules = rules
        self.failedRules = failedRules
        self.diagnostics = diagnostics.sorted()
        // Indexed once, and only for a file with something to quote: most files have no finding.
        lines = diagnostics.isEmpty ? nil : text.map(LineIndex.init)
    }

    /// Line `number` (from 1) without its line break; `nil` past the end or when the text is unknown.
    public func line(_ number: Int) -> Substring? {
        lines?.line(number)
    }
}

/// A way of writing lint results.
public protocol Reporter {
    /// Called once per file, in file order; returns the text to write.
    mutating func report(_ file: FileReport) -> String
    /// Called once at the end, with the number of files and what did not run; returns the closing text.
    mutating func finish(_ run: RunSummary) -> String
}

extension Reporter {
    /// The end of a run in which everything ran.
    public mutating func finish(files: Int) -> String { finish(RunSummary(files: files)) }
}

extension FileReport {
    /// Whether the file could not be read or breaks the format: the run exits 2.
    var isUnreadable: Bool { diagnostics.contains(where: \.isLoadError) }
}
