import CustomRules
import LintKit
import ProcessModel
import Testing

/// Reads a rule file written in a test, and lints process text with its rules.
enum RuleFiles {
    static func read(_ text: String, file: String = "rules.yaml") -> Result<[DeclarativeRule], ConfigurationError> {
        RuleFileReader().read(bytes: Array(text.utf8), file: file).map(\.rules)
    }

    /// The problems of a rule file that must not load, as `file:line:col: severity: message` lines.
    static func problems(_ text: String) -> [String] {
        switch read(text) {
        case .success: return []
        case .failure(let error): return error.diagnostics.map(\.description)
        }
    }

    /// A rule file holding one rule made of `body` (the lines after `id`, indented by four).
    static func rule(_ body: String, id: String = "site-rule") -> String {
        """
        processlint-rules: 1
        rules:
          - id: \(id)
            severity: warning
            title: a site rule
            message: "found {value} in {step}, limit {limit}"
            rationale: the site says so.
        \(body.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
        """
    }

    /// Where the one rule of `ruleText` reports on `process` (through the whole engine, with the rule as configured).
    static func findings(_ ruleText: String, on process: String) throws -> [Diagnostic] {
        let rules = try read(ruleText).get()
        let loaded = ProcessLoader().load(bytes: Array(process.utf8), file: "process.yaml")
        let design = try #require(loaded.design, "\(loaded.diagnostics.map(\.description))")
        var configuration = Configuration()
        configuration.customRules = rules
        return Linter(registry: RuleRegistry()).lint(design, configuration: configuration)
    }
}

/// A small process, with the steps and release tests given.
func process(
    steps: String, releaseTests: String = "[sterility]", product: String = "{car_target: CD19, vector: lentiviral}",
    extra: String = ""
) -> String {
    """
    processlint: 1
    name: test process
    product: \(product)
    indication: B-ALL
    starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}, malignant_markers: [CD19]}
    steps:
    \(steps.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
    release_tests: \(releaseTests)
    \(extra)
    """
}
