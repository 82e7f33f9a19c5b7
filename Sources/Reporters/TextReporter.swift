import LintKit
import ProcessModel

/// Compiler-style text: `path:line:col: severity: message [rule-id]`, the source line with a caret under
/// the value, then why the rule exists and how to fix it; a summary line at the end.
public struct TextReporter: Reporter {
    public let color: Bool
    public let quiet: Bool
    public let descriptions: [String: RuleDescription]
    private var counts: [Severity: Int] = [:]
    private var suppressed = 0
    private var unreadable = 0

    public init(color: Bool, quiet: Bool, rules: [RuleDescription]) {
        self.color = color
        self.quiet = quiet
        descriptions = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public mutating func report(_ file: FileReport) -> String {
        var text = ""
        if file.isUnreadable { unreadable += 1 }
        for diagnostic in file.diagnostics {
            guard diagnostic.suppression == nil else {
                suppressed += 1
                continue
            }
            counts[diagnostic.severity, default: 0] += 1
            if quiet && diagnostic.severity != .error { continue }
            let location = diagnostic.location
            text +=
                paint("\(location):", .bold) + " "
                + paint("\(diagnostic.severity.rawValue):", Self.color(of: diagnostic.severity))
                + " " + paint(diagnostic.message, .bold) + " " + paint("[\(diagnostic.ruleID)]", .dim) + "\n"
            if quiet { continue }
            text += quote(location.range, in: file)
            if let why = descriptions[diagnostic.ruleID]?.summary { text += "  " + paint("why:", .cyan) + " \(why)\n" }
            if let fix = diagnostic.fix { text += "  " + paint("fix:", .green) + " \(fix)\n" }
            for related in diagnostic.related {
                text += "  " + paint("note:", .cyan) + " \(location.file):\(related.range.start): \(related.message)\n"
            }
        }
        return text
    }

    public mutating func finish(_ run: RunSummary) -> String {
        guard !quiet else { return "" }
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        let notes = counts[.note, default: 0]
        // What did not run is said on the summary line itself: a reader skimming for "0 errors" must see it.
        let incomplete =
            (unreadable > 0
                ? ["\(plural(unreadable, "file")) cannot be read or \(unreadable == 1 ? "breaks" : "break") the format"]
                : [])
            + run.failures.map(\.headline)
        return "checked \(plural(run.files, "file")): \(plural(counts[.error, default: 0], "error")), "
            + "\(plural(counts[.warning, default: 0], "warning"))" + (notes > 0 ? ", \(plural(notes, "note"))" : "")
            + (suppressed > 0 ? " (\(suppressed) suppressed, with reasons in --format json)" : "")
            + (run.staleBaselineEntries > 0
                ? "; \(run.staleBaselineEntries) baseline \(run.staleBaselineEntries == 1 ? "entry matches" : "entries match") "
                    + "nothing (--update-baseline removes them)"
                : "")
            + (incomplete.isEmpty ? "" : "; incomplete: " + incomplete.joined(separator: ", ")) + "\n"
    }

    /// The source line and a caret under the range (underlined to its end when it stays on the line).
    private func quote(_ range: SourceRange, in file: FileReport) -> String {
        guard let line = file.line(range.start.line) else { return "" }
        let window = Self.window(of: line, around: range.start.column)
        let width = range.end.line == range.start.line ? max(1, range.end.column - range.start.column) : 1
        let underline = min(width, max(1, window.width - window.column + 1))
        let caret =
            String(repeating: " ", count: window.column - 1) + "^" + String(repeating: "~", count: underline - 1)
        // A tab would shift the caret off its column: shown as one space (looked for first, as most lines have none).
        let text = window.text.utf8.contains(9) ? window.text.replacingOccurrences(of: "\t", with: " ") : window.text
        return "  " + text + "\n  " + paint(caret, .green) + "\n"
    }

    /// The widest quote of a line, in characters: a longer line is quoted around the column, so that a
    /// megabyte-long line costs a line of output, not a megabyte per finding.
    public static let quoteWidth = 160

    /// At most `quoteWidth` characters of `line` around `column` (from 1), with "…" where it is cut, and the
    /// column's place in what is shown.
    private static func window(of line: Substring, around column: Int) -> (text: String, column: Int, width: Int) {
        let scalars = line.unicodeScalars
        let count = scalars.count
        guard count > quoteWidth else { return (String(line), max(1, column), count) }
        // Start a quarter of the width before the column, but never so late that the line's end leaves room unused.
        var skipped = max(0, column - 1 - quoteWidth / 4)
        if skipped > 0 { skipped = min(skipped, count - (quoteWidth - 1)) }
        let room = quoteWidth - (skipped > 0 ? 1 : 0)
        let cutAfter = count - skipped > room
        let start = scalars.index(scalars.startIndex, offsetBy: skipped)
        let shown = String(Substring(scalars[start...].prefix(cutAfter ? room - 1 : room)))
        let text = (skipped > 0 ? "…" : "") + shown + (cutAfter ? "…" : "")
        let width = text.unicodeScalars.count
        return (text, min(max(1, column - skipped + (skipped > 0 ? 1 : 0)), width + 1), width)
    }

    private enum Style: String {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case cyan = "36"
    }

    private static func color(of severity: Severity) -> Style {
        switch severity {
        case .error: .red
        case .warning: .yellow
        case .note: .cyan
        }
    }

    private func paint(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
