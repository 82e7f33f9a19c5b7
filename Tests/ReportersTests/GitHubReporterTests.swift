import LintKit
import ProcessModel
import Reporters
import Testing

/// Workflow commands as the GitHub Actions runner reads them: one line each, values escaped.
@Suite struct GitHubReporterTests {
    func output(_ diagnostics: [Diagnostic]) -> String {
        var reporter = GitHubReporter(rules: [Sample.rule], root: Sample.root)
        return reporter.report(
            FileReport(file: diagnostics.first?.location.file ?? "p.yaml", diagnostics: diagnostics, text: nil))
            + reporter.finish(files: 1)
    }

    @Test func aFindingIsOneCommandWithItsRangeTitleAndFix() {
        let diagnostic = Sample.diagnostic(
            "a sample finding", endColumn: 12, fix: "do the sample fix",
            related: [RelatedLocation("see here", at: SourceRange(at: SourcePosition(line: 1, column: 1)))],
            file: "/repo/sub/p.yaml")
        #expect(
            output([diagnostic]) == """
                ::error file=sub/p.yaml,line=2,col=7,endLine=2,endColumn=12,title=sample-rule (Sample)::a sample finding\
                %0Afix: do the sample fix%0Anote: sub/p.yaml:1:1: see here

                """)
    }

    @Test func severitiesMapToErrorWarningAndNotice() {
        let lines = output([.error, .warning, .note].map { Sample.diagnostic("x", severity: $0) }).split(
            separator: "\n")
        #expect(lines.map { $0.prefix(while: { $0 != " " }) } == ["::error", "::warning", "::notice"])
    }

    @Test func aPositionWithoutExtentLeavesTheEndOut() {
        #expect(output([Sample.diagnostic("x")]) == "::error file=p.yaml,line=2,col=7,title=sample-rule (Sample)::x\n")
    }

    @Test func suppressedFindingsAreNotAnnotated() {
        #expect(output([Sample.suppressed(Sample.diagnostic("accepted"))]) == "")
    }

    @Test func messagesEscapePercentAndLineEnds() {
        #expect(GitHubReporter.escapeData("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b")
        // Escapes are not escaped twice: a literal "%0A" in a message stays text.
        #expect(GitHubReporter.escapeData("%0A") == "%250A")
    }

    @Test func propertiesAlsoEscapeColonAndComma() {
        #expect(GitHubReporter.escapeProperty("a:b,c%d\ne\rf") == "a%3Ab%2Cc%25d%0Ae%0Df")
        let command = output([Sample.diagnostic("50% of 1,000 cells:\nlost", file: "dir,1/p:2.yaml")])
        #expect(
            command
                == "::error file=dir%2C1/p%3A2.yaml,line=2,col=7,title=sample-rule (Sample)::50%25 of 1,000 cells:%0Alost\n"
        )
    }
}
