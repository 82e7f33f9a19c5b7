import Foundation
import LintKit
import ProcessModel
import Reporters
import Testing

/// Reporters against golden text: re-recording one is a deliberate edit here, and shows in review.
@Suite struct ReporterTests {
    let rule = RuleDescription(
        id: "sample-rule", title: "Sample", defaultSeverity: .warning,
        rationale: "Samples show the format. Nothing else.", references: ["none"],
        triggering: [], nonTriggering: [])

    var report: FileReport {
        let range = SourceRange(start: SourcePosition(line: 2, column: 7), end: SourcePosition(line: 2, column: 12))
        let finding = Finding(
            "a sample finding", at: range,
            related: [RelatedLocation("see here", at: SourceRange(at: SourcePosition(line: 1, column: 1)))],
            fix: "do the sample fix")
        let load = LoadDiagnostic(
            .warning, .unknownMarker, "unknown marker 'CD1O'; did you mean 'CD10'?",
            at: SourceLocation(file: "p.yaml", range: SourceRange(at: SourcePosition(line: 1, column: 3))))
        return FileReport(
            file: "p.yaml",
            diagnostics: [
                Diagnostic(ruleID: "sample-rule", severity: .error, finding: finding, file: "p.yaml"),
                Diagnostic(load),
            ],
            text: "a: CD1O\nname: value\n")
    }

    @Test func textQuotesTheSourceWithACaretThenWhyAndFix() {
        var reporter = TextReporter(color: false, quiet: false, rules: [rule])
        let text = reporter.report(report) + reporter.finish(files: 1)
        #expect(
            text == """
                p.yaml:1:3: warning: unknown marker 'CD1O'; did you mean 'CD10'? [format]
                  a: CD1O
                    ^
                p.yaml:2:7: error: a sample finding [sample-rule]
                  name: value
                        ^~~~~
                  why: Samples show the format.
                  fix: do the sample fix
                  note: p.yaml:1:1: see here
                checked 1 file: 1 error, 1 warning

                """)
    }

    @Test func quietTextPrintsOnlyErrorLines() {
        var reporter = TextReporter(color: false, quiet: true, rules: [rule])
        #expect(
            reporter.report(report) + reporter.finish(files: 1) == "p.yaml:2:7: error: a sample finding [sample-rule]\n"
        )
    }

    @Test func colourWrapsSeverityInEscapes() {
        var reporter = TextReporter(color: true, quiet: true, rules: [rule])
        #expect(reporter.report(report).contains("\u{1B}[31merror:\u{1B}[0m"))
    }

    @Test func jsonIsOneVersionedDocument() throws {
        var reporter = JSONReporter()
        let text =
            reporter.report(report) + reporter.report(FileReport(file: "q.yaml", diagnostics: [], text: nil))
            + reporter.finish(files: 2)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["schemaVersion"] as? Int == 1)
        let files = try #require(document["files"] as? [[String: Any]])
        #expect(files.map { $0["file"] as? String } == ["p.yaml", "q.yaml"])
        let first = try #require((files[0]["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["rule"] as? String == "format" && first["line"] as? Int == 1 && first["column"] as? Int == 3)
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(["files", "errors", "warnings", "notes"].map { summary[$0] as? Int } == [2, 1, 1, 0])
        #expect(
            summary["complete"] as? Bool == true && summary["unreadableFiles"] as? Int == 0,
            "a format warning leaves the file checked")
        #expect((summary["failures"] as? [Any])?.isEmpty == true && summary["staleBaselineEntries"] as? Int == 0)
    }

    @Test func jsonOfNoFilesIsStillADocument() throws {
        var reporter = JSONReporter()
        let document = try JSONSerialization.jsonObject(with: Data(reporter.finish(files: 0).utf8)) as? [String: Any]
        #expect((document?["files"] as? [Any])?.isEmpty == true)
    }
}
