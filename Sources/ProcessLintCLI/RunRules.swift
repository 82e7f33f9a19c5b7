import BuiltinRules
import LintKit

/// The rules this run of the tool knows: the built-in pack, or the pack a user's own `processlint` extends
/// (`ProcessLintCommand.main(registry:)`). Set once, before the command line is parsed; lint, rules and
/// explain all read it.
enum RunRules {
    @TaskLocal static var registry = BuiltinRules.registry
}
