import ArgumentParser
import BuiltinRules
import LintKit

/// A subcommand whose work is library code writing to an injected console, so tests run it in-process, with the
/// rules this run of the tool knows: the built-in pack, or the pack a user's own `processlint` extends
/// (`ProcessLintCommand.main(registry:)`).
protocol ConsoleCommand: ParsableCommand {
    func run(console: Console, registry: RuleRegistry) -> ExitStatus
}

extension ConsoleCommand {
    /// Argument parser's entry point when the tool runs for real.
    public func run() throws {
        let status = run(console: .standard, registry: BuiltinRules.registry)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
