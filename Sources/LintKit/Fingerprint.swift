/// What identifies a finding across versions of a process: its rule, the step it points into, and its message
/// with the numbers taken out. Line numbers are not part of it, so moving a step, editing another one or
/// renaming the file leaves it unchanged, while a finding on another step or about another thing is new.
/// The baseline, `processlint diff` and SARIF's `partialFingerprints` all match findings by it.
public struct Fingerprint: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let ruleID: String
    public let stepID: String?
    /// The message with every run of digits (and the decimal points and exponents between them) replaced by
    /// `#`: a risk that moved from 2e-3 to 3e-3 is the same finding, changed, not a new one.
    public let message: String

    public init(ruleID: String, stepID: String?, message: String) {
        self.ruleID = ruleID
        self.stepID = stepID
        self.message = Self.withoutNumbers(message)
    }

    /// A fingerprint read back from a baseline, whose message is already without numbers.
    init(ruleID: String, stepID: String?, normalisedMessage: String) {
        self.ruleID = ruleID
        self.stepID = stepID
        message = normalisedMessage
    }

    public init(_ diagnostic: Diagnostic) {
        self.init(ruleID: diagnostic.ruleID, stepID: diagnostic.stepID, message: diagnostic.message)
    }

    /// `rule/step/message`, stable text for a file or a SARIF fingerprint.
    public var description: String { "\(ruleID)/\(stepID ?? "-")/\(message)" }

    public static func < (lhs: Fingerprint, rhs: Fingerprint) -> Bool { lhs.description < rhs.description }

    /// Plain, exponent (`2e-3`) and scientific (`4.5 × 10⁻¹`) numbers, as `FigureFormat` writes them, and
    /// percentages; digits inside a word (the 19 of CD19, a step called `expand-2`) stay.
    static func withoutNumbers(_ message: String) -> String {
        message.replacing(/\b\d[\d.,]*(?:e[-+]?\d+)?(?: ?× ?10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?/, with: "#")
    }
}
