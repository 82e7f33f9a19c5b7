import ArgumentParser
import LintKit
import ProcessModel
import Reporters

/// `processlint rules`: the catalogue of rules, one line each.
struct RulesCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule: id, default severity, title.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    @Option(help: "text: one line per rule; markdown: the full catalogue of docs/rules.md.")
    var format: Format = .text

    func run(console: Console) -> ExitStatus {
        let rules = RunRules.registry.descriptions
        if format == .markdown {
            console.out(RuleCatalogue.markdown(rules))
            return .success
        }
        let width = rules.map(\.id.count).max() ?? 0
        for rule in rules {
            console.out(rule.id.padding(to: width) + "  " + rule.defaultSeverity.rawValue.padding(to: 7) + "  " + rule.title + "\n")
        }
        return .success
    }
}

/// `processlint explain RULE-ID`: one rule's rationale, references and examples.
struct ExplainCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain one rule: why it exists, its sources, its examples.")

    @Argument(help: "The rule's id, as `processlint rules` lists it.")
    var ruleID: String

    func run(console: Console) -> ExitStatus {
        let ids = RunRules.registry.ids.sorted()
        guard let rule = RunRules.registry.rule(withID: ruleID)?.description else {
            let hint = Suggestion.nearest(to: ruleID, among: ids).map { "; did you mean '\($0)'?" } ?? ""
            console.err("error: no rule '\(ruleID)'\(hint) (processlint rules lists them)\n")
            return .invalidInput
        }
        console.out(RuleCatalogue.section(rule))
        return .success
    }
}
