import LintKit
import ProcessModel

/// GitHub Actions workflow commands, one per finding, which the runner turns into annotations on the pull
/// request's files: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
///
/// Notes become `notice` annotations. Suppressed findings are not annotated: they stay in SARIF and JSON output.
public struct GitHubReporter: Reporter {
    private let titles: [String: String]
    private let root: SourceRoot

    /// `rules` give each annotation's title; `root` is the repository's root, which annotation paths are relative to.
    public init(rules: [RuleDescription], root: SourceRoot) {
        titles = Dictionary(
            (rules + PseudoRules.all).map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        self.root = root
    }

    public mutating func report(_ file: FileReport) -> String {
        file.diagnostics.filter { $0.suppression == nil }.map(command).joined()
    }

    /// A check that did not run is an `::error` at its declaration (the rule's entry in the configuration), so the
    /// pull request shows it; a file that cannot be read already has its own.
    public mutating func finish(_ run: RunSummary) -> String {
        run.failures.map { failure in
            let range = failure.location.range
            let title = failure.ruleID.map { "\($0) (did not run)" } ?? "input (cannot be read)"
            let properties = [
                ("file", root.display(failure.location.file)), ("line", "\(range.start.line)"),
                ("col", "\(range.start.column)"), ("title", title),
            ]
            return "::error " + properties.map { "\($0)=\(Self.escapeProperty($1))" }.joined(separator: ",")
                + "::\(Self.escapeData(failure.message))\n"
        }.joined()
    }

    private func command(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        let range = location.range
        var properties = [
            ("file", root.display(location.file)), ("line", "\(range.start.line)"), ("col", "\(range.start.column)"),
        ]
        // An empty range marks only where something starts; the runner then marks the whole line.
        if range.start != range.end {
            properties += [("endLine", "\(range.end.line)"), ("endColumn", "\(range.end.column)")]
        }
        let title = titles[diagnostic.ruleID].map { "\(diagnostic.ruleID) (\($0))" } ?? diagnostic.ruleID
        properties.append(("title", title))
        var message = diagnostic.message
        if let fix = diagnostic.fix { message += "\nfix: \(fix)" }
        for related in diagnostic.related {
            message += "\nnote: \(root.display(location.file)):\(related.range.start): \(related.message)"
        }
        return "::\(Self.command(for: diagnostic.severity)) "
            + properties.map { "\($0)=\(Self.escapeProperty($1))" }.joined(separator: ",")
            + "::\(Self.escapeData(message))\n"
    }

    private static func command(for severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    /// A command's message, escaped as the Actions runner unescapes it.
    public static func escapeData(_ text: String) -> String { escape(text, ["%": "%25", "\r": "%0D", "\n": "%0A"]) }

    /// A command's property value: as a message, and `:` and `,`, which would end the value, escaped too.
    public static func escapeProperty(_ text: String) -> String {
        escape(text, ["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }

    /// Scalar by scalar, so a `\r\n` pair (one Swift character) has both halves escaped, and no escape is escaped twice.
    private static func escape(_ text: String, _ escapes: [Unicode.Scalar: String]) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            if let replacement = escapes[scalar] {
                escaped += replacement
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
