import ArgumentParser
import BuiltinRules
import LintKit
import ProcessModel

/// `processlint rules`: the catalogue of rules, one line each.
struct RulesCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule: id, default severity, title.")

    func run(console: Console) -> ExitStatus {
        let rules = BuiltinRules.all.map { $0.description }.sorted { $0.id < $1.id }
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
        let ids = BuiltinRules.all.map { $0.description.id }
        guard let rule = BuiltinRules.registry.rule(withID: ruleID)?.description else {
            let hint = Suggestion.nearest(to: ruleID, among: ids).map { "; did you mean '\($0)'?" } ?? ""
            console.err("error: no rule '\(ruleID)'\(hint) (processlint rules lists them)\n")
            return .invalidInput
        }
        var text = "\(rule.id) (\(rule.defaultSeverity.rawValue)): \(rule.title)\n\n\(rule.rationale)\n\nReferences:\n"
        text += rule.references.map { "  - \($0)\n" }.joined()
        if !rule.options.isEmpty {
            text += "\nOptions (in .processlint.yml, under options: \(rule.id)):\n"
            text += rule.options.map { "  \($0.name): \($0.summary); default \(FigureFormat.plain($0.defaultValue))\n" }.joined()
        }
        text += "\nTriggers on:\n" + rule.triggering.map { indent($0.text) }.joined(separator: "\n")
        text += "\nDoes not trigger on:\n" + rule.nonTriggering.map { indent($0.unmarked.text) }.joined(separator: "\n")
        console.out(text)
        return .success
    }

    private func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
    }
}
