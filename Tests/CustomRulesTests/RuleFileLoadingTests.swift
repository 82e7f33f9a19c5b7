import BuiltinRules
import CustomRules
import LintKit
import TestSupport
import Testing

/// Rule files get the same located, complete errors as process files.
@Suite struct RuleFileLoadingTests {
    @Test func schemaProblemsAreLocatedWithSuggestions() {
        let problems = RuleFiles.problems(
            """
            processlint-rules: 1
            rules:
              - id: site-rule
                severty: warning
                title: [not, text]
                message: m
                rationale: r
                forbid: {operation: washing}
            """)
        #expect(
            problems.contains(
                "rules.yaml:4:5: error: unknown key 'severty' in 'rules' entry 'site-rule'; did you mean 'severity'? valid keys are: "
                    + "estimate, examples, fix, forbid, id, message, order, parameter, rationale, references, release_test, require, severity, title, when"
            ))
        #expect(problems.contains("rules.yaml:5:12: error: 'title' must be text, found a list"))
        #expect(
            problems.contains {
                $0.hasPrefix("rules.yaml:8:25: error: unknown operation 'washing'; did you mean 'wash'?")
            })
        #expect(
            problems.contains("rules.yaml:3:5: error: 'rules' entry 'site-rule' is missing the required key 'severity'")
        )
    }

    @Test func aRuleHasExactlyOneCheck() {
        #expect(
            RuleFiles.problems(RuleFiles.rule("forbid: {operation: wash}\nrequire: {operation: harvest}")) == [
                "rules.yaml:9:5: error: 'rules' entry 'site-rule' may have only one of 'require', 'forbid', 'order', 'parameter', 'release_test' or 'estimate'; found 'forbid' and 'require'"
            ])
        #expect(
            RuleFiles.problems(RuleFiles.rule("references: [SOP-1]")).first?.contains(
                "needs one of 'require', 'forbid'") == true)
    }

    @Test func whatTheSchemaCannotSayIsLocatedToo() {
        #expect(
            RuleFiles.problems(RuleFiles.rule("forbid: {operation: wash}", id: "Site_Rule"))
                == [
                    "rules.yaml:3:9: error: rule id 'Site_Rule' must be kebab-case: lower-case letters and digits joined by '-'"
                ])
        #expect(
            RuleFiles.problems(RuleFiles.rule("forbid: {operation: wash, markers: [CD3]}"))
                == [
                    "rules.yaml:8:40: error: 'markers' applies only to positive-selection and depletion steps, not to 'wash'"
                ])
        #expect(
            RuleFiles.problems(RuleFiles.rule("parameter: {operation: transduction, name: dmso_percent, max: 5}")) == [
                "rules.yaml:8:48: error: 'dmso_percent' is not a number of a 'transduction' step; its numbers are: "
                    + "malignant_transduction_efficiency, moi, recovery, transduction_efficiency"
            ])
        #expect(
            RuleFiles.problems(RuleFiles.rule("parameter: {operation: cryopreservation, name: dmso_percent, max: 150}"))
                == [
                    "rules.yaml:8:71: error: 'max' 150 is outside the values 'dmso_percent' can take (between 0 and 100)"
                ])
        #expect(
            RuleFiles.problems(
                RuleFiles.rule("order: {step: {operation: wash}, must_be: within, other: {operation: harvest}}"))
                == [
                    "rules.yaml:8:12: error: an order with 'must_be: within' needs 'steps', the largest distance allowed"
                ])
        #expect(
            RuleFiles.problems(RuleFiles.rule("estimate: {figure: calibrated-probability, max: 5}"))
                == [
                    "rules.yaml:8:53: error: 'max' of 'calibrated-probability' is a probability: it must be at most 1, found 5"
                ])
        #expect(
            RuleFiles.problems(RuleFiles.rule("fix: lower {lmit}\nforbid: {operation: wash}"))
                == [
                    "rules.yaml:8:10: error: unknown placeholder '{lmit}' in 'fix'; did you mean '{limit}'? the placeholders are: {limit}, {step}, {value}"
                ])
    }

    @Test func duplicateIdsInOneFile() {
        let rule = RuleFiles.rule("forbid: {operation: wash}")
        let twice = rule + "\n" + rule.split(separator: "\n").dropFirst(2).joined(separator: "\n")
        #expect(
            RuleFiles.problems(twice) == [
                "rules.yaml:9:9: error: duplicate rule id 'site-rule'; it is first used at line 3"
            ])
    }

    @Test func hostileAndEmptyFilesAreStoppedWithAReason() {
        #expect(RuleFiles.problems("").first?.contains("rule file is empty") == true)
        #expect(
            RuleFiles.problems("processlint-rules: 2\nrules: []").contains {
                $0.contains("'processlint-rules' must be 1, found 2")
            })
        // Nine levels of nine aliases each: a billion nodes if expanded.
        let bomb =
            "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
            + (1...9).map { level in
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]"
            }.joined(separator: "\n")
        #expect(RuleFiles.problems(bomb).contains { $0.contains("an alias bomb?") })
        #expect(RuleFiles.problems("\u{0}\u{1}binary").first?.contains("NUL byte") == true)
    }
}

/// A rule file says everything that is wrong with it in one pass (issue 16 item 6): a schema error does not hide
/// a semantic one, and rules are run over their own examples as the file is read.
@Suite struct RuleFileOnePassTests {
    static let washRule = RuleFiles.rule("forbid: {operation: wash}")

    @Test func aSchemaErrorDoesNotHideASemanticOneInAnotherRule() {
        let text =
            Self.washRule.replacingOccurrences(of: "severity: warning", with: "severty: warning") + "\n"
            + RuleFiles.rule("forbid: {operation: wash}", id: "Site_Rule").split(separator: "\n").dropFirst(2).joined(
                separator: "\n")
        let problems = RuleFiles.problems(text)
        #expect(problems.contains { $0.hasPrefix("rules.yaml:4:5: error: unknown key 'severty'") }, "\(problems)")
        #expect(
            problems.contains(
                "rules.yaml:9:9: error: rule id 'Site_Rule' must be kebab-case: lower-case letters and digits joined by '-'"
            ),
            "\(problems)")
    }

    @Test func aValueTheSchemaRejectsIsReportedOnce() {
        // The schema says the parameter is unknown; the semantic check of the same key says nothing more.
        let problems = RuleFiles.problems(
            RuleFiles.rule("parameter: {operation: transduction, name: dmso_precent, max: 5}"))
        #expect(
            problems.count == 1 && problems[0].hasPrefix("rules.yaml:8:48: error: unknown parameter 'dmso_precent'"),
            "\(problems)")
    }

    static func culture(_ days: String) -> String {
        """
        |
          processlint: 1
          name: culture
          product: {car_target: CD19, vector: lentiviral}
          indication: B-ALL
          starting_material: {kind: leukapheresis}
          steps:
            - {id: expand, operation: expansion, days: \(days)}
        """
    }

    static func limitRule(triggering: String, nonTriggering: String) -> String {
        RuleFiles.rule(
            """
            parameter: {operation: expansion, name: days, max: 12}
            examples:
              triggering:
                - \(culture(triggering).split(separator: "\n").joined(separator: "\n      "))
              non_triggering:
                - \(culture(nonTriggering).split(separator: "\n").joined(separator: "\n      "))
            """)
    }

    @Test func examplesThatHoldLoad() throws {
        let rules = try RuleFiles.read(Self.limitRule(triggering: "↓14", nonTriggering: "9")).get()
        #expect(rules.map(\.description.triggering.count) == [1])
    }

    @Test func anExampleTheRuleDoesNotHonourIsAProblemAtTheExample() {
        #expect(
            RuleFiles.problems(Self.limitRule(triggering: "↓9", nonTriggering: "14")) == [
                "rules.yaml:11:11: error: this triggering example of rule 'site-rule' does not hold (places are counted from its first line): "
                    + "expected findings at its ↓ markers (line 7, column 46), found no finding",
                "rules.yaml:20:11: error: this non-triggering example of rule 'site-rule' does not hold (places are counted from its first line): "
                    + "expected no finding, found a finding at line 7, column 46 (\"found 14 in 'expand', limit 12\")",
            ])
    }

    @Test func aRuleWithAProblemOfItsOwnIsNotRunOnItsExamples() {
        let text = Self.limitRule(triggering: "↓14", nonTriggering: "14").replacingOccurrences(
            of: "{step}", with: "{stp}")
        let problems = RuleFiles.problems(text)
        #expect(problems.count == 1 && problems[0].contains("unknown placeholder '{stp}'"), "\(problems)")
    }

    @Test func aConfigurationReportsABuiltInIdClashBesideTheRuleFilesOwnProblems() throws {
        let scratch = try ScratchFolder()
        let rules =
            RuleFiles.rule("forbid: {operation: wash}", id: "vcn-limit") + "\n"
            + Self.washRule.replacingOccurrences(of: "severity: warning", with: "severty: warning").split(
                separator: "\n"
            ).dropFirst(2).joined(separator: "\n")
        _ = try scratch.write("rules.yaml", rules)
        let configuration = try scratch.write(
            ".processlint.yml", "custom_rules: [rules.yaml]\nseverity: {site-rule: error}\n")
        let loader = ConfigurationLoader(registry: BuiltinRules.registry, ruleFiles: DeclarativeRuleFiles())
        guard case .failure(let error) = loader.load(file: configuration) else {
            Issue.record("the configuration must be refused")
            return
        }
        let problems = error.diagnostics.map { $0.description.replacingOccurrences(of: scratch.path + "/", with: "") }
        #expect(
            problems.contains(
                "rules.yaml:3:9: error: rule id 'vcn-limit' is taken by a built-in rule; choose another id"),
            "\(problems)")
        #expect(problems.contains { $0.hasPrefix("rules.yaml:10:5: error: unknown key 'severty'") }, "\(problems)")
        // The rule of the broken file is known to the configuration: no 'unknown rule' noise about it.
        #expect(!problems.contains { $0.contains(".processlint.yml") }, "\(problems)")
    }
}
