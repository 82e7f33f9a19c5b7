import Foundation
import LintKit
import ProcessModel
import TestSupport
import Testing

@testable import CustomRules

/// Each program runs once per run, over every process whose configuration enables it.
@Suite struct ExternalRuleSessionTests {
    /// A base configuration declares the rule; three folders extend it: one as is, one raising its severity,
    /// one disabling it.
    func scratch(log: String) throws -> ScratchFolder {
        let scratch = try ScratchFolder()
        try scratch.write(
            "base.processlint.yml",
            """
            external_rules:
              - id: site-count
                command: [python3, \(ScratchFolder.externalRule("count-invocations.py")), \(log)]
            """)
        try scratch.write("plain/.processlint.yml", "extends: ../base.processlint.yml\n")
        try scratch.write(
            "strict/.processlint.yml", "extends: ../base.processlint.yml\nseverity: {site-count: error}\n")
        try scratch.write("off/.processlint.yml", "extends: ../base.processlint.yml\ndisable: [site-count]\n")
        for file in ["plain/one.yaml", "plain/two.yaml", "strict/three.yaml", "off/four.yaml"] {
            try scratch.copy("Tests/Fixtures/ok/minimal.yaml", to: file)
        }
        return scratch
    }

    @Test func aProgramRunsOnceForEveryFileItGoverns() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent(
            "processlint-count-\(UUID().uuidString)"
        ).path
        defer { try? FileManager.default.removeItem(atPath: log) }
        let scratch = try scratch(log: log)
        let files = ["plain/one.yaml", "plain/two.yaml", "strict/three.yaml", "off/four.yaml"]
        let inputs = try files.map { file in
            (
                design: try scratch.design(file),
                configuration: try scratch.configuration(
                    (file as NSString).deletingLastPathComponent + "/.processlint.yml")
            )
        }
        let session = ExternalRuleSession(configurations: inputs.map(\.configuration))
        #expect(session.rules.map(\.id) == ["site-count"], "one declaration, inherited three times, is one program")
        let results = session.run(inputs)
        #expect(results.failures.isEmpty, "\(results.failures)")
        #expect(
            try String(contentsOfFile: log, encoding: .utf8) == "one.yaml two.yaml three.yaml\n",
            "started once, without the disabled folder's file")
        let severities = results.diagnostics.mapValues { $0.map(\.severity) }
        #expect(severities[scratch.path + "/plain/one.yaml"] == [.warning])
        #expect(
            severities[scratch.path + "/strict/three.yaml"] == [.error],
            "the configuration's severity outranks the rule's")
        #expect(severities[scratch.path + "/off/four.yaml"] == nil)
        let finding = try #require(results.diagnostics[scratch.path + "/plain/two.yaml"]?.first)
        #expect(finding.ruleID == "site-count")
        #expect(finding.stepID == "ep")
        #expect(finding.location.range.start == SourcePosition(line: 8, column: 5))
    }

    /// A request far larger than a pipe holds, to a program that never reads it: the tool must not wait on it.
    @Test func aProgramThatIgnoresALargeRequestDoesNotBlockTheRun() throws {
        let scratch = try ScratchFolder()
        try scratch.write(
            ".processlint.yml",
            "external_rules: [{id: site-quiet, command: [\(ScratchFolder.externalRule("ignore-input.sh"))]}]\n")
        try scratch.copy("processes/kymriah.yaml", to: "p.yaml")
        let configuration = try scratch.configuration(".processlint.yml")
        let design = try scratch.design("p.yaml")
        let request = ExternalRuleRequest(
            rule: configuration.externalRules[0],
            processes: [GovernedProcess(design: design, risk: nil, severities: [:])]
        ).data()
        let copies = 1 + 4 * 65_536 / request.count
        let results = ExternalRuleSession(configurations: [configuration]).run(
            Array(repeating: (design, configuration), count: copies))
        #expect(results.failures.isEmpty, "\(results.failures)")
        #expect(results.diagnostics.isEmpty)
    }

    @Test func noConfigurationNoProgram() {
        #expect(ExternalRuleSession(configurations: [Configuration(), Configuration()]).isEmpty)
    }
}
