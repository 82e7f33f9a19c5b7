import ArgumentParser
import LintKit
import ProcessModel
import Reporters

/// `processlint rules`: the catalogue of rules, one line each.
struct RulesCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List every rule: id, default severity, title.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    @Option(help: "text: one line per rule; markdown: the full catalogue of docs/rules.md.")
    var format: Format = .text

    @OptionGroup var catalogue: CatalogueOptions

    func run(console: Console, registry: RuleRegistry) -> ExitStatus {
        guard let rules = catalogue.rules(of: registry, orReportTo: console) else { return .invalidInput }
        if format == .markdown {
            console.out(RuleCatalogue.markdown(rules.map(\.description)))
            return .success
        }
        let width = rules.map(\.description.id.count).max() ?? 0
        for (rule, origin) in rules {
            console.out(
                rule.id.padding(to: width) + "  " + rule.defaultSeverity.rawValue.padding(to: 7) + "  " + rule.title
                    + (origin.map { "  (custom: \($0.file))" } ?? "") + "\n")
        }
        return .success
    }
}

/// `processlint explain RULE-ID`: one rule's rationale, references and examples.
///
/// On a terminal it prints text (headings in bold unless `NO_COLOR` is set, code spans unquoted, examples indented);
/// piped or redirected, the Markdown of `docs/rules.md`, for pasting into a document. `--format` chooses either.
struct ExplainCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain one rule: why it exists, its sources, its examples.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    @Argument(help: "The rule's id, as `processlint rules` lists it.")
    var ruleID: String

    @Option(
        help:
            "text: for reading in a terminal; markdown: as in docs/rules.md. Default: text on a terminal, markdown otherwise."
    )
    var format: Format?

    @OptionGroup var catalogue: CatalogueOptions

    func run(console: Console, registry: RuleRegistry) -> ExitStatus {
        guard let rules = catalogue.rules(of: registry, orReportTo: console) else { return .invalidInput }
        guard let (rule, origin) = rules.first(where: { $0.description.id == ruleID }) else {
            let hint =
                Suggestion.nearest(to: ruleID, among: rules.map(\.description.id)).map { "; did you mean '\($0)'?" }
                ?? ""
            console.err("error: no rule '\(ruleID)'\(hint) (processlint rules lists them)\n")
            return .invalidInput
        }
        switch format ?? (console.isTerminal ? .text : .markdown) {
        case .markdown:
            console.out(RuleCatalogue.section(rule) + (origin.map { "\nCustom rule, defined at \($0).\n" } ?? ""))
        case .text:
            let bold = console.isTerminal && console.environment["NO_COLOR", default: ""].isEmpty
            console.out(
                RuleCatalogue.text(rule, bold: bold) + (origin.map { "\ncustom rule, defined at \($0)\n" } ?? ""))
        }
        return .success
    }
}
