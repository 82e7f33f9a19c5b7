import ArgumentParser
import LintKit

/// `processlint report PATH... --output FILE`: the self-contained HTML report of the processes, for people who
/// review a design (QA, a regulator) and for archiving with a change record. It is `lint --format html`, with
/// findings that do not fail the run unless asked.
struct ReportCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Write a self-contained HTML report: plots of the cell populations, the findings in their source, and the sources of every figure.",
        discussion: """
            The same report as `lint --format html` (docs/report.md). Exit status: 0 when the report is written and \
            nothing is at or above --fail-on (by default nothing fails it); 1 when a finding is; 2 when a file cannot \
            be read, the configuration is broken, or the report cannot be written.
            """
    )

    @Argument(help: "Process files, or directories to search for *.yaml and *.yml files.")
    var paths: [String] = ["."]

    @Option(
        name: .shortAndLong,
        help: "The HTML file to write; it is replaced only once the report is complete ('-' for standard output).")
    var output: String

    @Option(help: "Configuration file; without it, the nearest .processlint.yml above each process file applies.")
    var config: String?

    @Option(help: "The lowest severity of finding that makes the run fail (exit 1).")
    var failOn: LintCommand.FailOn = .never

    @OptionGroup var load: LoadOptions

    func run(console: Console, registry: RuleRegistry) -> ExitStatus {
        // One path for both: the report is lint's html format, so the two never drift apart.
        var arguments = [
            "--format", "html", "--fail-on", failOn.rawValue,
            "--max-file-size", String(load.maximumFileBytes), "--max-depth", String(load.maximumDepth),
        ]
        if output != "-" { arguments += ["--output", output] }
        if let config { arguments += ["--config", config] }
        let lint: LintCommand
        do { lint = try LintCommand.parse(arguments + ["--"] + paths) } catch {
            console.err(LintCommand.fullMessage(for: error) + "\n")
            return .invalidInput
        }
        let status = lint.run(console: console, registry: registry)
        if status != .invalidInput && output != "-" { console.err("wrote the report to \(output)\n") }
        return status
    }
}
