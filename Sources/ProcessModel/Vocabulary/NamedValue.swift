/// A closed vocabulary written in process files as strings: operation kinds, vector kinds, release tests.
public protocol NamedValue: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {
    /// What the value means, in one sentence, for `docs/format.md` and editor completion.
    var summary: String { get }
    /// Other words people write for the value (`ficoll` for `density-gradient`), lower-case: a "did you mean"
    /// follows meaning before spelling, so `selection` suggests `positive-selection`, never its opposite.
    var synonyms: [String] { get }
}

extension NamedValue {
    public var synonyms: [String] { [] }

    /// The values as schema choices, in declaration order.
    public static var choices: [Choice] { allCases.map { Choice($0.rawValue, $0.summary, synonyms: $0.synonyms) } }
}
