import BuiltinRules
import Foundation
import ProcessModel
import TestSupport
import Testing

@Suite struct LintCommandTests {
    let repository = CommandRunner.repository

    @Test func referenceProcessesLoadCleanlyAndTheAcademicOneRaisesThe2018Findings() {
        let output = CommandRunner.run("lint", repository + "/processes")
        #expect(output.status == 1)
        #expect(!output.diagnosticLines.contains { $0.hasSuffix("[format]") }, "only rule findings, no load problems")
        let academic = output.diagnosticLines.filter { $0.contains("/ctl019-academic-2018.yaml:") }
        #expect(academic.contains { $0.hasSuffix("[no-tumour-depletion-before-transduction]") })
        #expect(academic.contains { $0.hasSuffix("[residual-tumour-risk]") })
        for enriched in ["/tecartus.yaml:", "/breyanzi.yaml:"] {
            #expect(
                !output.diagnosticLines.contains {
                    $0.contains(enriched) && $0.hasSuffix("[no-tumour-depletion-before-transduction]")
                })
        }
    }

    @Test func failOnSetsTheThresholdOfExitOne() {
        let academic = repository + "/processes/ctl019-academic-2018.yaml"
        #expect(CommandRunner.run("lint", "--fail-on", "never", academic).status == 0)
        #expect(CommandRunner.run("lint", "--fail-on", "error", academic).status == 1)
        let warningOnly = repository + "/Tests/Fixtures/lint/warning-only.yaml"
        #expect(CommandRunner.run("lint", "--fail-on", "error", warningOnly).status == 0)
        #expect(CommandRunner.run("lint", "--fail-on", "warning", warningOnly).status == 1)
        #expect(CommandRunner.run("lint", "--fail-on", "note", warningOnly).status == 1)
    }

    @Test func lintIsTheDefaultSubcommand() {
        #expect(CommandRunner.run(repository + "/Tests/Fixtures/lint/clean").status == 0)
    }

    @Test func invalidFilesExitWithTwoAndPrintCompilerStyleLines() {
        let file = repository + "/Tests/Fixtures/err/unknown-keys.yaml"
        let output = CommandRunner.run("lint", file)
        #expect(output.status == 2)
        #expect(output.diagnosticLines.count == 7)
        #expect(
            output.diagnosticLines.allSatisfy {
                $0.hasPrefix(file + ":") && $0.contains(": error: ") && $0.hasSuffix("[format]")
            })
        #expect(output.out.contains("      dayz: 9\n      ^~~~\n"), "the source line with a caret under the key")
        #expect(
            output.err
                == "checked 1 file: 7 errors, 0 warnings; incomplete: 1 file cannot be read or breaks the format\n")
    }

    @Test func everyBrokenFixtureExitsWithTwoAndWarningsAloneWithZero() throws {
        for file in try FileManager.default.contentsOfDirectory(atPath: repository + "/Tests/Fixtures/err")
        where file.hasSuffix(".yaml") {
            // Rule findings do not count here (--fail-on never): this is about reading the files.
            let status = CommandRunner.run("lint", "--fail-on", "never", repository + "/Tests/Fixtures/err/" + file)
                .status
            #expect(status == (file.hasPrefix("warning-") ? 0 : 2), "\(file)")
        }
    }

    @Test func outputIsSortedByFileThenPosition() {
        let output = CommandRunner.run("lint", repository + "/Tests/Fixtures/err")
        let locations = output.diagnosticLines.map { line -> (String, Int, Int) in
            let parts = line.split(separator: ":", maxSplits: 3)
            return (String(parts[0]), Int(parts[1]) ?? 0, Int(parts[2]) ?? 0)
        }
        #expect(locations.map { "\($0.0)" } == locations.map { "\($0.0)" }.sorted())
        for (a, b) in zip(locations, locations.dropFirst()) where a.0 == b.0 {
            #expect((a.1, a.2) <= (b.1, b.2))
        }
    }

    @Test func quietHidesWarningsAndTheSummary() {
        let output = CommandRunner.run("lint", "--quiet", repository + "/Tests/Fixtures/lint/warning-only.yaml")
        #expect(output.status == 0)
        #expect(output.out == "")
        #expect(output.err == "")
    }

    @Test func aMissingPathOrAnEmptyDirectoryIsNotASilentPass() throws {
        #expect(CommandRunner.run("lint", "/no/such/path").status == 2)
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("processlint-empty-\(UUID())").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let output = CommandRunner.run("lint", empty)
        #expect(output.status == 2)
        #expect(output.out.contains("no process files (*.yaml, *.yml) found here"))
    }

    /// Issue 13, item 6: emptiness is checked after the configuration's filters, not only before.
    @Test(arguments: ["exclude: [\"*.yaml\"]", "include: [\"drafts/*.yaml\"]"])
    func aConfigurationThatLeavesOutEveryFileIsNotASilentPass(_ filter: String) throws {
        let scratch = try ScratchFolder()
        try scratch.write(".processlint.yml", filter + "\n")
        try scratch.copy("Tests/Fixtures/ok/minimal.yaml", to: "p.yaml")
        let output = CommandRunner.run("lint", scratch.path)
        #expect(output.status == 2, "\(output.out)\(output.err)")
        #expect(
            output.out.contains(
                scratch.path + ":1:1: error: nothing to check: the configuration's include, exclude and custom_rules "
                    + "leave out all 1 YAML file found [format]"), "\(output.out)")
        #expect(output.err.hasPrefix("checked 0 files: 1 error"), "\(output.err)")
    }

    @Test func limitsAreOptions() {
        let file = repository + "/Tests/Fixtures/ok/minimal.yaml"
        #expect(CommandRunner.run("lint", "--fail-on", "never", "--max-file-size", "50", file).status == 2)
        #expect(CommandRunner.run("lint", "--fail-on", "never", "--max-depth", "2", file).status == 2)
        #expect(CommandRunner.run("lint", "--fail-on", "never", "--max-depth", "3", file).status == 0)
    }

    @Test func badArgumentsAreAUsageErrorNotACrash() {
        let output = CommandRunner.run("lint", "--max-depth", "0")
        #expect(output.status == 64)
        #expect(output.err.contains("--max-depth must be between 1 and 1000"))
        #expect(CommandRunner.run("lint", "--no-such-flag").status == 64)
    }

    @Test func helpListsTheSubcommands() {
        let output = CommandRunner.run("--help")
        #expect(output.status == 0)
        #expect(output.out.contains("lint") && output.out.contains("schema"))
    }
}

@Suite struct SchemaCommandTests {
    @Test func printsTheGeneratedSchema() {
        let output = CommandRunner.run("schema")
        #expect(output.status == 0)
        #expect(output.out == JSONSchemaGenerator.processSchemaText())
        #expect(output.out.contains("\"$schema\" : \"https://json-schema.org/draft/2020-12/schema\""))
    }

    @Test func printsTheReferenceTablesAsMarkdown() {
        let output = CommandRunner.run("schema", "--format", "markdown")
        #expect(output.status == 0)
        #expect(output.out == FormatReference.markdown())
    }
}

@Suite struct ReadmeTests {
    /// The README's example output is what the tool really prints for the file it names.
    @Test func exampleOutputInTheReadmeIsReal() throws {
        let shown = try #require(try CommandRunner.readmeOutput(after: "processlint lint typical-mistakes.yaml"))
        let directory = CommandRunner.repository + "/Tests/Fixtures/err/"
        let output = CommandRunner.run("lint", directory + "typical-mistakes.yaml")
        #expect(output.out.replacingOccurrences(of: directory, with: "") + output.err == shown)
    }

    @Test func findingsShownInTheReadmeAreReal() throws {
        let output = CommandRunner.run("lint", CommandRunner.repository + "/processes/ctl019-academic-2018.yaml")
        let real = output.out.replacingOccurrences(of: CommandRunner.repository + "/", with: "") + output.err
        let shown = try #require(
            try CommandRunner.readmeOutput(
                after: "processlint lint processes/ctl019-academic-2018.yaml", upTo: "\n$ ", real: real))
        #expect(real == shown)
    }
}

@Suite struct RuleCommandTests {
    @Test func rulesListsEveryRuleWithItsSeverity() {
        let output = CommandRunner.run("rules")
        #expect(output.status == 0)
        #expect(
            output.outLines.contains {
                $0.hasPrefix("no-tumour-depletion-before-transduction") && $0.contains(" error ")
            })
        #expect(output.outLines.count == BuiltinRules.all.count)
    }

    @Test func explainPrintsRationaleReferencesAndExamples() {
        let output = CommandRunner.run("explain", "residual-tumour-risk")
        #expect(output.status == 0)
        #expect(
            output.out.contains("References:") && output.out.contains("Triggers on")
                && output.out.contains("Does not trigger on:"))
    }

    @Test func explainingAnUnknownRuleSuggestsTheNearest() {
        let output = CommandRunner.run("explain", "bead-removal-misin")
        #expect(output.status == 2)
        #expect(output.err.contains("did you mean 'bead-removal-missing'?"))
    }
}

@Suite struct SuppressionTests {
    let file = CommandRunner.repository + "/Tests/Fixtures/lint/suppressed.yaml"

    struct Document: Decodable {
        struct File: Decodable { let diagnostics: [Record] }
        struct Record: Decodable {
            let line: Int
            let rule: String
            let severity: String
            let message: String
            let suppressed: String?
        }
        let files: [File]
    }

    @Test func justifiedSuppressionsSilenceFindingsButKeepThemWithTheirReason() throws {
        let output = CommandRunner.run("lint", "--format", "json", file)
        let records = try JSONDecoder().decode(Document.self, from: Data(output.out.utf8)).files[0].diagnostics
        let transduction = try #require(records.first { $0.rule == "no-tumour-depletion-before-transduction" })
        #expect(transduction.suppressed == "collected in MRD-negative remission (protocol 4.2)")
        #expect(records.filter { $0.rule == "missing-release-test" }.allSatisfy { $0.suppressed != nil })
        // Suppressed errors no longer fail the run.
        #expect(output.status == 0)
    }

    @Test func suppressionsWithoutAReasonUnusedOrUnknownAreFindings() throws {
        let output = CommandRunner.run("lint", "--format", "json", file)
        let records = try JSONDecoder().decode(Document.self, from: Data(output.out.utf8)).files[0].diagnostics
        let problems = records.filter { $0.rule == "suppression" }.map(\.line)
        #expect(problems == [11, 13, 15])
        #expect(
            records.contains { $0.rule == "parameter-out-of-typical-range" && $0.suppressed == nil },
            "no reason, no suppression")
        #expect(records.contains { $0.message.contains("did you mean 'no-tumour-depletion-before-transduction'?") })
    }

    @Test func textOutputHidesSuppressedFindingsAndCountsThem() {
        let output = CommandRunner.run("lint", file)
        #expect(!output.out.contains("[no-tumour-depletion-before-transduction]"))
        #expect(output.err.contains("suppressed, with reasons in --format json"))
    }
}

@Suite struct RuleDocsTests {
    @Test func docsRulesIsCurrent() throws {
        let committed = try String(contentsOfFile: CommandRunner.repository + "/docs/rules.md", encoding: .utf8)
        #expect(
            CommandRunner.run("rules", "--format", "markdown").out == committed,
            "regenerate it: swift run processlint rules --format markdown > docs/rules.md")
    }
}
