import LintKit
import ProcessModel

/// What a reporter receives for one file: its diagnostics, sorted, and a way to read its lines.
public struct FileReport: Sendable {
    public let file: String
    public let diagnostics: [Diagnostic]
    /// The file's text, for quoting under a diagnostic; `nil` when it could not be read as text.
    private let text: String?
    /// The ids of the rules that ran on the file, for formats that show passing rules too (JUnit); empty when
    /// the file was not loaded.
    public let rules: [String]
    /// The rules that should have run on the file and did not (a rule program that failed).
    public let failedRules: [RunFailure]

    public init(file: String, diagnostics: [Diagnostic], text: String?, rules: [String] = [], failedRules: [RunFailure] = []) {
        self.file = file
        self.rules = rules
        self.failedRules = failedRules
        self.diagnostics = diagnostics.sorted()
        self.text = text
    }

    /// Line `number` (from 1) without its line break; `nil` past the end or when the text is unknown.
    /// Found on demand: most reports quote no line at all (quiet, JSON, SARIF), so none is split up front.
    public func line(_ number: Int) -> Substring? {
        guard var rest = text?[...], number >= 1 else { return nil }
        for _ in 1..<number {
            guard let newline = rest.utf8.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            rest = rest[rest.utf8.index(after: newline)...]
        }
        return rest[..<(rest.utf8.firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex)]
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
