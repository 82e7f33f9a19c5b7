import LintKit
import ProcessModel

/// What a reporter receives for one file: its diagnostics, sorted, and a way to read its lines.
public struct FileReport: Sendable {
    public let file: String
    public let diagnostics: [Diagnostic]
    /// Lines of the file for quoting under a diagnostic; empty when it could not be read as text.
    public let lines: [Substring]

    public init(file: String, diagnostics: [Diagnostic], text: String?) {
        self.file = file
        self.diagnostics = diagnostics.sorted()
        lines = text.map { $0.split(separator: "\n", omittingEmptySubsequences: false) } ?? []
    }
}

/// A way of writing lint results.
public protocol Reporter {
    /// Called once per file, in file order; returns the text to write.
    mutating func report(_ file: FileReport) -> String
    /// Called once at the end, with the number of files; returns the closing text.
    mutating func finish(files: Int) -> String
}
