import LintKit
import Reporters

extension LintCommand.Format {
    /// The project's home, for SARIF's `informationUri`.
    static let informationURI = "https://github.com/processlint/processlint"

    /// The reporter that writes this format.
    func reporter(rules: [RuleDescription], root: SourceRoot, color: Bool, quiet: Bool) -> any Reporter {
        switch self {
        case .text: TextReporter(color: color, quiet: quiet, rules: rules)
        case .json: JSONReporter()
        case .sarif:
            SARIFReporter(rules: rules, version: ProcessLintCommand.configuration.version, informationURI: Self.informationURI, root: root)
        case .github: GitHubReporter(rules: rules, root: root)
        case .junit: JUnitReporter(root: root)
        }
    }
}
