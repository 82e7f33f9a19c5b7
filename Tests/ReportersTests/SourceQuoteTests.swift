import LintKit
import ProcessModel
import Reporters
import Testing

/// How the text format quotes source lines: by the line breaks libyaml counts, and never more than a window
/// of a long line.
@Suite struct SourceQuoteTests {
    func quoted(_ text: String, line: Int = 2, column: Int = 7, endColumn: Int? = nil) -> [Substring] {
        var reporter = TextReporter(color: false, quiet: false, rules: [Sample.rule])
        let report = FileReport(
            file: "p.yaml", diagnostics: [Sample.diagnostic("m", line: line, column: column, endColumn: endColumn)],
            text: text)
        return reporter.report(report).split(separator: "\n").dropFirst().prefix(2).map { $0 }
    }

    @Test(arguments: [
        "a: CD1O\nname: value\n", "a: CD1O\r\nname: value\r\n", "a: CD1O\rname: value\r", "a: CD1O\u{2028}name: value",
    ])
    func everyLineBreakLibyamlCountsEndsAQuotedLine(_ text: String) {
        #expect(quoted(text, endColumn: 12) == ["  name: value", "        ^~~~~"])
    }

    @Test func lineIndexCountsLinesAsLibyamlDoes() {
        let index = LineIndex("a\r\nb\rc\nd\u{85}e")
        #expect((1...5).map { index.line($0) } == ["a", "b", "c", "d", "e"])
        #expect(index.line(0) == nil && index.line(6) == nil)
        #expect(LineIndex("a\n").count == 2)
    }

    @Test func aLongLineIsQuotedAroundTheColumnWithAShortCaret() {
        let long = "name: " + String(repeating: "x", count: 1_000_000) + " end"
        let lines = quoted("a: 1\n" + long + "\n", column: 500_000, endColumn: 900_000)
        let (source, caret) = (lines[0], lines[1])
        #expect(source.count <= TextReporter.quoteWidth + 2)
        #expect(source.hasPrefix("  …x") && source.hasSuffix("x…"))
        #expect(caret.count <= TextReporter.quoteWidth + 2)
        // The caret still stands under the column: the quote starts quoteWidth / 4 characters before it, after the "…".
        #expect(
            caret.firstIndex(of: "^").map { caret.distance(from: caret.startIndex, to: $0) } == 2 + 1 + TextReporter
                .quoteWidth / 4)
    }

    @Test func theEndOfALongLineIsQuotedWithoutACutAfterIt() {
        let long = String(repeating: "y", count: 500) + ": 1"
        let lines = quoted("a: 1\n" + long, column: 499)
        #expect(lines[0].hasPrefix("  …") && lines[0].hasSuffix("y: 1"))
        #expect(lines[0].count == TextReporter.quoteWidth + 2)
        let caretColumn = lines[1].firstIndex(of: "^").map { lines[1].distance(from: lines[1].startIndex, to: $0) }
        #expect(caretColumn.map { lines[0][lines[0].index(lines[0].startIndex, offsetBy: $0)] } == "y")
    }
}
