import ArgumentParser
import Foundation
import LintKit
import ProcessModel
import Reporters

/// `processlint lint PATH...`: loads process files, runs the rules, and reports every problem and finding.
struct LintCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check process files and print every problem found.",
        discussion: """
            Exit status: 0 when nothing is at or above --fail-on; 1 when a finding is; 2 when any file cannot be \
            read or breaks the format, or an external rule fails.
            """
    )

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, note, never

        var threshold: Severity? { Severity(rawValue: rawValue) }
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Process files, or directories to search for *.yaml and *.yml files.")
    var paths: [String] = ["."]

    @OptionGroup var load: LoadOptions

    @Option(help: "text: for people, like a compiler; json: for tools (docs/lint-json.md).")
    var format: Format = .text

    @Option(help: "The lowest severity of finding that makes the run fail (exit 1).")
    var failOn: FailOn = .error

    @Option(help: "Configuration file; without it, the nearest .processlint.yml above each process file applies.")
    var config: String?

    @Flag(name: .shortAndLong, help: "Print only errors: no source lines, no summary.")
    var quiet = false

    @Flag(help: "No colour, even on a terminal (NO_COLOR in the environment does the same).")
    var noColor = false

    func run(console: Console) -> ExitStatus {
        let discovered = ProcessFileDiscovery().files(under: paths)
        var problems = discovered.problems
        if discovered.files.isEmpty && problems.isEmpty {
            // A gate that checked nothing must not pass silently.
            problems.append(LoadDiagnostic(
                .error, .unreadableFile, "no process files (*.yaml, *.yml) found here",
                at: SourceLocation(file: paths.joined(separator: " "), range: SourceRange(at: .fileStart))))
        }
        var reporter: any Reporter = switch format {
        case .text:
            TextReporter(color: console.isTerminal && !noColor && console.environment["NO_COLOR", default: ""].isEmpty,
                         quiet: quiet, rules: RunRules.registry.descriptions)
        case .json: JSONReporter()
        }
        var worst: Severity?
        var loadFailed = false
        func emit(_ report: FileReport) {
            for diagnostic in report.diagnostics where diagnostic.suppression == nil {
                if diagnostic.isLoadError { loadFailed = true } else { worst = max(worst ?? diagnostic.severity, diagnostic.severity) }
            }
            console.out(reporter.report(report))
        }
        // Paths that could not be walked come first; then each file, in sorted order.
        for problem in problems.sorted() {
            emit(FileReport(file: problem.location.file, diagnostics: [Diagnostic(problem)], text: nil))
        }
        let registry = RunRules.registry
        // One configuration per folder (the nearest file above it), read once; a broken one stops the run.
        let configurations = ConfigurationResolver(loader: ConfigurationLoader(registry: registry), explicit: config)
        let resolved = discovered.files.map { ($0, configurations.configuration(for: $0)) }
        let broken = configurations.problems
        guard broken.isEmpty else {
            for problem in broken { console.err(problem.description + "\n") }
            return .invalidInput
        }
        let files = resolved.filter { !$0.1.excludes($0.0) }
        let failures = LintRun(registry: registry, files: files, limits: load.limits).report(emit)
        for failure in failures { console.err(failure.description + "\n") }
        let closing = reporter.finish(files: files.count)
        if format == .json { console.out(closing) } else { console.err(closing) }
        if loadFailed || !failures.isEmpty { return .invalidInput }
        guard let threshold = failOn.threshold, let worst else { return .success }
        return worst >= threshold ? .findings : .success
    }
}
