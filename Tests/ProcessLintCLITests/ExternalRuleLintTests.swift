import Foundation
import TestSupport
import Testing

/// External rules through `processlint lint`: findings located and merged into each file's report, each program
/// started once per run, and every way a program can fail failing the run with exit status 2, naming the rule.
@Suite struct ExternalRuleLintTests {
    let repository = CommandRunner.repository

    @Test func theExamplesFindingIsLocatedAtItsValue() {
        let output = CommandRunner.run("lint", "--no-color", repository + "/examples/external-rule")
        #expect(output.status == 1)
        let file = repository + "/examples/external-rule/open-flask-expansion.yaml"
        #expect(
            output.diagnosticLines.contains(
                file
                    + ":30:13: error: expansion in 'T-175 flasks', which is not a qualified closed system [site-closed-expansion]"
            ))
        #expect(
            output.out.contains(
                "    device: T-175 flasks\n              ^~~~~~~~~~~~\n  why: A site's own rule, checked by the program `python3 closed_expansion.py` that .processlint.yml declares at line 4.\n"
            ))
        #expect(output.out.contains("  fix: expand in one of: CliniMACS Prodigy,"))
    }

    @Test func aProgramStartsOnceForEveryFileOfTheRun() throws {
        let scratch = try ScratchFolder()
        let log = scratch.path + "/starts.log"
        try scratch.write(
            ".processlint.yml",
            """
            external_rules:
              - {id: site-count, command: [python3, \(ScratchFolder.externalRule("count-invocations.py")), \(log)]}
            """)
        try scratch.write("strict/.processlint.yml", "extends: ../.processlint.yml\nseverity: {site-count: error}\n")
        for file in ["a.yaml", "b.yaml", "strict/c.yaml"] {
            try scratch.copy("Tests/Fixtures/ok/minimal.yaml", to: file)
        }
        let output = CommandRunner.run("lint", "--fail-on", "never", scratch.path)
        #expect(output.status == 0, "\(output.err)")
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "a.yaml b.yaml c.yaml\n")
        let external = output.diagnosticLines.filter { $0.hasSuffix("[site-count]") }
        #expect(
            external == [
                scratch.path + "/a.yaml:8:5: warning: first step of minimal [site-count]",
                scratch.path + "/b.yaml:8:5: warning: first step of minimal [site-count]",
                scratch.path + "/strict/c.yaml:8:5: error: first step of minimal [site-count]",
            ])
        // Merged into each file's report, in order by position with the built-in findings.
        let lines = output.diagnosticLines.filter { $0.hasPrefix(scratch.path + "/a.yaml:") }
        #expect(lines == lines.sorted { line($0) < line($1) })
    }

    private func line(_ diagnostic: String) -> Int {
        Int(diagnostic.split(separator: ":")[1]) ?? 0
    }

    /// How a program misbehaves (a mode of misbehave.py, or another command) and what the error must say.
    struct Failure: CustomTestStringConvertible, Sendable {
        let command: [String]
        let reason: String
        /// Short only for the program that hangs: a busy machine may take a while to start the others.
        var timeoutSeconds = 30
        var testDescription: String { command.last ?? "" }

        static func mode(_ mode: String, _ reason: String, timeoutSeconds: Int = 30) -> Failure {
            Failure(
                command: ["python3", ScratchFolder.externalRule("misbehave.py"), mode], reason: reason,
                timeoutSeconds: timeoutSeconds)
        }
    }

    static let failures: [Failure] = [
        .mode("crash", "it crashed: killed by signal 11"),
        Failure(command: [ScratchFolder.externalRule("crash.sh")], reason: "it crashed: killed by signal 11"),
        .mode("hang", "it did not finish within 1 s and was killed", timeoutSeconds: 1),
        .mode(
            "exit-nonzero",
            "it exited with status 3\n  stderr: Traceback (most recent call last):\n  stderr: ConnectionError: site database unreachable"
        ),
        .mode("garbage", "its output is not JSON: 'checked 2 processes, all fine'"),
        .mode("nothing", "it printed nothing"),
        .mode("too-large", "it printed more than 16 MiB on standard output and was killed"),
        .mode("wrong-version", "the output is for protocol 2, but this processlint speaks 1"),
        .mode(
            "unknown-rule",
            "diagnostics[0].rule 'some-other-rule' is not the rule this program is declared for, 'site-check'"),
        .mode("bad-severity", "diagnostics[0].severity 'fatal' is not one of: note, warning, error"),
        .mode("unknown-step", "diagnostics[0].location.step 'expansoin' is not a step of"),
        .mode("unknown-field", "diagnostics[0].location.field 'dmso_percentage' is not a value in step 'ep' of"),
        .mode("two-lines", "diagnostics[0].message must be on one line"),
        .mode("unknown-key", "unknown key 'mesage' in diagnostics[0]; did you mean 'message'?"),
        .mode("unknown-file", "diagnostics[0].file 'elsewhere.yaml' is not a file the rule was sent"),
        Failure(command: ["./no-such-program"], reason: "no program at "),
        Failure(command: ["processlint-no-such-tool"], reason: "no program 'processlint-no-such-tool' on PATH"),
    ]

    @Test(arguments: failures)
    func aFailingProgramFailsTheRunNamingTheRule(_ failure: Failure) throws {
        let scratch = try ScratchFolder()
        let command = failure.command.map { "'\($0)'" }.joined(separator: ", ")
        let configuration = try scratch.write(
            ".processlint.yml",
            """
            external_rules:
              - {id: site-check, command: [\(command)], timeout_seconds: \(failure.timeoutSeconds)}
            """)
        try scratch.copy("Tests/Fixtures/ok/minimal.yaml", to: "p.yaml")
        let output = CommandRunner.run("lint", "--fail-on", "never", scratch.path)
        #expect(output.status == 2)
        #expect(output.err.contains(configuration + ":2:5: error: external rule 'site-check' ("), "\(output.err)")
        #expect(output.err.contains(") failed: " + failure.reason), "\(output.err)")
        #expect(
            output.diagnosticLines.contains { $0.hasSuffix("[missing-release-test]") },
            "the other findings are still reported")
    }

    @Test func aDisabledExternalRuleIsNotStarted() throws {
        let scratch = try ScratchFolder()
        try scratch.write(
            ".processlint.yml",
            """
            external_rules:
              - {id: site-check, command: [python3, \(ScratchFolder.externalRule("misbehave.py")), crash]}
            disable: [site-check]
            """)
        try scratch.copy("Tests/Fixtures/ok/minimal.yaml", to: "p.yaml")
        let output = CommandRunner.run("lint", "--fail-on", "never", scratch.path)
        #expect(output.status == 0, "\(output.err)")
        #expect(!output.err.contains("site-check"))
    }

    @Test func suppressionCommentsApplyToExternalFindings() throws {
        let scratch = try ScratchFolder()
        try scratch.write(
            ".processlint.yml",
            """
            external_rules:
              - {id: site-count, command: [python3, \(ScratchFolder.externalRule("count-invocations.py")), starts.log]}
            """)
        let minimal = try String(contentsOfFile: repository + "/Tests/Fixtures/ok/minimal.yaml", encoding: .utf8)
        try scratch.write(
            "p.yaml",
            minimal.replacingOccurrences(
                of: "  - {id: ep",
                with:
                    "  # processlint:disable-next-line site-count -- accepted by the site's QA, deviation DV-3\n  - {id: ep"
            ))
        try scratch.write("q.yaml", "# processlint:disable-file site-cuont -- misspelt\n" + minimal)
        let output = CommandRunner.run("lint", "--format", "json", "--fail-on", "never", scratch.path)
        #expect(output.status == 0, "\(output.err)")
        #expect(output.out.contains("\"suppressed\":\"accepted by the site's QA, deviation DV-3\""), "\(output.out)")
        #expect(output.out.contains("the suppression names no known rule 'site-cuont'; did you mean 'site-count'?"))
        #expect(
            FileManager.default.fileExists(atPath: scratch.path + "/starts.log"),
            "the program ran in the configuration's folder")
    }

    /// Issue 13, item 10: a rule program that failed makes the run exit 2, and every format says so, not only
    /// standard error: SARIF's invocation, JUnit's test case of the rule, a GitHub annotation at the declaration,
    /// the text summary and the JSON summary.
    @Test func aFailedProgramIsVisibleInEveryFormat() throws {
        let scratch = try ScratchFolder()
        let configuration = try scratch.write(
            ".processlint.yml",
            """
            # the site's rules
            external_rules:
              - {id: site-check, command: [python3, \(ScratchFolder.externalRule("misbehave.py")), crash]}
            """)
        try scratch.copy("Tests/Fixtures/ok/minimal.yaml", to: "p.yaml")
        func run(_ format: String) -> CommandRunner.Output {
            let output = CommandRunner.run(
                "lint", "--format", format, "--fail-on", "never", "--source-root", scratch.path, scratch.path)
            #expect(output.status == 2, "--format \(format)")
            return output
        }

        let sarif = run("sarif").out
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let invocation = try #require(
            ((log["runs"] as? [[String: Any]])?.first?["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notification = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        #expect(notification["level"] as? String == "error")
        #expect(
            ((notification["message"] as? [String: Any])?["text"] as? String)?.hasPrefix("external rule 'site-check' (")
                == true)
        #expect((notification["associatedRule"] as? [String: Any])?["id"] as? String == "site-check")
        if JSONSchemaCheck.isRequired {
            let file = try scratch.write("run.sarif", sarif)
            let (status, report) = try JSONSchemaCheck.run([
                "--schemafile", Repository.path("docs/schemas/sarif-schema-2.1.0.json"), file,
            ])
            #expect(status == 0, "\(report)")
        }

        let junit = run("junit").out
        #expect(junit.contains("<testsuites name=\"processlint\" tests=\""), "\(junit)")
        let testcase = try #require(
            junit.range(
                of:
                    #"<testcase name="site-check" classname="p" file="p.yaml">\s*<error type="error" message="external rule 'site-check' \("#,
                options: .regularExpression), "\(junit)")
        #expect(!junit[testcase].isEmpty)
        #expect(!junit.contains("errors=\"0\""), "\(junit)")

        let github = run("github").out
        #expect(
            github.contains(
                "::error file=.processlint.yml,line=3,col=5,title=site-check (did not run)::external rule 'site-check' ("
            ),
            "\(github)")

        let text = CommandRunner.run("lint", "--fail-on", "never", scratch.path)
        #expect(text.status == 2)
        #expect(
            text.err.contains("checked 1 file: ") && text.err.contains("; incomplete: rule 'site-check' did not run\n"),
            "\(text.err)")
        #expect(text.err.contains(configuration + ":3:5: error: external rule 'site-check'"))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(run("json").out.utf8)) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["complete"] as? Bool == false)
        let failure = try #require((summary["failures"] as? [[String: Any]])?.first)
        #expect(
            failure["rule"] as? String == "site-check" && failure["file"] as? String == configuration
                && failure["line"] as? Int == 3)
    }
}
