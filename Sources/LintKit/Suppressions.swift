import Foundation
import ProcessModel

/// Suppression comments in a process file, each with its justification:
///
///     # processlint:disable-next-line RULE-ID[, RULE-ID] -- reason
///     # processlint:disable-file RULE-ID[, RULE-ID] -- reason
///
/// A regulated site must be able to say why a finding is accepted; so a suppression without a reason,
/// one naming no rule or an unknown one, and one that silences nothing are findings themselves (rule
/// `suppression`), and so is a comment that starts with `processlint` but is not one of the two directives.
///
/// Only real YAML comments count, as the loader found them from the parser's scalar ranges: a directive
/// written inside a quoted string or a block scalar is text, and silences nothing.
public enum Suppressions {
    public static let ruleID = "suppression"

    /// The directives, after `processlint:`.
    static let directives = ["disable-next-line", "disable-file"]

    /// A well-formed directive.
    struct Directive {
        let ruleIDs: [String]
        let reason: String?
        let wholeFile: Bool
        let line: Int
        let range: SourceRange
        /// The step whose first line follows the comment: a `disable-next-line` there covers the whole step.
        let step: String?
    }

    /// What a comment is to the suppression machinery.
    enum Reading {
        case directive(Directive)
        /// It starts with `processlint` but is no directive: the head as written, and the directive meant.
        case malformed(written: String, meant: String, range: SourceRange)
    }

    /// Marks the diagnostics that suppression comments silence, and adds findings about the comments themselves.
    ///
    /// A `disable-next-line` covers the findings on the line after it; written just above a step's first line
    /// (`- id: transduce`), it covers every finding in that step, since that is where users put it and a step's
    /// finding often sits on `operation:` or a parameter below. A finding is silenced by the first directive
    /// that covers it. Time is linear in findings plus comments: directives are looked up by line, step and rule.
    /// - Parameter strict: a suppression without a reason is an error rather than a warning (`--strict-suppressions`,
    ///   or `strict_suppressions: true` in the configuration), for sites whose QA requires a reason for each.
    public static func apply(
        to diagnostics: [Diagnostic], comments: [YAMLComment], file: String, knownRules: Set<String>,
        strict: Bool = false
    ) -> [Diagnostic] {
        let readings = comments.compactMap(read)
        guard !readings.isEmpty else { return diagnostics }
        let directives = readings.compactMap { reading -> Directive? in
            if case .directive(let directive) = reading { return directive }
            return nil
        }
        // Where each justified directive applies, by rule: to the whole file, to one line, to one step.
        var byFile: [String: Int] = [:]
        var byLine: [Key<Int>: Int] = [:]
        var byStep: [Key<String>: Int] = [:]
        for (index, directive) in directives.enumerated() where directive.reason != nil {
            for rule in directive.ruleIDs {
                if directive.wholeFile {
                    byFile[rule] = byFile[rule] ?? index
                } else {
                    byLine[Key(rule, directive.line + 1)] = byLine[Key(rule, directive.line + 1)] ?? index
                    if let step = directive.step { byStep[Key(rule, step)] = byStep[Key(rule, step)] ?? index }
                }
            }
        }
        var result = diagnostics
        var used = Set<Int>()
        for index in result.indices where !result[index].isLoadError {
            let diagnostic = result[index]
            let candidates = [
                byFile[diagnostic.ruleID], byLine[Key(diagnostic.ruleID, diagnostic.location.range.start.line)],
                diagnostic.stepID.flatMap { byStep[Key(diagnostic.ruleID, $0)] },
            ]
            if let match = candidates.compactMap({ $0 }).min() {
                result[index].suppression = directives[match].reason
                used.insert(match)
            }
        }
        // Where each rule's unsilenced findings are, worked out once per rule however many directives ask.
        var unsilenced: [String: [Diagnostic]] = [:]
        for diagnostic in result where diagnostic.suppression == nil && !diagnostic.isLoadError {
            unsilenced[diagnostic.ruleID, default: []].append(diagnostic)
        }
        var silenced: Set<String> = []
        for diagnostic in result where diagnostic.suppression != nil { silenced.insert(diagnostic.ruleID) }
        var whereFound: [String: Whereabouts] = [:]
        func whereabouts(of rule: String) -> Whereabouts {
            if let known = whereFound[rule] { return known }
            let found: Whereabouts
            if let findings = unsilenced[rule], !findings.isEmpty {
                found = .at(count: findings.count, places: places(of: findings))
            } else {
                found = silenced.contains(rule) ? .allSilenced : .nowhere
            }
            whereFound[rule] = found
            return found
        }
        for (index, directive) in directives.enumerated() {
            let problem: (String, Severity)?
            if directive.ruleIDs.isEmpty {
                let name = directive.wholeFile ? "disable-file" : "disable-next-line"
                problem = ("the suppression names no rule: write 'processlint:\(name) RULE-ID -- reason'", .warning)
            } else if directive.reason == nil {
                problem =
                    strict
                    ? (
                        "a suppression needs a reason, and this site requires one (strict suppressions): add ' -- why this finding is accepted'",
                        .error
                    )
                    : ("a suppression needs a reason: add ' -- why this finding is accepted'", .warning)
            } else if let unknown = directive.ruleIDs.first(where: { !knownRules.contains($0) }) {
                let hint = Suggestion.nearest(to: unknown, among: knownRules).map { "; did you mean '\($0)'?" } ?? ""
                problem = ("the suppression names no known rule '\(unknown)'\(hint)", .warning)
            } else if !used.contains(index) {
                problem = (unusedMessage(directive, whereabouts: whereabouts), .warning)
            } else {
                problem = nil
            }
            if let (message, severity) = problem {
                result.append(
                    Diagnostic(
                        ruleID: ruleID, severity: severity, finding: Finding(message, at: directive.range), file: file))
            }
        }
        for case .malformed(let written, let meant, let range) in readings {
            let message =
                "'\(written)' is not a suppression directive, so it silences nothing; did you mean '\(meant)'?"
            result.append(
                Diagnostic(ruleID: ruleID, severity: .warning, finding: Finding(message, at: range), file: file))
        }
        return result.sorted()
    }

    /// A rule id with the line or step a directive covers: the key directives are looked up by.
    private struct Key<Place: Hashable>: Hashable {
        let rule: String
        let place: Place

        init(_ rule: String, _ place: Place) {
            self.rule = rule
            self.place = place
        }
    }

    /// Where a rule's findings are in a file, for a suppression that silences nothing.
    enum Whereabouts {
        case at(count: Int, places: String)
        case allSilenced
        case nowhere
    }

    /// The finding for a directive that silences nothing: where its rules' findings are in the file, if anywhere,
    /// so a comment put one line off can be moved rather than deleted.
    static func unusedMessage(_ directive: Directive, whereabouts: (String) -> Whereabouts) -> String {
        let head = "the suppression of \(directive.ruleIDs.joined(separator: ", ")) silences nothing"
        let single = directive.ruleIDs.count == 1
        var anywhere = false
        let clauses = directive.ruleIDs.map { rule -> String in
            switch whereabouts(rule) {
            case .nowhere:
                return "\(single ? "this rule" : "'\(rule)'") has no finding in this file"
            case .allSilenced:
                return
                    "\(single ? "this rule's findings are" : "the findings of '\(rule)' are") all silenced by other suppressions"
            case .at(let count, let places):
                anywhere = true
                let noun = count == 1 ? "finding" : "findings"
                let subject = single ? "this rule's \(noun)" : "the \(noun) of '\(rule)'"
                return "\(subject) \(count == 1 ? "is" : "are") at \(places)"
            }
        }
        let advice =
            anywhere
            ? "put the comment on the line above a finding, or above the '- id:' line of its step"
            : "remove it"
        return head + ": " + clauses.joined(separator: "; ") + "; " + advice
    }

    /// `line 14 (step 'transduce')`, `lines 14 (step 'transduce') and 20`, or the first three lines and how many more.
    static func places(of findings: [Diagnostic]) -> String {
        var seen = Set<Int>()
        var places: [String] = []
        for finding in findings.sorted() {
            let line = finding.location.range.start.line
            guard seen.insert(line).inserted else { continue }
            places.append("\(line)" + (finding.stepID.map { " (step '\($0)')" } ?? ""))
        }
        let shown = places.prefix(3)
        let more = places.count - shown.count
        let list: String
        if more > 0 {
            list = shown.joined(separator: ", ") + " and \(more) more"
        } else if shown.count > 1 {
            list = shown.dropLast().joined(separator: ", ") + " and " + shown.last!
        } else {
            list = shown.first ?? ""
        }
        return (places.count == 1 ? "line " : "lines ") + list
    }

    /// A comment as a directive, a malformed one, or `nil` when it is not about processlint at all.
    static func read(_ comment: YAMLComment) -> Reading? {
        let text = comment.text.drop { $0 == " " || $0 == "\t" }
        let range = SourceRange(at: comment.position)
        for (name, wholeFile) in zip(directives, [false, true]) {
            let head = "processlint:" + name
            guard text.hasPrefix(head) else { continue }
            let rest = text.dropFirst(head.count)
            guard rest.first.map({ $0 == " " || $0 == "\t" }) ?? true else { break }
            let parts = rest.components(separatedBy: "--")
            let ids = parts[0].split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
            let reason = parts.dropFirst().joined(separator: "--").trimmingCharacters(in: .whitespaces)
            return .directive(
                Directive(
                    ruleIDs: ids, reason: reason.isEmpty ? nil : reason, wholeFile: wholeFile,
                    line: comment.position.line, range: range, step: comment.stepBelow))
        }
        return malformed(text, at: range)
    }

    /// A comment that starts with the word `processlint` (in any case) but is no directive: the directive it
    /// most likely meant. Any mention of a file means `disable-file`; anything else the narrower `disable-next-line`,
    /// since `disable-line` and the like are other linters' spellings for one line.
    private static func malformed(_ text: Substring, at range: SourceRange) -> Reading? {
        let word = "processlint"
        guard text.prefix(word.count).lowercased() == word else { return nil }
        let after = text.dropFirst(word.count)
        // `processlinting` or `processlint1` is another word, not a directive.
        if let next = after.first, next.isLetter || next.isNumber { return nil }
        let attempt = after.drop { " \t:=_-".contains($0) }
        let keyword = attempt.prefix { $0 != " " && $0 != "\t" }
        let meant = keyword.lowercased().contains("file") ? "disable-file" : "disable-next-line"
        let written = text[..<keyword.endIndex].trimmingCharacters(in: .whitespaces)
        return .malformed(written: written, meant: "processlint:" + meant, range: range)
    }
}
