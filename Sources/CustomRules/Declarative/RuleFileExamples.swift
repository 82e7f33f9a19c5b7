import LintKit
import ProcessModel

/// Holds a declarative rule to its own examples when its rule file is read, so a rule that does not do what its
/// author showed is a located problem in the rule file, not a surprise under `processlint test` or in production.
/// The verdict is the generic check every rule's examples pass (`RuleExampleCheck`: findings exactly at the `↓`
/// markers, none in a non-triggering example, a `disable-file` comment silencing them); this only places each
/// failure at its example.
struct RuleFileExamples {
    /// One example, with where it is written in the rule file and which list it is in.
    struct Example {
        let example: RuleExample
        let range: SourceRange
        let triggers: Bool
    }

    let limits: LoadLimits

    /// A problem, at the example, for each example the rule does not honour. The rule runs alone, under the
    /// default configuration.
    func problems(of rule: DeclarativeRule, examples: [Example], file: String) -> [LoadDiagnostic] {
        var configuration = Configuration()
        configuration.customRules = [rule]
        let check = RuleExampleCheck(
            linter: Linter(registry: RuleRegistry()), configuration: configuration, limits: limits)
        let id = rule.description.id
        return examples.compactMap { example in
            guard let failure = check.check(example.example, of: id, triggers: example.triggers).failure else {
                return nil
            }
            let kind = example.triggers ? "triggering" : "non-triggering"
            return LoadDiagnostic(
                .error, .inconsistent,
                "this \(kind) example of rule '\(id)' does not hold (places are counted from its first line): "
                    + "expected \(failure.expected), found \(failure.found)",
                at: SourceLocation(file: file, range: example.range))
        }
    }
}
