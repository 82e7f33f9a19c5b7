import ProcessModel

/// A rule a configuration brings in from a file at run time (a declarative YAML rule, say), rather than one
/// compiled into the tool.
public protocol CustomRule: Rule {
    /// Where the rule is defined: its rule file, at its id. Clashing ids and `processlint rules` point here.
    var origin: SourceLocation { get }
}

/// Turns a rule file that a configuration names into rules. LintKit knows no rule-file format: this is the seam
/// through which the CustomRules target (declarative YAML rules) plugs in, and the CLI passes it to the loader.
public protocol RuleFileLoading: Sendable {
    /// The rules in the file at `path` (absolute), or every problem in it, located in that file.
    func rules(inFile path: String) -> Result<[any CustomRule], ConfigurationError>
}
