/// What a fixture's comment says must happen on the line below it, in the style of `semgrep --test`:
/// `# expect: RULE-ID` (a finding of the rule lands on that line) or `# ok: RULE-ID` (none does).
public struct Expectation: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case expect
        case ok
    }

    public let kind: Kind
    public let ruleID: String
    /// The line the comment stands on.
    public let commentLine: Int
    /// The line it is about: the next one that is not itself an expectation comment.
    public let line: Int

    /// Every expectation in a fixture's text; a comment may name several rules, separated by commas or spaces.
    public static func parse(_ text: String) -> [Expectation] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var pending: [(Kind, String, Int)] = []
        var expectations: [Expectation] = []
        for (index, line) in lines.enumerated() {
            if let (kind, ids) = comment(line) {
                pending += ids.map { (kind, $0, index + 1) }
                continue
            }
            expectations += pending.map { Expectation(kind: $0.0, ruleID: $0.1, commentLine: $0.2, line: index + 1) }
            pending = []
        }
        return expectations
    }

    private static func comment(_ line: Substring) -> (Kind, [String])? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix("#") else { return nil }
        let body = trimmed.dropFirst().drop { $0 == " " }
        for kind in [Kind.expect, .ok] where body.hasPrefix(kind.rawValue + ":") {
            let ids = body.dropFirst(kind.rawValue.count + 1).split { $0 == "," || $0 == " " || $0 == "\t" }.map(
                String.init)
            return ids.isEmpty ? nil : (kind, ids)
        }
        return nil
    }
}
