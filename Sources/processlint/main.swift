import BuiltinRules
import ProcessLintCLI

ProcessLintCommand.main(registry: BuiltinRules.registry)
