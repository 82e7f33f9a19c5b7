import Foundation
import LintKit
import ProcessModel
import Reporters
import Testing

/// SARIF's structure, read back as JSON: the whole log is checked against the SARIF schema and a golden file
/// in ProcessLintCLITests.
@Suite struct SARIFReporterTests {
    func log(_ reports: [FileReport], limit: Int = SARIFReporter.resultLimit) throws -> [String: Any] {
        var reporter = SARIFReporter(
            rules: [Sample.rule], version: "9.9.9", informationURI: "https://example.org/processlint",
            root: Sample.root, limit: limit)
        let text = reports.map { reporter.report($0) }.joined() + reporter.finish(files: reports.count)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func run(_ reports: [FileReport], limit: Int = SARIFReporter.resultLimit) throws -> [String: Any] {
        try #require((try log(reports, limit: limit)["runs"] as? [[String: Any]])?.first)
    }

    func results(_ diagnostics: [Diagnostic]) throws -> [[String: Any]] {
        let file = diagnostics.first?.location.file ?? "p.yaml"
        return try #require(
            try run([FileReport(file: file, diagnostics: diagnostics, text: nil)])["results"] as? [[String: Any]])
    }

    @Test func theRuleTableListsTheRulesThenThePseudoRules() throws {
        let run = try run([])
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "processlint" && driver["version"] as? String == "9.9.9")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["sample-rule", "format", "suppression"])
        let sample = rules[0]
        #expect(sample["name"] as? String == "SampleRule")
        #expect((sample["shortDescription"] as? [String: String])?["text"] == "Sample")
        #expect((sample["fullDescription"] as? [String: String])?["text"] == "Samples show the format. Nothing else.")
        #expect(
            (sample["help"] as? [String: String])?["markdown"]
                == "**Sample**\n\nSamples show the format. Nothing else.\n\nReferences:\n\n- none\n")
        #expect((sample["defaultConfiguration"] as? [String: String])?["level"] == "warning")
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        #expect(
            ((run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: String])?["uri"]
                == "file:///repo/")
        #expect((run["results"] as? [Any])?.isEmpty == true)
    }

    @Test func aResultPointsIntoTheRuleTableWithARelativeLocation() throws {
        let diagnostic = Sample.diagnostic(
            "a finding", endColumn: 12, severity: .note, step: "wash", fix: "do this",
            related: [RelatedLocation("see here", at: SourceRange(at: SourcePosition(line: 1, column: 1)))],
            file: "/repo/sub dir/p.yaml")
        let result = try #require(try results([diagnostic]).first)
        #expect(
            result["ruleId"] as? String == "sample-rule" && result["ruleIndex"] as? Int == 0
                && result["level"] as? String == "note")
        #expect((result["message"] as? [String: String])?["text"] == "a finding\nfix: do this")
        let location = try #require(
            (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect(
            location["artifactLocation"] as? [String: String] == ["uri": "sub%20dir/p.yaml", "uriBaseId": "%SRCROOT%"])
        #expect(
            location["region"] as? [String: Int] == ["startLine": 2, "startColumn": 7, "endLine": 2, "endColumn": 12])
        let related = try #require((result["relatedLocations"] as? [[String: Any]])?.first)
        #expect((related["message"] as? [String: String])?["text"] == "see here" && related["id"] as? Int == 1)
        #expect(
            (related["physicalLocation"] as? [String: Any])?["region"] as? [String: Int] == [
                "startLine": 1, "startColumn": 1,
            ])
        #expect((result["properties"] as? [String: String])?["step"] == "wash")
    }

    @Test func pseudoRulesResolveAndFilesOutsideTheRootKeepTheirPath() throws {
        let result = try #require(try results([Sample.loadError("cannot read", file: "/elsewhere/q.yaml")]).first)
        #expect(result["ruleId"] as? String == "format" && result["ruleIndex"] as? Int == 1)
        let location = try #require(
            (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect(location["artifactLocation"] as? [String: String] == ["uri": "file:///elsewhere/q.yaml"])
    }

    @Test func suppressedFindingsStayWithTheirJustification() throws {
        let result = try #require(try results([Sample.suppressed(Sample.diagnostic("accepted"))]).first)
        #expect(
            result["suppressions"] as? [[String: String]] == [
                ["kind": "inSource", "justification": "accepted in deviation DV-1"]
            ])
    }

    @Test func fingerprintsNameTheFileAndRuleAndTellRepeatsApart() throws {
        let same = [
            Sample.diagnostic("lost 10 cells", line: 2, step: "wash"),
            Sample.diagnostic("lost 20 cells", line: 5, step: "wash"),
        ]
        let fingerprints = try results(same).map { ($0["partialFingerprints"] as? [String: String])?["processlint/v1"] }
        #expect(fingerprints == ["p.yaml|sample-rule/wash/lost # cells", "p.yaml|sample-rule/wash/lost # cells|2"])
    }

    @Test func resultsBeyondTheLimitAreLeftOutAndTheLogSaysSo() throws {
        let run = try run(
            [
                FileReport(
                    file: "p.yaml", diagnostics: [Sample.diagnostic("one"), Sample.diagnostic("two", line: 3)],
                    text: nil)
            ],
            limit: 1)
        #expect((run["results"] as? [Any])?.count == 1)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        let notification = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        #expect(
            (notification["message"] as? [String: String])?["text"]
                == "1 results were left out: GitHub code scanning rejects a run with more than 1")
    }
}
