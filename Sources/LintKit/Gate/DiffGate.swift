/// The gates `processlint diff` can hold a change to, and every way a change fails them, each saying which
/// gate and by how much: a gate that fails without saying why is argued with, not fixed.
public struct DiffGate: Sendable {
    /// A gate, named by the option that requests it; `input` is always held: a version that cannot be read
    /// cannot pass (exit 2).
    public enum Kind: String, Sendable {
        case newFindings = "--fail-on-new"
        case riskIncrease = "--fail-on-risk-increase"
        case input
    }

    /// One reason the change fails.
    public struct Failure: Sendable, Equatable, CustomStringConvertible {
        public let gate: Kind
        /// The process it is about; `nil` for the change as a whole.
        public let process: String?
        /// By how much: `λ rose ×5.2e2 > 10`.
        public let reason: String

        /// `process 'x': λ rose ×5.2e2 > 10, --fail-on-risk-increase`.
        public var description: String {
            (process.map { "process '\($0)': " } ?? "") + reason + (gate == .input ? " (exit 2)" : ", " + gate.rawValue)
        }
    }

    /// `--fail-on-new`: the lowest severity of new finding that fails; `nil` when not requested.
    public var newFindingsAtOrAbove: Severity?
    /// `--fail-on-risk-increase`: the factor λ may rise by; `nil` when not requested.
    public var riskIncreaseLimit: Double?
    /// The quantile of the ratio λ after ÷ λ before (drawn from the same draws of both versions) that the risk gate
    /// reads: the median by default, higher for a cautious site (`--risk-quantile 0.95`).
    public var riskQuantile: Double
    /// λ above which a process with no counterpart in the base (or no estimate there) fails the risk gate: with
    /// nothing to compare it with, it is held to an absolute limit rather than let through.
    public var newProcessLambdaLimit: Double

    /// One CAR-carrying malignant cell expected in the dose: the point from which a single one is more likely than not.
    public static let defaultNewProcessLambdaLimit = 1.0

    public init(
        newFindingsAtOrAbove: Severity? = nil, riskIncreaseLimit: Double? = nil,
        newProcessLambdaLimit: Double = DiffGate.defaultNewProcessLambdaLimit, riskQuantile: Double = 0.5
    ) {
        self.newFindingsAtOrAbove = newFindingsAtOrAbove
        self.riskIncreaseLimit = riskIncreaseLimit
        self.riskQuantile = riskQuantile
        self.newProcessLambdaLimit = newProcessLambdaLimit
    }

    /// Every way the comparison fails the requested gates, in process order; empty when it passes.
    public func failures(of comparison: FindingComparison) -> [Failure] {
        var failures: [Failure] = []
        let unreadable = comparison.processes.filter { $0.head?.diagnostics.contains(where: \.isLoadError) == true }
            .count
        if unreadable > 0 {
            failures.append(
                Failure(
                    gate: .input, process: nil,
                    reason: "\(unreadable) file\(unreadable == 1 ? "" : "s") of the current "
                        + "version cannot be read or \(unreadable == 1 ? "breaks" : "break") the format, so \(unreadable == 1 ? "it was" : "they were") not compared"
                ))
        }
        if let threshold = newFindingsAtOrAbove {
            let count = comparison.new.filter { $0.severity >= threshold }.count
            if count > 0 {
                failures.append(
                    Failure(
                        gate: .newFindings, process: nil,
                        reason: "\(count) new finding\(count == 1 ? "" : "s") at or above \(threshold.rawValue)"))
            }
        }
        if let limit = riskIncreaseLimit {
            failures += comparison.processes.compactMap { process in
                riskFailure(process, limit: limit).map {
                    Failure(gate: .riskIncrease, process: process.identity, reason: $0)
                }
            }
        }
        return failures
    }

    /// Why one process fails the risk gate, or `nil`. A process that is gone passes; one whose estimate was lost
    /// fails, since a check that cannot run is not a pass; one with nothing to compare with meets the absolute limit.
    private func riskFailure(_ process: FindingComparison.Process, limit: Double) -> String? {
        guard let head = process.head else { return nil }
        let risk = process.risk
        switch (risk.before, risk.after) {
        case (let before?, nil):
            return "λ can no longer be estimated (it was \(FigureFormat.count(before.lambda.median))): "
                + (head.noEstimateReason ?? "no estimate")
        case (_?, _?):
            // The ratio from shared draws where there is one: shared uncertainty cancels out of it. Else the medians'.
            // A factor that is not a number (an estimate that overflowed) fails: `NaN > limit` would let it pass.
            guard let factor = risk.ratio.map({ $0.quantile(riskQuantile) }) ?? risk.factor, !(factor <= limit)
            else { return nil }
            if factor.isNaN {
                return "λ is not a number now, so its rise cannot be bounded by \(FigureFormat.plain(limit))"
            }
            let quantile =
                risk.ratio == nil || riskQuantile == 0.5
                ? "" : " at the ratio's \(FigureFormat.plain(riskQuantile)) quantile"
            return "λ rose " + (factor.isFinite ? "×\(FigureFormat.count(factor))" : "from 0") + quantile
                + " > \(FigureFormat.plain(limit))"
        case (nil, let after?):
            let lambda = after.lambda.median
            guard !(lambda <= newProcessLambdaLimit) else { return nil }
            return "\(process.base == nil ? "a new process" : "no estimate before"): λ \(FigureFormat.count(lambda)) "
                + "> \(FigureFormat.plain(newProcessLambdaLimit)) (--new-process-lambda-limit)"
        case (nil, nil):
            // A process that had no estimate and still has none has lost nothing; a new one cannot be judged.
            guard process.base == nil else { return nil }
            return "a new process whose λ cannot be estimated: " + (head.noEstimateReason ?? "no estimate")
        }
    }
}
