import ArgumentParser
import BuiltinRules
import LintKit
import ProcessModel

/// `processlint lint PATH...`: loads process files, runs the rules, and prints every problem and finding.
struct LintCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check process files and print every problem found.",
        discussion: """
            Exit status: 0 when nothing is at or above --fail-on; 1 when a finding is; 2 when any file cannot be \
            read or breaks the format.
            """
    )

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, note, never

        var threshold: Severity? { Severity(rawValue: rawValue) }
    }

    @Argument(help: "Process files, or directories to search for *.yaml and *.yml files.")
    var paths: [String] = ["."]

    @OptionGroup var load: LoadOptions

    @Option(help: "The lowest severity of finding that makes the run fail (exit 1).")
    var failOn: FailOn = .error

    @Flag(name: .shortAndLong, help: "Print only errors, and no summary.")
    var quiet = false

    func run(console: Console) -> ExitStatus {
        let discovered = ProcessFileDiscovery().files(under: paths)
        var problems = discovered.problems
        if discovered.files.isEmpty && problems.isEmpty {
            // A gate that checked nothing must not pass silently.
            problems.append(LoadDiagnostic(
                .error, .unreadableFile, "no process files (*.yaml, *.yml) found here",
                at: SourceLocation(file: paths.joined(separator: " "), range: SourceRange(at: .fileStart))))
        }
        var summary = Summary(files: discovered.files.count)
        func report(_ line: Reported) {
            summary.count(line)
            if !quiet || line.severity == .error { console.out(line.text + "\n") }
        }
        // Paths that could not be walked come first; then each file's problems and findings, files in sorted order.
        problems.sorted().map(Reported.init).forEach(report)
        let linter = Linter(registry: BuiltinRules.registry)
        ProcessLoader(limits: load.limits).load(files: discovered.files, then: { result in
            let findings = result.design.map(linter.lint) ?? []
            return (result.diagnostics.map(Reported.init) + findings.map(Reported.init)).sorted()
        }) { lines in
            lines.forEach(report)
        }
        if !quiet { console.err(summary.text + "\n") }
        if summary.loadErrors > 0 { return .invalidInput }
        guard let threshold = failOn.threshold else { return .success }
        return summary.findings.contains { $0 >= threshold } ? .findings : .success
    }
}

/// One printed line: a load problem or a rule finding, ordered by position.
struct Reported: Comparable, Sendable {
    let location: SourceLocation
    let severity: Severity
    let text: String
    let isFinding: Bool

    init(_ diagnostic: LoadDiagnostic) {
        location = diagnostic.location
        severity = diagnostic.severity == .error ? .error : .warning
        text = diagnostic.description
        isFinding = false
    }

    init(_ diagnostic: Diagnostic) {
        location = diagnostic.location
        severity = diagnostic.severity
        text = diagnostic.description
        isFinding = true
    }

    static func < (lhs: Reported, rhs: Reported) -> Bool { (lhs.location, lhs.text) < (rhs.location, rhs.text) }
}

/// The closing line of a lint run.
struct Summary {
    let files: Int
    private(set) var errors = 0
    private(set) var warnings = 0
    private(set) var notes = 0
    /// Load errors: the files they are in were not linted.
    private(set) var loadErrors = 0
    /// Severities of the rule findings, for --fail-on.
    private(set) var findings: [Severity] = []

    init(files: Int) { self.files = files }

    mutating func count(_ line: Reported) {
        switch line.severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .note: notes += 1
        }
        if line.isFinding { findings.append(line.severity) } else if line.severity == .error { loadErrors += 1 }
    }

    var text: String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        return "checked \(plural(files, "file")): \(plural(errors, "error")), \(plural(warnings, "warning"))"
            + (notes > 0 ? ", \(plural(notes, "note"))" : "")
    }
}
