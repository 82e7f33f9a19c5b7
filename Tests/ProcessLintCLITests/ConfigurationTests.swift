import Foundation
import Testing

@Suite struct ConfigurationTests {
    let fixtures = CommandRunner.repository + "/Tests/Fixtures/config"

    struct Document: Decodable {
        struct File: Decodable {
            let file: String
            let diagnostics: [Record]
        }
        struct Record: Decodable {
            let rule: String
            let severity: String
        }
        let files: [File]
    }

    func lint(_ arguments: String...) throws -> (status: Int32, document: Document) {
        let output = CommandRunner.run(["lint", "--format", "json", "--fail-on", "never"] + arguments)
        return (output.status, try JSONDecoder().decode(Document.self, from: Data(output.out.utf8)))
    }

    @Test func theNearestConfigurationAppliesWithWhatItExtends() throws {
        let (status, document) = try lint(fixtures + "/site")
        #expect(status == 0)
        let rules = document.files.flatMap(\.diagnostics)
        #expect(!rules.contains { $0.rule == "dose-not-stated" }, "disabled here")
        #expect(!rules.contains { $0.rule == "car-target-on-tumour" }, "disabled in the configuration it extends")
        #expect(rules.contains { $0.rule == "missing-t-cell-selection" && $0.severity == "error" }, "severity raised")
        #expect(!rules.contains { $0.rule == "vcn-limit" }, "limit of 10 allowed by the option maximum: 12")
    }

    /// The second rule pack's options are read from `.processlint.yml` like the first pack's (issue 17).
    @Test func theNewRulesOptionsAreSettable() throws {
        let folder = fixtures + "/new-rule-options"
        let configured = try lint(folder).document.files.flatMap(\.diagnostics).map(\.rule)
        #expect(!configured.contains("transposon-copy-number"), "limit of 8 allowed by maximum: 10")
        #expect(
            !configured.contains("fresh-starting-material-hold"), "80 hours cold allowed by max_hours_refrigerated: 96")
        let defaults = try lint("--config", fixtures + "/base.processlint.yml", folder + "/process.yaml").document.files
            .flatMap(\.diagnostics).map(\.rule)
        #expect(defaults.contains("transposon-copy-number"), "above the default maximum of 5")
        #expect(defaults.contains("fresh-starting-material-hold"), "past the default 72 hours")
    }

    @Test func excludedFilesAreNotRead() throws {
        let (_, document) = try lint(fixtures + "/site")
        #expect(document.files.map { ($0.file as NSString).lastPathComponent } == ["process.yaml"])
    }

    @Test func withoutAConfigurationTheDefaultsApply() throws {
        let (_, document) = try lint("--config", fixtures + "/base.processlint.yml", fixtures + "/site/process.yaml")
        let rules = document.files.flatMap(\.diagnostics)
        #expect(rules.contains { $0.rule == "dose-not-stated" })
        #expect(rules.contains { $0.rule == "vcn-limit" })
        #expect(!rules.contains { $0.rule == "car-target-on-tumour" })
    }

    @Test func aBrokenConfigurationStopsTheRunWithLocatedErrors() {
        let output = CommandRunner.run(["lint", fixtures + "/bad"])
        #expect(output.status == 2)
        let file = fixtures + "/bad/.processlint.yml"
        #expect(
            output.err.contains(file + ":1:11: error: unknown rule 'dose-not-stat'; did you mean 'dose-not-stated'?"))
        #expect(output.err.contains(file + ":2:23: error: unknown severity 'fatal'"))
        #expect(output.err.contains(file + ":4:24: error: 'maximum' must be greater than 0, found -1"))
        #expect(output.err.contains(file + ":4:28: error: unknown key 'max' in 'vcn-limit'; did you mean 'maximum'?"))
        #expect(output.err.contains(file + ":5:1: error: unknown key 'colour' in the configuration"))
    }

    @Test func anExtendsCycleIsReportedNotFollowed() {
        let output = CommandRunner.run(["lint", fixtures + "/cycle"])
        #expect(output.status == 2)
        #expect(output.err.contains("'extends' makes a cycle"))
    }

    @Test func anOversizedConfigurationOrRuleFileIsRefusedInItsOwnTermsBeforeItIsRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("processlint-big-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let huge = "# " + String(repeating: "x", count: 5 * 1024 * 1024) + "\n"
        try huge.write(toFile: folder + "/big.processlint.yml", atomically: true, encoding: .utf8)
        let configuration = CommandRunner.run(
            "lint", "--config", folder + "/big.processlint.yml", fixtures + "/../ok/minimal.yaml")
        #expect(configuration.status == 2)
        #expect(
            configuration.err.contains(
                "big.processlint.yml:1:1: error: configuration file is 5242883 bytes, over the limit of 4194304 bytes"))
        #expect(!configuration.err.contains("--max-file-size") && !configuration.err.contains("process file"))

        try huge.write(toFile: folder + "/big-rules.yaml", atomically: true, encoding: .utf8)
        try "custom_rules: [big-rules.yaml]\n".write(
            toFile: folder + "/.processlint.yml", atomically: true, encoding: .utf8)
        let rules = CommandRunner.run(
            "lint", "--config", folder + "/.processlint.yml", fixtures + "/../ok/minimal.yaml")
        #expect(rules.status == 2)
        #expect(
            rules.err.contains("big-rules.yaml:1:1: error: rule file is 5242883 bytes, over the limit of 4194304 bytes")
        )
    }

    @Test func aConfigurationNamedWithTheYamlExtensionIsReadAndTwoAreAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("processlint-yaml-ext-\(UUID())")
            .path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: fixtures + "/../ok/minimal.yaml", toPath: folder + "/minimal.yaml")
        try "disable: [dose-not-stated]\n".write(
            toFile: folder + "/.processlint.yaml", atomically: true, encoding: .utf8)
        let (_, document) = try lint(folder + "/minimal.yaml")
        let rules = document.files.flatMap { $0.diagnostics.map(\.rule) }
        #expect(!rules.isEmpty && !rules.contains("dose-not-stated"))

        try "disable: []\n".write(toFile: folder + "/.processlint.yml", atomically: true, encoding: .utf8)
        let both = CommandRunner.run("lint", folder + "/minimal.yaml")
        #expect(both.status == 2)
        #expect(both.err.contains("both .processlint.yml and .processlint.yaml are here: keep one"))
    }

    @Test func configurationMistakesAreQuotedAtTheirEntryAndAnExcludeMayBeOnePattern() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("processlint-config-entry-\(UUID())")
            .path
        try FileManager.default.createDirectory(atPath: folder + "/drafts", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: fixtures + "/../ok/minimal.yaml", toPath: folder + "/minimal.yaml")
        try FileManager.default.copyItem(
            atPath: fixtures + "/../err/typical-mistakes.yaml", toPath: folder + "/drafts/broken.yaml")

        try "extends: ../missing/site.processlint.yml\n".write(
            toFile: folder + "/.processlint.yml", atomically: true, encoding: .utf8)
        let extends = CommandRunner.run("lint", folder)
        #expect(extends.status == 2)
        #expect(
            extends.err.contains(
                ".processlint.yml:1:10: error: cannot read the configuration '../missing/site.processlint.yml' that 'extends' names"
            ))
        #expect(
            extends.err.contains("no such file [format]\n  extends: ../missing/site.processlint.yml\n           ^~~~"))

        try "custom_rules: [drafts]\n".write(toFile: folder + "/.processlint.yml", atomically: true, encoding: .utf8)
        let rules = CommandRunner.run("lint", folder)
        #expect(rules.err.contains(".processlint.yml:1:16: error: cannot read rule file 'drafts'"))
        #expect(rules.err.contains("it is a folder"))

        // A single pattern, not a list, leaves the broken draft out.
        try "exclude: drafts/*\n".write(toFile: folder + "/.processlint.yml", atomically: true, encoding: .utf8)
        let excluded = CommandRunner.run("lint", "--fail-on", "never", folder)
        #expect(excluded.status == 0, "\(excluded.err)")
        #expect(!excluded.out.contains("broken.yaml"))
    }

    @Test func aMissingConfigurationFileIsAnError() {
        #expect(
            CommandRunner.run(["lint", "--config", "/no/such/config.yml", fixtures + "/site/process.yaml"]).status == 2)
    }
}

@Suite struct IncludeTests {
    @Test func onlyIncludedFilesAreLinted() throws {
        let output = CommandRunner.run([
            "lint", "--format", "json", "--fail-on", "never",
            CommandRunner.repository + "/Tests/Fixtures/config/included",
        ])
        let document = try JSONDecoder().decode(ConfigurationTests.Document.self, from: Data(output.out.utf8))
        #expect(document.files.map { ($0.file as NSString).lastPathComponent } == ["kept-process.yaml"])
    }
}
