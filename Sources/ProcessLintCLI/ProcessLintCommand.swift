import ArgumentParser
import BuiltinRules
import Foundation
import LintKit

/// The `processlint` command and its subcommands.
public struct ProcessLintCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "processlint",
        abstract: "Check cell-therapy manufacturing process designs before a batch is made.",
        version: "0.1.0",
        subcommands: [
            LintCommand.self, ReportCommand.self, DiffCommand.self, EstimateCommand.self, RulesCommand.self,
            ExplainCommand.self,
            SchemaCommand.self, TestCommand.self, LSPCommand.self,
        ],
        defaultSubcommand: LintCommand.self
    )

    public init() {}

    /// The tool's entry point, for the `processlint` executable and for a site's own build of it that adds its
    /// Swift rules: runs the command line with `registry` as the rules lint, rules and explain know, and exits.
    ///
    ///     var registry = BuiltinRules.registry
    ///     registry.register([ClosedExpansionRule()])
    ///     ProcessLintCommand.main(registry: registry)
    public static func main(registry: RuleRegistry) -> Never {
        Foundation.exit(run(Array(CommandLine.arguments.dropFirst()), console: .standard, registry: registry))
    }

    /// Parses `arguments` (without the program name), runs the command on `console` with the rules of
    /// `registry`, and returns the exit code.
    public static func run(_ arguments: [String], console: Console, registry: RuleRegistry = BuiltinRules.registry)
        -> Int32
    {
        do {
            let command = try parseAsRoot(arguments)
            guard let consoleCommand = command as? any ConsoleCommand else {
                // Only help and version requests reach here, and they throw before; keep the parser's own path.
                var command = command
                try command.run()
                return ExitCode.success.rawValue
            }
            return consoleCommand.run(console: console, registry: registry).rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty { (code == .success ? console.out : console.err)(message + "\n") }
            return code.rawValue
        }
    }
}
