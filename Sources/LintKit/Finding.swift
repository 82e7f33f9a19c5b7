import ProcessModel
import ResidualModel
import Synchronization

/// What a rule reports: a message at a place in the file, with what to do about it.
/// The runner turns it into a `Diagnostic` by adding the rule's id, severity and the file.
public struct Finding: Sendable {
    public let message: String
    public let range: SourceRange
    /// Other places that explain the finding (the step where a depletion should go).
    public let related: [RelatedLocation]
    /// The suggested fix, in words.
    public var fix: String? { pendingFix?.text ?? fixText }
    let fixText: String?
    /// A fix that costs work to find, worked out when it is first read (see `init(_:at:related:fixWhenShown:...)`).
    let pendingFix: PendingFix?
    /// The risk figures, for findings about residual cells.
    public let risk: Risk?
    /// This finding's severity when it is not the rule's default (a CAR target on the malignant cells makes a risk an
    /// error); a configured severity for the rule outranks it.
    public let severity: Severity?

    public init(
        _ message: String, at range: SourceRange, related: [RelatedLocation] = [], fix: String? = nil,
        risk: Risk? = nil, severity: Severity? = nil
    ) {
        self.message = message
        self.range = range
        self.related = related
        fixText = fix
        pendingFix = nil
        self.risk = risk
        self.severity = severity
    }

    /// The same, with a fix that costs work to find (the risk rule's best remedy costs three more mass balances):
    /// worked out only when something reads it, so a run whose output shows no fix (`lint --quiet`, a suppressed
    /// finding in text output) never pays for it. `fix` gives the same text either way.
    public init(
        _ message: String, at range: SourceRange, related: [RelatedLocation] = [],
        fixWhenShown: @escaping @Sendable () -> String?, risk: Risk? = nil, severity: Severity? = nil
    ) {
        self.message = message
        self.range = range
        self.related = related
        fixText = nil
        pendingFix = PendingFix(fixWhenShown)
        self.risk = risk
        self.severity = severity
    }
}

/// A finding's fix, worked out the first time it is read and kept after that; safe to read from any thread.
final class PendingFix: Sendable {
    private let make: @Sendable () -> String?
    private let made = Mutex<String??>(nil)

    init(_ make: @escaping @Sendable () -> String?) { self.make = make }

    var text: String? {
        made.withLock { made in
            if let made { return made }
            let text = make()
            made = .some(text)
            return text
        }
    }
}

/// A second place a finding points to, with why.
public struct RelatedLocation: Sendable, Hashable {
    public let range: SourceRange
    public let message: String

    public init(_ message: String, at range: SourceRange) {
        self.message = message
        self.range = range
    }
}
