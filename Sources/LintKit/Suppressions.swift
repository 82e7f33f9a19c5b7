import Foundation
import ProcessModel

/// Suppression comments in a process file, each with its justification:
///
///     # processlint:disable-next-line RULE-ID[, RULE-ID] -- reason
///     # processlint:disable-file RULE-ID[, RULE-ID] -- reason
///
/// A regulated site must be able to say why a finding is accepted; so a suppression without a reason,
/// one naming an unknown rule, and one that silences nothing are findings themselves (rule `suppression`).
public enum Suppressions {
    public static let ruleID = "suppression"

    struct Comment {
        let ruleIDs: [String]
        let reason: String?
        let wholeFile: Bool
        let line: Int
        let range: SourceRange
    }

    /// Marks the diagnostics that comments in `text` suppress, and adds findings about the comments themselves.
    public static func apply(to diagnostics: [Diagnostic], text: String, file: String, knownRules: Set<String>) -> [Diagnostic] {
        let comments = parse(text)
        guard !comments.isEmpty else { return diagnostics }
        var result = diagnostics
        var used = Set<Int>()
        for index in result.indices where !result[index].isLoadError {
            let diagnostic = result[index]
            let line = diagnostic.location.range.start.line
            if let match = comments.firstIndex(where: { comment in
                comment.reason != nil && comment.ruleIDs.contains(diagnostic.ruleID) && (comment.wholeFile || comment.line + 1 == line)
            }) {
                result[index].suppression = comments[match].reason
                used.insert(match)
            }
        }
        for (index, comment) in comments.enumerated() {
            let problem: String?
            if comment.reason == nil {
                problem = "a suppression needs a reason: add ' -- why this finding is accepted'"
            } else if let unknown = comment.ruleIDs.first(where: { !knownRules.contains($0) }) {
                let hint = Suggestion.nearest(to: unknown, among: knownRules).map { "; did you mean '\($0)'?" } ?? ""
                problem = "the suppression names no known rule '\(unknown)'\(hint)"
            } else if !used.contains(index) {
                problem = "the suppression of \(comment.ruleIDs.joined(separator: ", ")) silences nothing: remove it"
            } else {
                problem = nil
            }
            if let problem {
                result.append(Diagnostic(ruleID: ruleID, severity: .warning, finding: Finding(problem, at: comment.range), file: file))
            }
        }
        return result.sorted()
    }

    static func parse(_ text: String) -> [Comment] {
        guard mentionsSuppression(text) else { return [] }
        var comments: [Comment] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let hash = line.firstIndex(of: "#") else { continue }
            let comment = line[line.index(after: hash)...].trimmingCharacters(in: .whitespaces)
            let wholeFile: Bool
            let rest: Substring
            if comment.hasPrefix("processlint:disable-next-line") {
                wholeFile = false
                rest = comment.dropFirst("processlint:disable-next-line".count)
            } else if comment.hasPrefix("processlint:disable-file") {
                wholeFile = true
                rest = comment.dropFirst("processlint:disable-file".count)
            } else {
                continue
            }
            let parts = rest.components(separatedBy: "--")
            let ids = parts[0].split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
            let reason = parts.count > 1 ? parts.dropFirst().joined(separator: "--").trimmingCharacters(in: .whitespaces) : ""
            let column = line.distance(from: line.startIndex, to: hash) + 1
            comments.append(Comment(ruleIDs: ids, reason: reason.isEmpty ? nil : reason, wholeFile: wholeFile, line: offset + 1,
                                    range: SourceRange(at: SourcePosition(line: offset + 1, column: column))))
        }
        return comments
    }

    /// Whether the text holds a suppression comment at all: a plain byte search, since this runs on every
    /// file and both Foundation's `contains` (through NSString) and the standard library's generic
    /// `firstRange(of:)` cost more than parsing the file.
    private static func mentionsSuppression(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            guard haystack.count >= marker.count else { return false }
            for start in 0...(haystack.count - marker.count) where haystack[start] == marker[0] {
                if haystack[start..<(start + marker.count)].elementsEqual(marker) { return true }
            }
            return false
        }
    }

    private static let marker = Array("processlint:disable".utf8)
}
