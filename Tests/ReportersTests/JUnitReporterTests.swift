import Foundation
import LintKit
import ProcessModel
import Reporters
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// JUnit XML: one suite per file, one test per rule, counts that add up, text escaped for XML 1.0.
@Suite struct JUnitReporterTests {
    func output(_ reports: [FileReport]) -> String {
        var reporter = JUnitReporter(root: Sample.root)
        return reports.map { reporter.report($0) }.joined() + reporter.finish(files: reports.count)
    }

    func isWellFormed(_ xml: String) -> Bool { XMLParser(data: Data(xml.utf8)).parse() }

    @Test func aNoteLeavesItsTestPassingAndIsWrittenToSystemOut() {
        let xml = output([
            FileReport(
                file: "/repo/p.yaml", diagnostics: [Sample.diagnostic("for information", severity: .note)], text: nil,
                rules: ["sample-rule"])
        ])
        #expect(xml.contains("<testsuite name=\"p.yaml\" tests=\"3\" failures=\"0\" errors=\"0\" skipped=\"0\">"))
        #expect(
            xml.contains(
                """
                    <testcase name="sample-rule" classname="p" file="p.yaml">
                      <system-out>note: p.yaml:2:7: for information</system-out>
                    </testcase>
                """))
        #expect(!xml.contains("<failure"))
    }

    @Test func everyRuleThatRanIsATestAndEachFindingAFailure() {
        let findings = [
            Sample.diagnostic("first", fix: "fix it"), Sample.diagnostic("second", line: 3, severity: .warning),
        ]
        let xml = output([
            FileReport(file: "/repo/p.yaml", diagnostics: findings, text: nil, rules: ["other-rule", "sample-rule"])
        ])
        #expect(
            xml == """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites name="processlint" tests="4" failures="1" errors="0" skipped="0">
                  <testsuite name="p.yaml" tests="4" failures="1" errors="0" skipped="0">
                    <testcase name="format" classname="p" file="p.yaml"/>
                    <testcase name="other-rule" classname="p" file="p.yaml"/>
                    <testcase name="sample-rule" classname="p" file="p.yaml">
                      <failure type="error" message="first">p.yaml:2:7: first
                fix: fix it</failure>
                      <failure type="warning" message="second">p.yaml:3:7: second</failure>
                    </testcase>
                    <testcase name="suppression" classname="p" file="p.yaml"/>
                  </testsuite>
                </testsuites>

                """)
        #expect(isWellFormed(xml))
    }

    @Test func aFileThatCannotBeReadIsAnErrorUnderFormat() {
        let xml = output([
            FileReport(file: "/elsewhere/q.yml", diagnostics: [Sample.loadError("cannot read 'q.yml'")], text: nil)
        ])
        #expect(
            xml.contains(
                """
                  <testsuite name="/elsewhere/q.yml" tests="1" failures="0" errors="1" skipped="0">
                    <testcase name="format" classname="/elsewhere/q" file="/elsewhere/q.yml">
                      <error type="error" message="cannot read 'q.yml'">/elsewhere/q.yml:1:1: cannot read 'q.yml'</error>
                """))
        #expect(xml.contains("<testsuites name=\"processlint\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">"))
    }

    @Test func aSuppressedFindingPassesWithANote() {
        let xml = output([
            FileReport(
                file: "p.yaml", diagnostics: [Sample.suppressed(Sample.diagnostic("accepted"))], text: nil,
                rules: ["sample-rule"])
        ])
        #expect(
            xml.contains(
                """
                    <testcase name="sample-rule" classname="p" file="p.yaml">
                      <system-out>suppressed: p.yaml:2:7: accepted -- accepted in deviation DV-1</system-out>
                    </testcase>
                """))
        #expect(xml.contains("tests=\"3\" failures=\"0\" errors=\"0\""))
    }

    @Test func totalsAddUpOverFiles() {
        let xml = output([
            FileReport(
                file: "a.yaml", diagnostics: [Sample.diagnostic("x", file: "a.yaml")], text: nil, rules: ["sample-rule"]
            ),
            FileReport(file: "b.yaml", diagnostics: [Sample.loadError("broken", file: "b.yaml")], text: nil),
        ])
        #expect(xml.contains("<testsuites name=\"processlint\" tests=\"4\" failures=\"1\" errors=\"1\" skipped=\"0\">"))
    }

    @Test func markupQuotesLineEndsAndForbiddenControlCharactersAreEscaped() {
        #expect(
            JUnitReporter.escape("a<b & \"c\" 'd'\t\n\r\u{1}\u{B}\u{FFFF}é")
                == "a&lt;b &amp; &quot;c&quot; 'd'&#9;&#10;&#13;\u{FFFD}\u{FFFD}\u{FFFD}é")
        #expect(JUnitReporter.escape("a<b \"c\"\t\n\r\u{0}", inAttribute: false) == "a&lt;b \"c\"\t\n&#13;\u{FFFD}")
        let nasty = "bell \u{7} <tag> & \"quote\" ]]> \u{1B}[31m\r\nend"
        let xml = output([
            FileReport(
                file: "p&<\".yaml", diagnostics: [Sample.diagnostic(nasty, fix: nasty, file: "p&<\".yaml")], text: nil)
        ])
        #expect(isWellFormed(xml), "\(xml)")
    }

    /// Issue 13, item 10: a rule that did not run is an `error` on its test case, never a pass; a configuration that
    /// cannot be read (no file checked) has a suite of its own.
    @Test func aRuleThatDidNotRunIsAnErrorOnItsTestCase() {
        let declared = SourceLocation(
            file: "/repo/.processlint.yml", range: SourceRange(at: SourcePosition(line: 3, column: 5)))
        let failure = RunFailure(
            ruleID: "site-check", message: "external rule 'site-check' (crash) failed: it crashed", location: declared)
        var reporter = JUnitReporter(root: Sample.root)
        let xml =
            reporter.report(
                FileReport(
                    file: "/repo/p.yaml", diagnostics: [], text: nil, rules: ["site-check"], failedRules: [failure]))
            + reporter.finish(
                RunSummary(
                    files: 1,
                    failures: [
                        failure, RunFailure(ruleID: nil, message: "cannot read configuration file", location: declared),
                    ]))
        #expect(
            xml == """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites name="processlint" tests="4" failures="0" errors="2" skipped="0">
                  <testsuite name="p.yaml" tests="3" failures="0" errors="1" skipped="0">
                    <testcase name="format" classname="p" file="p.yaml"/>
                    <testcase name="site-check" classname="p" file="p.yaml">
                      <error type="error" message="external rule 'site-check' (crash) failed: it crashed">.processlint.yml:3:5: external rule 'site-check' (crash) failed: it crashed</error>
                    </testcase>
                    <testcase name="suppression" classname="p" file="p.yaml"/>
                  </testsuite>
                  <testsuite name=".processlint.yml" tests="1" failures="0" errors="1" skipped="0">
                    <testcase name="input" classname=".processlint" file=".processlint.yml">
                      <error type="error" message="cannot read configuration file">.processlint.yml:3:5: cannot read configuration file</error>
                    </testcase>
                  </testsuite>
                </testsuites>

                """)
        #expect(isWellFormed(xml))
    }
}
