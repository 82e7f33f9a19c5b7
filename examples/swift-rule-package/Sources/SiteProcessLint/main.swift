import BuiltinRules
import ProcessLintCLI
import SiteRules

// The built-in pack plus the site's rules: lint runs them, `rules` lists them, `explain` explains them,
// and .processlint.yml may disable them, change their severity and set their options.
var registry = BuiltinRules.registry
registry.register(SiteRules.all)
ProcessLintCommand.main(registry: registry)
