import LintKit
import ProcessModel
import Reporters

extension Console {
    /// Writes located problems of a configuration, a rule file or a process to standard error as `lint` writes
    /// findings: the line, the source quoted with a caret, the `[format]` tag. A file that cannot be read again is
    /// written without its source.
    func err(_ problems: [LoadDiagnostic]) {
        var reporter = TextReporter(color: false, quiet: false, rules: [])
        let byFile = Dictionary(grouping: problems, by: \.location.file)
        for file in byFile.keys.sorted() {
            let text = try? FileBytes.contents(of: file, limits: .standard, kind: .configuration).get()
            err(
                reporter.report(
                    FileReport(
                        file: file, diagnostics: byFile[file, default: []].map(Diagnostic.init),
                        text: text.map { String(decoding: $0, as: UTF8.self) })))
        }
    }
}
