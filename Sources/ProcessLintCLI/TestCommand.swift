import ArgumentParser
import CustomRules
import LintKit

/// `processlint test RULES-DIR`: runs a folder's custom rules against its fixtures, like `semgrep --test`.
struct TestCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Test custom rules against process files whose comments say where findings must land.",
        discussion: """
            RULES-DIR holds a .processlint.yml naming the rule files or external rule programs, and process files \
            with comments on the line above where a finding must land ('# expect: RULE-ID') or must not \
            ('# ok: RULE-ID'). Each rule's own examples run too. Exit status: 0 when every case passes, 1 when any \
            fails, 2 when the configuration, a rule file, a fixture or a rule program fails.
            """
    )

    @Argument(help: "The folder with the .processlint.yml and the fixtures.")
    var rulesDirectory: String

    @OptionGroup var load: LoadOptions

    func run(console: Console, registry: RuleRegistry) -> ExitStatus {
        let report = RuleTestRunner(loader: .standard(registry: registry), limits: load.limits).run(
            directory: rulesDirectory)
        if !report.problems.isEmpty {
            console.err(report.problems)
            return .invalidInput
        }
        console.out(report.text)
        return report.failures.isEmpty ? .success : .findings
    }
}
