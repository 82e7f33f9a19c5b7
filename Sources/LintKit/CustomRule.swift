import ProcessModel

/// A rule a configuration brings in from a file at run time (a declarative YAML rule, say), rather than one
/// compiled into the tool.
public protocol CustomRule: Rule {
    /// Where the rule is defined: its rule file, at its id. Clashing ids and `processlint rules` point here.
    var origin: SourceLocation { get }
}

/// The rules of one rule file, what in it deserves a warning without stopping the run, and its problems.
public struct RuleFile: Sendable {
    public let rules: [any CustomRule]
    /// Problems that leave the rules readable but may change what they match (an unknown marker: a typo, or an
    /// antigen newer than the tool); shown whenever the file is used, since a rule file is policy.
    public let warnings: [LoadDiagnostic]
    /// Errors that make the file unusable (schema, semantics, broken examples), every one, located in the file.
    /// A file with problems is never used; its readable rules are still given in `rules`, so that the loader checks
    /// their ids against the other rules' and lets the configuration name them: one run says everything.
    public let problems: [LoadDiagnostic]

    public init(rules: [any CustomRule], warnings: [LoadDiagnostic], problems: [LoadDiagnostic] = []) {
        self.rules = rules
        self.warnings = warnings
        self.problems = problems
    }

    /// An unreadable file: its one problem.
    public init(unreadable problem: LoadDiagnostic) {
        self.init(rules: [], warnings: [], problems: [problem])
    }
}

/// Turns a rule file that a configuration names into rules. LintKit knows no rule-file format: this is the seam
/// through which the CustomRules target (declarative YAML rules) plugs in, and the CLI passes it to the loader.
public protocol RuleFileLoading: Sendable {
    /// The rules in the file at `path` (absolute), its warnings and all its problems, located in that file.
    func rules(inFile path: String) -> RuleFile
}
