import LintKit
import ProcessModel

/// Runs a declarative rule over its own examples when its rule file is read, so a rule that does not do what its
/// author showed is a located problem in the rule file, not a surprise under `processlint test` or in production:
/// a triggering example must give findings exactly at its `↓` markers, a non-triggering one none at all.
/// `processlint test` holds the examples to the same standard.
///
/// The rule runs alone, through the public `Linter` API as it stands; when the per-file pipeline lands in LintKit,
/// `findings(of:in:)` is the one call to re-point at it.
struct RuleExampleCheck {
    /// One example, with where it is written in the rule file and which list it is in.
    struct Example {
        let example: RuleExample
        let range: SourceRange
        let triggers: Bool
    }

    let limits: LoadLimits

    /// A problem, at the example, for each example the rule does not honour.
    func problems(of rule: DeclarativeRule, examples: [Example], file: String) -> [LoadDiagnostic] {
        let id = rule.description.id
        return examples.compactMap { example in
            problem(of: rule, example, id: id).map {
                LoadDiagnostic(.error, .inconsistent, $0, at: SourceLocation(file: file, range: example.range))
            }
        }
    }

    private func problem(of rule: DeclarativeRule, _ example: Example, id: String) -> String? {
        let kind = example.triggers ? "triggering" : "non-triggering"
        let (text, markers) = example.example.unmarked
        let loaded = ProcessLoader(limits: limits).load(bytes: Array(text.utf8), file: "example")
        guard let design = loaded.design else {
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            let said = errors.prefix(3).map { "at \(Self.place($0.location.range.start)): \($0.message)" }
            let more = errors.count > said.count ? "; and \(errors.count - said.count) more" : ""
            return "this \(kind) example of rule '\(id)' is not a valid process file: "
                + (said.isEmpty ? "it cannot be read" : said.joined(separator: "; ")) + more
        }
        let found = findings(of: rule, in: design)
        if !example.triggers {
            guard let finding = found.first else { return nil }
            return "this non-triggering example triggers rule '\(id)' at \(Self.place(finding.location.range.start)) "
                + "(\"\(finding.message)\")\(found.count > 1 ? " and \(found.count - 1) more" : "")"
        }
        let positions = found.map(\.location.range.start).sorted()
        let expected = markers.sorted()
        if expected.isEmpty {
            return "this triggering example of rule '\(id)' marks no place: put ↓ before each place a finding must land"
                + (positions.isEmpty ? "" : " (its findings are at \(Self.places(positions)))")
        }
        if positions.isEmpty {
            return "this triggering example does not trigger rule '\(id)': its ↓ markers expect a finding at \(Self.places(expected))"
        }
        guard positions != expected else { return nil }
        return "this triggering example's ↓ markers are at \(Self.places(expected)), but rule '\(id)' finds it at "
            + positions.map { "line \($0.line), column \($0.column)" }.joined(separator: " and ")
    }

    /// The rule's findings on one example, run alone with the default configuration.
    private func findings(of rule: DeclarativeRule, in design: ProcessDesign) -> [Diagnostic] {
        var configuration = Configuration()
        configuration.customRules = [rule]
        return Linter(registry: RuleRegistry()).lint(design, configuration: configuration).filter { $0.ruleID == rule.description.id }
    }

    /// A position inside an example, counted from the example's own first line, as the markers are.
    private static func place(_ position: SourcePosition) -> String {
        "line \(position.line), column \(position.column) of the example"
    }

    private static func places(_ positions: [SourcePosition]) -> String {
        positions.map { "line \($0.line), column \($0.column)" }.joined(separator: " and ") + " of the example"
    }
}
