import Foundation
import ProcessLintCLI
import Synchronization
import TestSupport
import Testing

/// Declarative rules through the command line: configuration, lint, rules, explain and test.
@Suite struct CustomRulesConfigurationTests {
    let fixtures = CommandRunner.repository + "/Tests/Fixtures/custom"

    func findings(_ path: String) -> [String] {
        CommandRunner.run("lint", "--fail-on", "never", fixtures + "/" + path).diagnosticLines
            .filter { $0.contains("[site-") }
    }

    @Test func customRuleIdsTakeSeverityAndDisableLikeBuiltInOnes() {
        #expect(
            findings("configured/process.yaml") == [
                "\(fixtures)/configured/process.yaml:12:73: error: vector copy number limit 10 is above 3 [site-vcn-3]"
            ], "severity raised to error; site-no-hold disabled though the process holds")
        #expect(
            findings("configured/child/process.yaml") == [],
            "a configuration that extends one with custom rules may disable them")
    }

    @Test func anUnknownRuleIdIsRejectedWithTheNearestCustomOne() {
        let output = CommandRunner.run("lint", fixtures + "/unknown")
        #expect(output.status == 2)
        #expect(
            output.err.contains(
                fixtures + "/unknown/.processlint.yml:2:11: error: unknown rule 'site-vcn3'; did you mean 'site-vcn-3'?"
            ))
    }

    @Test func clashingIdsAndUnreadableRuleFilesAreLocated() {
        let output = CommandRunner.run("lint", fixtures + "/clash")
        #expect(output.status == 2)
        let folder = fixtures + "/clash"
        #expect(
            output.err.contains(
                folder + "/rules.yaml:3:9: error: rule id 'vcn-limit' is taken by a built-in rule; choose another id"))
        #expect(
            output.err.contains(
                folder
                    + "/other.yaml:3:9: error: duplicate rule id 'site-a'; it is first defined at \(folder)/rules.yaml:9:9"
            ))
        #expect(output.err.contains(folder + "/.processlint.yml:1:40: error: cannot read rule file 'missing.yaml'"))
    }

    @Test func aBrokenRuleFileStopsTheRunWithItsOwnLocatedErrors() throws {
        let folder = try ScratchFolder()
        try folder.write(".processlint.yml", "custom_rules: [rules.yaml]\n")
        try folder.write("rules.yaml", "processlint-rules: 1\nrules:\n  - id: a-rule\n    sevrity: error\n")
        try folder.write("process.yaml", String(contentsOfFile: fixtures + "/clash/process.yaml", encoding: .utf8))
        let output = CommandRunner.run("lint", folder.path)
        #expect(output.status == 2)
        #expect(
            output.err.contains(
                folder.path
                    + "/rules.yaml:4:5: error: unknown key 'sevrity' in 'rules' entry 'a-rule'; did you mean 'severity'?"
            ))
    }

    /// A misspelt marker would make the rule match nothing and so pass every process: it stops the run (issue 13, item 12).
    @Test func anUnknownMarkerInARuleFileStopsTheRun() throws {
        let folder = try ScratchFolder()
        try folder.write(".processlint.yml", "custom_rules: [rules.yaml]\n")
        try folder.write(
            "rules.yaml",
            """
            processlint-rules: 1
            rules:
              - id: site-cd25-depletion
                severity: warning
                title: CD25 depletion
                message: no CD25 depletion
                rationale: The site's SOP depletes regulatory T cells before activation.
                require: {operation: depletion, markers: [CD2S]}

            """)
        try folder.write("process.yaml", String(contentsOfFile: fixtures + "/clash/process.yaml", encoding: .utf8))
        let output = CommandRunner.run("lint", "--fail-on", "never", folder.path)
        #expect(output.status == 2)
        #expect(
            output.err.contains(folder.path + "/rules.yaml:8:47: error: unknown marker 'CD2S'; did you mean"),
            "\(output.err)")
    }

    @Test func rulesAndExplainShowCustomRulesWithTheirFile() {
        let config = CommandRunner.repository + "/examples/site-policy/.processlint.yml"
        let rules = CommandRunner.run("rules", "--config", config)
        #expect(rules.status == 0)
        #expect(
            rules.outLines.contains {
                $0.hasPrefix("northwind-dmso-limit")
                    && $0.hasSuffix("(custom: \(CommandRunner.repository)/examples/site-policy/rules/northwind.yaml)")
            })
        #expect(rules.outLines.contains { $0.hasPrefix("vcn-limit ") && !$0.contains("custom") })
        let explain = CommandRunner.run("explain", "--config", config, "northwind-dmso-limit")
        #expect(explain.status == 0)
        #expect(explain.out.contains("**DMSO at most 7.5% in the freezing medium** (default severity: warning)"))
        #expect(explain.out.contains("dmso_percent: ↓10"), "the rule's own examples")
        #expect(
            explain.out.contains(
                "Custom rule, defined at \(CommandRunner.repository)/examples/site-policy/rules/northwind.yaml:49:9."))
        #expect(
            CommandRunner.run("explain", "northwind-dmso-limit").status == 2,
            "without its configuration the rule is unknown")
    }

    /// A rule with what a rule file may leave out: no references, no examples.
    func bareRule() throws -> (ScratchFolder, String) {
        let folder = try ScratchFolder()
        try folder.write(
            "rules.yaml",
            """
            processlint-rules: 1
            rules:
              - id: site-no-wash
                severity: warning
                title: No `wash` steps
                message: "{step} washes"
                rationale: The site validated its process without a wash. A wash loses **cells**.
                forbid: {operation: wash}
            """)
        return (folder, try folder.write("site.processlint.yml", "custom_rules: [rules.yaml]\n"))
    }

    @Test func explainPrintsNoHeadingForWhatARuleDoesNotHave() throws {
        let (folder, config) = try bareRule()
        let explain = CommandRunner.run("explain", "--config", config, "site-no-wash")
        #expect(explain.status == 0)
        #expect(
            explain.out == """
                ## site-no-wash

                **No `wash` steps** (default severity: warning)

                The site validated its process without a wash. A wash loses **cells**.

                Custom rule, defined at \(folder.path)/rules.yaml:3:9.

                """)
    }

    @Test func explainOnATerminalPrintsTextNotMarkdown() throws {
        let (folder, config) = try bareRule()
        let out = Mutex("")
        let console = Console(
            out: { text in out.withLock { $0 += text } }, err: { _ in }, isTerminal: true,
            environment: ["NO_COLOR": "1"])
        #expect(ProcessLintCommand.run(["explain", "--config", config, "site-no-wash"], console: console) == 0)
        #expect(
            out.withLock { $0 } == """
                site-no-wash: No wash steps
                default severity: warning

                The site validated its process without a wash. A wash loses cells.

                custom rule, defined at \(folder.path)/rules.yaml:3:9

                """)
        // Asked for, text off a terminal too.
        let text = CommandRunner.run("explain", "--format", "text", "bead-removal-missing")
        #expect(text.out.hasPrefix("bead-removal-missing: Activation beads not removed\ndefault severity: error\n"))
        #expect(!text.out.contains("```") && !text.out.contains("**"))
        #expect(text.out.contains("\n  1.\n     processlint: 1\n"), "examples numbered and indented")
    }
}

@Suite struct SitePolicyExampleTests {
    let pack = CommandRunner.repository + "/examples/site-policy"

    @Test func lintReportsDeclarativeFindingsWhereTheyLandAndSkipsRuleFiles() {
        let output = CommandRunner.run("lint", "--fail-on", "never", pack)
        #expect(output.status == 0)
        let custom = output.diagnosticLines.filter { $0.contains("[northwind-") }.map {
            $0.replacingOccurrences(of: pack + "/", with: "")
        }
        #expect(
            custom == [
                "tests/cd19-draft.yaml:13:31: error: step 'activate' activates T cells, but no CD25 depletion comes before it [northwind-cd25-depletion-before-activation]",
                "tests/cd19-draft.yaml:19:61: warning: step 'freeze' freezes in 10% DMSO, above the site's 7.5% [northwind-dmso-limit]",
                "tests/cd19-draft.yaml:21:7: error: the calibrated chance of a relapse from a CAR-carrying malignant cell is 0.032%, above the site's ceiling of 0.01% [northwind-risk-ceiling]",
                "tests/cd19-draft.yaml:25:22: error: vector copy number limit 5 is above the site's 3 copies per transduced cell [northwind-vcn-limit]",
            ])
        #expect(!output.out.contains("northwind.yaml"), "the rule file is not linted as a process")
        #expect(
            output.out.contains("  fix: add a depletion on CD25 before step 'activate', as SOP NW-PRO-014 requires"))
    }

    @Test func thePackPassesItsOwnTests() {
        let output = CommandRunner.run("test", pack)
        #expect(output.status == 0, "\(output.out)\(output.err)")
        #expect(output.outLines.last == "17 passed, 0 failed")
        #expect(output.out.contains("PASS  \(pack)/tests/cd19-draft.yaml:19  northwind-dmso-limit"))
    }

    @Test func theExternalRuleExamplePassesItsTestsAndAWrongExpectationFails() throws {
        let example = CommandRunner.repository + "/examples/external-rule"
        let output = CommandRunner.run("test", example)
        #expect(output.status == 0, "\(output.out)\(output.err)")
        #expect(
            output.outLines == [
                "PASS  \(example)/open-flask-expansion.yaml:30  site-closed-expansion",
                "PASS  \(example)/tests/closed-bioreactor.yaml:29  site-closed-expansion",
                "2 passed, 0 failed",
            ])
        let copy = try ScratchFolder(copying: example)
        let fixture = try copy.replace(
            "device: Xuri W25", with: "device: T-75 flask", in: "tests/closed-bioreactor.yaml")
        let failing = CommandRunner.run("test", copy.path)
        #expect(failing.status == 1)
        #expect(
            failing.out.contains("FAIL  \(fixture):29  site-closed-expansion\n      expected: no finding on line 29"))
    }

    @Test func aWrongExpectationFailsWithWhatWasExpectedAndFound() throws {
        let copy = try ScratchFolder(copying: pack)
        let fixture = try copy.replace(
            "# ok: northwind-dmso-limit", with: "# expect: northwind-dmso-limit", in: "tests/cd19-release.yaml")
        let output = CommandRunner.run("test", copy.path)
        #expect(output.status == 1)
        #expect(
            output.out.contains(
                """
                FAIL  \(fixture):20  northwind-dmso-limit
                      expected: a finding on line 20
                      found:    no finding of the rule in the file
                """))
        #expect(output.outLines.last == "16 passed, 1 failed")
    }

    @Test func anUnexpectedFindingFails() throws {
        let copy = try ScratchFolder(copying: pack)
        let fixture = try copy.replace("  # expect: northwind-dmso-limit\n", with: "", in: "tests/cd19-draft.yaml")
        let output = CommandRunner.run("test", copy.path)
        #expect(output.status == 0, "a rule no expectation in the file names is not under test there")
        let other = try ScratchFolder(copying: pack)
        try other.replace(
            "  # expect: northwind-dmso-limit\n",
            with: "  # ok: northwind-dmso-limit\n  - {id: wash, operation: wash}\n",
            in: "tests/cd19-draft.yaml")
        let failing = CommandRunner.run("test", other.path)
        #expect(failing.status == 1)
        #expect(
            failing.out.contains(
                "FAIL  \(other.path)/tests/cd19-draft.yaml:20  northwind-dmso-limit\n      expected: no finding without '# expect: northwind-dmso-limit' on the line above"
            ))
    }

    @Test func unreadableInputsExitWithTwo() throws {
        let copy = try ScratchFolder(copying: pack)
        try copy.write("tests/broken.yaml", "processlint: 1\nname: [broken\n")
        let broken = CommandRunner.run("test", copy.path)
        #expect(broken.status == 2)
        #expect(broken.err.contains(copy.path + "/tests/broken.yaml:"))

        let unknown = try ScratchFolder(copying: pack)
        try unknown.replace(
            "processlint: 1", with: "# expect: northwind-dmso-limt\nprocesslint: 1", in: "tests/bcma-line.yaml")
        let misnamed = CommandRunner.run("test", unknown.path)
        #expect(misnamed.status == 2)
        #expect(
            misnamed.err.contains(
                "the expectation names no known rule 'northwind-dmso-limt'; did you mean 'northwind-dmso-limit'?"))

        #expect(
            CommandRunner.run("test", CommandRunner.repository + "/processes").status == 2,
            "no configuration naming rules")
    }
}
