import BuiltinRules
import Foundation
import LintKit
import ProcessModel
import TestSupport
import Testing

/// `external_rules` in `.processlint.yml`: declared, inherited, named by `disable` and `severity`, checked.
@Suite struct ExternalRuleConfigurationTests {
    func problems(_ scratch: ScratchFolder, _ file: String) -> [String] {
        switch ConfigurationLoader(registry: BuiltinRules.registry).load(file: scratch.path + "/" + file) {
        case .success: []
        case .failure(let error): error.diagnostics.map { "\($0.location.range.start): \($0.message)" }
        }
    }

    @Test func aDeclarationIsReadWithItsDefaultsAndItsProgramPathResolved() throws {
        let scratch = try ScratchFolder()
        try scratch.write(
            "site/.processlint.yml",
            """
            external_rules:
              - {id: site-a, command: [rules/check.py, --strict, data/x.csv]}
              - {id: site-b, command: [python3, b.py], title: B, severity: error, timeout_seconds: 2.5}
            """)
        let rules = try scratch.configuration("site/.processlint.yml").externalRules
        let folder = URL(fileURLWithPath: scratch.path + "/site").standardizedFileURL.path
        #expect(rules.map(\.id) == ["site-a", "site-b"])
        #expect(
            rules[0].command == [folder + "/rules/check.py", "--strict", "data/x.csv"],
            "arguments are passed as written")
        #expect(rules[0].severity == .warning && rules[0].timeoutSeconds == 30 && rules[0].title == nil)
        #expect(rules[1].command == ["python3", "b.py"], "a bare name is looked up on PATH")
        #expect(rules[1].severity == .error && rules[1].timeoutSeconds == 2.5 && rules[1].title == "B")
        #expect(rules.allSatisfy { $0.folder == folder })
        #expect(rules[1].declaredAt.description == folder + "/.processlint.yml:3:5")
    }

    @Test func disableAndSeverityNameExternalRulesHereAndInheritedOnes() throws {
        let scratch = try ScratchFolder()
        try scratch.write("base.yml", "external_rules: [{id: site-base, command: [a]}]\n")
        try scratch.write(
            "child/.processlint.yml",
            """
            extends: ../base.yml
            external_rules: [{id: site-own, command: [b]}]
            disable: [site-base]
            severity: {site-own: error}
            """)
        let configuration = try scratch.configuration("child/.processlint.yml")
        #expect(configuration.externalRules.map(\.id) == ["site-base", "site-own"])
        #expect(configuration.enabledExternalRules.map(\.id) == ["site-own"])
        #expect(configuration.severity["site-own"] == .error)
    }

    @Test func aRedeclaredRuleReplacesTheInheritedOne() throws {
        let scratch = try ScratchFolder()
        try scratch.write("base.yml", "external_rules: [{id: site-x, command: [old]}]\n")
        try scratch.write("child.yml", "extends: base.yml\nexternal_rules: [{id: site-x, command: [new]}]\n")
        #expect(try scratch.configuration("child.yml").externalRules.map(\.command) == [["new"]])
    }

    @Test func mistakesAreLocated() throws {
        let scratch = try ScratchFolder()
        try scratch.write("builtin.yml", "external_rules:\n  - {id: dose-not-stated, command: [x]}\n")
        #expect(
            problems(scratch, "builtin.yml") == [
                "2:10: external rule id 'dose-not-stated' is the id of a built-in rule: choose another"
            ])
        try scratch.write(
            "shape.yml",
            """
            external_rules:
              - {id: site-x, command: [], timeout_seconds: 0}
              - {id: site-x, comand: [y]}
            disable: [site-y]
            """)
        let found = problems(scratch, "shape.yml")
        #expect(found.contains { $0.hasPrefix("2:27:") && $0.contains("'command'") }, "\(found)")
        #expect(
            found.contains { $0.hasPrefix("2:48:") && $0.contains("'timeout_seconds' must be greater than 0") },
            "\(found)")
        #expect(
            found.contains {
                $0.hasPrefix("3:18:") && $0.contains("unknown key 'comand'") && $0.contains("did you mean 'command'?")
            }, "\(found)")
        #expect(
            found.contains { $0.hasPrefix("4:11:") && $0.contains("unknown rule 'site-y'; did you mean 'site-x'?") },
            "\(found)")
        try scratch.write(
            "twice.yml", "external_rules:\n  - {id: site-x, command: [a]}\n  - {id: site-x, command: [b]}\n")
        #expect(
            problems(scratch, "twice.yml") == [
                "3:10: external rule id 'site-x' is declared twice; it is first declared at line 2"
            ])
    }
}
