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
        case text, json, sarif, github, junit, html
    }

    @Argument(help: "Process files, or directories to search for *.yaml and *.yml files.")
    var paths: [String] = ["."]

    @OptionGroup var load: LoadOptions

    @Option(
        help: """
            text: for people, like a compiler; json: for tools (docs/lint-json.md); sarif: for code scanning; \
            github: GitHub Actions annotations; junit: test reports for GitLab and Jenkins (docs/ci.md); html: the \
            self-contained report of `processlint report` (docs/report.md).
            """)
    var format: Format = .text

    @Option(
        help:
            "Write the report to this file instead of standard output; it is replaced only once the report is complete."
    )
    var output: String?

    @Option(help: "The folder that sarif, github and junit paths are relative to: the repository's root.")
    var sourceRoot: String = "."

    @Option(help: "The lowest severity of finding that makes the run fail (exit 1).")
    var failOn: FailOn = .error

    @Option(help: "Configuration file; without it, the nearest .processlint.yml above each process file applies.")
    var config: String?

    @Flag(name: .shortAndLong, help: "Print only errors: no source lines, no summary.")
    var quiet = false

    @Flag(help: "No colour, even on a terminal (NO_COLOR in the environment does the same).")
    var noColor = false

    @Option(help: "Findings in this baseline file are accepted: reported as suppressed, not failing the run.")
    var baseline: String?

    @Option(help: "Write every finding to this baseline file, to adopt the tool on existing processes.")
    var writeBaseline: String?

    @Flag(
        help:
            "With --baseline: rewrite it without the entries that matched nothing, and with λ lowered where it fell (nothing is added)."
    )
    var updateBaseline = false

    @Flag(
        help: "A suppression comment without a reason is an error (as strict_suppressions: true in the configuration).")
    var strictSuppressions = false

    func validate() throws {
        if updateBaseline && baseline == nil {
            throw ValidationError("--update-baseline rewrites the file of --baseline FILE: give one")
        }
    }

    func run(console terminal: Console, registry: RuleRegistry) -> ExitStatus {
        let reportFile: ReportFile?
        do { reportFile = try output.map(ReportFile.init(path:)) } catch {
            terminal.err("\(error)\n")
            return .invalidInput
        }
        let console = reportFile?.console(over: terminal) ?? terminal
        var run = LintRun(registry: registry, paths: paths, limits: load.limits, configurationFile: config)
        run.strictSuppressions = strictSuppressions
        if let baseline {
            switch Baseline.read(from: baseline) {
            case .success(let accepted): run.baseline = (accepted, "in the baseline \(baseline)")
            case .failure(let problem):
                console.err(problem.description + "\n")
                return stopped(by: [problem], registry: registry, console: console, reportFile: reportFile)
            }
        }
        if writeBaseline != nil { run.keeps = .findings }
        if format == .html { run.keeps = .everything }
        if format == .text && run.keeps == .report { run.shownFixes = quiet ? .none : .unsuppressed }
        run.quotesLines = format == .html || (format == .text && !quiet)
        let plan: LintRun.Plan
        switch run.plan() {
        case .success(let planned): plan = planned
        case .failure(let error):
            console.err(error.diagnostics)
            return stopped(by: error.diagnostics, registry: registry, console: console, reportFile: reportFile)
        }
        // Shown, never fatal: an unknown marker in a site's rule file may be a typo that changes what the rule matches.
        console.err(plan.warnings)
        var reporter = format.reporter(
            rules: plan.rules, root: SourceRoot(sourceRoot),
            color: console.isTerminal && !noColor && console.environment["NO_COLOR", default: ""].isEmpty, quiet: quiet,
            generated: Self.Format.generationTime(environment: console.environment))
        var worst: Severity?
        var loadFailed = false
        var accepted: [ProcessFindings] = []
        var baselineUsage = Baseline.Usage()
        let (files, failures) = run.run(plan) { result in
            baselineUsage.add(result.baselineUsage)
            for diagnostic in result.report.diagnostics where diagnostic.suppression == nil {
                if diagnostic.isLoadError {
                    loadFailed = true
                } else {
                    worst = max(worst ?? diagnostic.severity, diagnostic.severity)
                }
            }
            if let findings = result.findings { accepted.append(findings) }
            console.out(reporter.report(result.report))
        }
        for failure in failures { console.err(failure.description + "\n") }
        let closing = reporter.finish(
            RunSummary(
                files: files, failures: failures.map(RunFailure.init),
                staleBaselineEntries: run.baseline?.0.staleEntries(after: baselineUsage) ?? 0))
        if format == .text { console.err(closing) } else { console.out(closing) }
        if let problem = reportFile?.commit() {
            console.err("\(problem)\n")
            return .invalidInput
        }
        if let writeBaseline {
            let written = Baseline(accepted)
            guard FileManager.default.createFile(atPath: writeBaseline, contents: written.json) else {
                console.err("\(writeBaseline): error: cannot write the baseline file\n")
                return .invalidInput
            }
            console.err(
                "wrote \(written.findings.reduce(0) { $0 + $1.count }) findings to the baseline \(writeBaseline)\n")
            return loadFailed || !failures.isEmpty ? .invalidInput : .success
        }
        if updateBaseline, let baseline, let old = run.baseline?.0 {
            let updated = old.updated(after: baselineUsage)
            guard FileManager.default.createFile(atPath: baseline, contents: updated.json) else {
                console.err("\(baseline): error: cannot write the baseline file\n")
                return .invalidInput
            }
            console.err(
                "updated the baseline \(baseline): removed \(old.staleEntries(after: baselineUsage)) stale entries\n")
        }
        // A rule program that failed is never a silent pass.
        if loadFailed || !failures.isEmpty { return .invalidInput }
        guard let threshold = failOn.threshold, let worst else { return .success }
        return worst >= threshold ? .findings : .success
    }

    /// A run stopped before any file was read (its configuration or baseline cannot be read): the problems are on
    /// standard error, and a machine-readable report says so too, so a CI step that reads only the report never
    /// sees a pass. Text output has said it already.
    private func stopped(
        by problems: [LoadDiagnostic], registry: RuleRegistry, console: Console, reportFile: ReportFile?
    ) -> ExitStatus {
        guard format != .text else { return .invalidInput }
        var reporter = format.reporter(
            rules: registry.descriptions, root: SourceRoot(sourceRoot), color: false, quiet: quiet)
        console.out(reporter.finish(RunSummary(files: 0, failures: problems.map(RunFailure.init))))
        if let problem = reportFile?.commit() { console.err("\(problem)\n") }
        return .invalidInput
    }
}
