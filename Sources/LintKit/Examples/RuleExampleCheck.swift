import ProcessModel

/// What every rule's own examples must show, run through the whole pipeline (as SwiftLint's `verifyLint` does
/// for its rules): for built-in rules in the test suite, for custom rules under `processlint test`.
///
/// - A triggering example reports exactly at its `↓` markers, and a non-triggering one reports nothing, under
///   the options the example states.
/// - The finding at the first marker carries the message and fix the example pins.
/// - A `disable-file` comment for the rule silences every finding of a triggering example, and is not itself
///   reported as silencing nothing; an example as written draws no finding about suppression comments.
public struct RuleExampleCheck: Sendable {
    public let linter: Linter
    /// The configuration the examples run under (the one that declares a custom rule), before each example's
    /// own options are set.
    public let configuration: Configuration
    public let limits: LoadLimits

    public init(linter: Linter, configuration: Configuration = Configuration(), limits: LoadLimits = .standard) {
        self.linter = linter
        self.configuration = configuration
        self.limits = limits
    }

    /// The verdict on one example.
    public struct Result: Sendable {
        public let example: RuleExample
        public let triggers: Bool
        /// What failed, in words; `nil` when the example passed every check.
        public let failure: (expected: String, found: String)?

        public var passed: Bool { failure == nil }
    }

    /// Every example of `rule`, triggering ones first.
    public func check(_ rule: any Rule) -> [Result] {
        let description = rule.description
        return description.triggering.map { check($0, of: description.id, triggers: true) }
            + description.nonTriggering.map { check($0, of: description.id, triggers: false) }
    }

    /// One example of the rule `id`.
    public func check(_ example: RuleExample, of id: String, triggers: Bool) -> Result {
        func failed(_ expected: String, _ found: String) -> Result {
            Result(example: example, triggers: triggers, failure: (expected, found))
        }
        let (text, markers) = example.unmarked
        guard let outcome = lint(text, example: example, ruleID: id) else {
            return failed("a valid process file", problems(of: text, example: example))
        }
        let findings = outcome.diagnostics.filter { $0.ruleID == id && $0.suppression == nil }
        let positions = findings.map(\.location.range.start).sorted()
        let expected = triggers ? markers.sorted() : []
        if triggers && expected.isEmpty {
            return failed(
                "a ↓ before each place a finding must land",
                "no marker" + (positions.isEmpty ? "" : " (its findings are at \(Self.describe(positions)))"))
        }
        guard positions == expected else {
            let found =
                positions.isEmpty
                ? "no finding"
                : positions.count == 1
                    ? "a finding at \(Self.describe(positions)) (\"\(findings[0].message)\")"
                    : "findings at \(Self.describe(positions))"
            return failed(triggers ? "findings at its ↓ markers (\(Self.describe(expected)))" : "no finding", found)
        }
        if let stray = outcome.diagnostics.first(where: { $0.ruleID == Suppressions.ruleID }) {
            return failed("no finding about suppression comments", "\(stray.location.range.start): \(stray.message)")
        }
        if let first = findings.first {
            if let message = example.message, first.message != message {
                return failed("the message \(message.quoted)", first.message.quoted)
            }
            if let fix = example.fix, first.fix != fix {
                return failed("the fix \(fix.quoted)", first.fix?.quoted ?? "no fix")
            }
        }
        guard triggers else { return Result(example: example, triggers: triggers, failure: nil) }
        let silenced = "# processlint:disable-file \(id) -- silencing the rule's own example\n" + text
        guard let suppressed = lint(silenced, example: example, ruleID: id) else {
            return failed(
                "a valid process file with a suppression comment above it", problems(of: silenced, example: example))
        }
        if let loud = suppressed.diagnostics.first(where: {
            ($0.ruleID == id && $0.suppression == nil) || $0.ruleID == Suppressions.ruleID
        }) {
            return failed(
                "'processlint:disable-file \(id)' to silence every finding",
                "\(loud.location.range.start): \(loud.message)")
        }
        return Result(example: example, triggers: triggers, failure: nil)
    }

    private func lint(_ text: String, example: RuleExample, ruleID: String) -> FileOutcome? {
        let loaded = ProcessLoader(limits: limits).load(bytes: Array(text.utf8), file: example.file)
        guard loaded.design != nil else { return nil }
        var configuration = configuration
        if !example.options.isEmpty { configuration.options[ruleID, default: [:]].merge(example.options) { $1 } }
        return linter.lint(loaded, configuration: configuration)
    }

    /// The first few errors of an example that does not load, each at its place.
    private func problems(of text: String, example: RuleExample) -> String {
        let errors = ProcessLoader(limits: limits).load(bytes: Array(text.utf8), file: example.file).diagnostics.filter
        { $0.severity == .error }
        let said = errors.prefix(3).map { "at \(Self.describe([$0.location.range.start])): \($0.message)" }
        return (said.isEmpty ? "it cannot be read" : said.joined(separator: "; "))
            + (errors.count > 3 ? "; and \(errors.count - 3) more" : "")
    }

    /// Places in an example, counted from its own first line, as its markers are.
    private static func describe(_ positions: [SourcePosition]) -> String {
        positions.isEmpty ? "none" : positions.map { "line \($0.line), column \($0.column)" }.joined(separator: " and ")
    }
}

extension String {
    fileprivate var quoted: String { "'\(self)'" }
}
