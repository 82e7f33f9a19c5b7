import ProcessModel

/// Everything said about a rule: `processlint rules` and `explain`, the docs and the example tests all read it.
public struct RuleDescription: Sendable {
    /// Stable kebab-case id, as written in suppressions and configuration.
    public let id: String
    public let title: String
    public let defaultSeverity: Severity
    /// Why the rule exists, for a process scientist and a QA reviewer.
    public let rationale: String
    /// Labels, guidance and papers the rule rests on.
    public let references: [String]
    /// Settings a site may change in its configuration, with their defaults.
    public let options: [RuleOption]
    /// Process files that must trigger the rule, with `↓` before each place a finding must land.
    public let triggering: [RuleExample]
    /// Process files that must not trigger it.
    public let nonTriggering: [RuleExample]

    /// The rationale's first sentence: the "why" line under a finding. Cut once: a run prints it under every finding.
    public let summary: String

    public init(
        id: String, title: String, defaultSeverity: Severity, rationale: String, references: [String],
        options: [RuleOption] = [], triggering: [RuleExample], nonTriggering: [RuleExample]
    ) {
        self.options = options
        self.id = id
        self.title = title
        self.defaultSeverity = defaultSeverity
        self.rationale = rationale
        summary = rationale.range(of: ". ").map { String(rationale[..<$0.lowerBound]) + "." } ?? rationale
        self.references = references
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// A number a rule reads from the configuration, with its default and the values it may take.
public struct RuleOption: Sendable {
    public let name: String
    public let defaultValue: Double
    public let summary: String
    public let bounds: NumberBounds

    public init(_ name: String, default defaultValue: Double, bounds: NumberBounds, _ summary: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.bounds = bounds
        self.summary = summary
    }
}

/// A process file used as an example of a rule, remembering where in the rule's source it is written,
/// so a failing example points at its own line.
public struct RuleExample: Sendable {
    /// The process text, with `↓` marking where findings must land.
    public let text: String
    /// Options of the rule the example runs under, as a site sets them in `.processlint.yml`: a rule's
    /// behaviour at a configured threshold is exemplified like its default.
    public let options: [String: Double]
    /// The words of the finding at the first marker, when the example pins them: positions alone do not catch
    /// a wrong message or fix.
    public let message: String?
    public let fix: String?
    public let file: String
    public let line: Int

    public static let marker: Character = "↓"

    public init(
        _ text: String, options: [String: Double] = [:], message: String? = nil, fix: String? = nil,
        file: String = #fileID, line: Int = #line
    ) {
        self.text = text
        self.options = options
        self.message = message
        self.fix = fix
        self.file = file
        self.line = line
    }

    /// The text without markers, and the position each marker stood at.
    public var unmarked: (text: String, positions: [SourcePosition]) {
        var positions: [SourcePosition] = []
        var text = ""
        var line = 1
        var column = 1
        for character in self.text {
            if character == Self.marker {
                positions.append(SourcePosition(line: line, column: column))
                continue
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (text, positions)
    }
}
