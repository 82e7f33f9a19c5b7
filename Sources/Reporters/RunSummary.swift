import LintKit
import ProcessModel

/// What a reporter is told once the files are done: how many, which checks did not run, and what of the
/// baseline matched nothing. A run with a check that did not run exits 2, and every format says so.
public struct RunSummary: Sendable {
    public var files: Int
    /// Checks that did not run: a rule program that failed, a configuration that could not be read.
    public var failures: [RunFailure]
    /// Baseline entries (counting each accepted copy) that matched no finding: `--update-baseline` drops them.
    public var staleBaselineEntries: Int

    public init(files: Int, failures: [RunFailure] = [], staleBaselineEntries: Int = 0) {
        self.files = files
        self.failures = failures
        self.staleBaselineEntries = staleBaselineEntries
    }
}

/// A check that did not run, located where it is declared: a rule program's entry in the configuration, or
/// the place in the configuration that could not be read.
public struct RunFailure: Sendable, Equatable {
    /// The rule that did not run; `nil` when the whole run stopped (a configuration or baseline that cannot be read).
    public let ruleID: String?
    public let message: String
    public let location: SourceLocation

    public init(ruleID: String?, message: String, location: SourceLocation) {
        self.ruleID = ruleID
        self.message = message
        self.location = location
    }

    /// A problem of the configuration or the baseline, which stops the whole run.
    public init(_ problem: LoadDiagnostic) {
        self.init(ruleID: nil, message: problem.message, location: problem.location)
    }

    /// `rule 'x' did not run`, or `processlint-baseline.json cannot be read`: a few words for a summary line.
    var headline: String { ruleID.map { "rule '\($0)' did not run" } ?? "\(location.file) cannot be read" }
}
