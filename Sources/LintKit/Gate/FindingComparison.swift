import ResidualModel

/// The findings of two versions of a set of processes, matched by process, rule, step and message (numbers
/// aside): a moved step, an edit elsewhere or a renamed file does not make a finding new.
public struct FindingComparison: Sendable {
    /// One process present in either version.
    public struct Process: Sendable {
        /// Its name now (or before, when it is gone).
        public let identity: String
        /// Its name in the base version, when it was paired under another name (by its file or a rename).
        public let baseIdentity: String?
        public let base: ProcessFindings?
        public let head: ProcessFindings?
        /// In the head version and not the base: what the change introduced.
        public let new: [Diagnostic]
        /// In the base version and not the head: what the change fixed.
        public let fixed: [Diagnostic]
        /// In the base version, about the risk, and gone only because the head version has no estimate to check:
        /// not fixed, just no longer checked.
        public let unverified: [Diagnostic]
        /// In both.
        public let unchanged: [Diagnostic]
        /// How its residual-cell risk moved, and the step changes behind it.
        public let risk: RiskChange
    }

    public let processes: [Process]

    /// Processes are paired by name, then those left by `pairing` (their file's place, a rename git reports).
    /// With an `estimator`, each pair's λ ratio is drawn from the same draws of both versions.
    public init(
        base: [ProcessFindings], head: [ProcessFindings], pairing: ProcessPairing = .byPath,
        estimator: ResidualEstimator? = nil
    ) {
        let baseByIdentity = Dictionary(base.map { ($0.identity, $0) }, uniquingKeysWith: Self.merged)
        let headByIdentity = Dictionary(head.map { ($0.identity, $0) }, uniquingKeysWith: Self.merged)
        let named = Set(baseByIdentity.keys).intersection(headByIdentity.keys)
        var pairs = named.map { (base: baseByIdentity[$0]!, head: headByIdentity[$0]!) }
        pairs += pairing.pairs(
            baseByIdentity.values.filter { !named.contains($0.identity) },
            headByIdentity.values.filter { !named.contains($0.identity) })
        let pairedBase = Set(pairs.map(\.base.identity))
        let pairedHead = Set(pairs.map(\.head.identity))
        let all: [(base: ProcessFindings?, head: ProcessFindings?)] =
            pairs.map { ($0.base, $0.head) }
            + baseByIdentity.values.filter { !pairedBase.contains($0.identity) }.map { ($0, nil) }
            + headByIdentity.values.filter { !pairedHead.contains($0.identity) }.map { (nil, $0) }
        processes = all.map { Self.compare($0.base, $0.head, estimator) }.sorted {
            ($0.identity, $0.baseIdentity ?? "") < ($1.identity, $1.baseIdentity ?? "")
        }
    }

    private static func compare(_ before: ProcessFindings?, _ after: ProcessFindings?, _ estimator: ResidualEstimator?)
        -> Process
    {
        let identity = (after ?? before)!.identity
        let baseIdentity = before.flatMap { $0.identity == identity ? nil : $0.identity }
        let risk = RiskChange(identity: identity, base: before, head: after, estimator: estimator)
        let (new, gone, unchanged) = match(before?.diagnostics ?? [], after?.diagnostics ?? [])
        // A risk finding disappears with the estimate it came from: that is no fix, the check could not run.
        let estimateLost = after != nil && risk.before != nil && risk.after == nil
        let unverified = estimateLost ? gone.filter { $0.risk != nil } : []
        return Process(
            identity: identity, baseIdentity: baseIdentity, base: before, head: after, new: new,
            fixed: estimateLost ? gone.filter { $0.risk == nil } : gone, unverified: unverified,
            unchanged: unchanged, risk: risk)
    }

    public var new: [Diagnostic] { processes.flatMap(\.new) }
    public var fixed: [Diagnostic] { processes.flatMap(\.fixed) }
    public var unverified: [Diagnostic] { processes.flatMap(\.unverified) }
    public var unchanged: [Diagnostic] { processes.flatMap(\.unchanged) }
    /// How many processes' λ rose.
    public var riskIncreases: Int { processes.filter { ($0.risk.factor ?? 1) > 1 }.count }

    /// Pairs findings with equal fingerprints, as many times as each side has them: two equal findings
    /// before and three after make one new.
    static func match(_ before: [Diagnostic], _ after: [Diagnostic]) -> (
        new: [Diagnostic], fixed: [Diagnostic], unchanged: [Diagnostic]
    ) {
        var unmatched = Dictionary(grouping: before, by: Fingerprint.init)
        var new: [Diagnostic] = []
        var unchanged: [Diagnostic] = []
        for diagnostic in after {
            let key = Fingerprint(diagnostic)
            if var remaining = unmatched[key], !remaining.isEmpty {
                remaining.removeFirst()
                unmatched[key] = remaining
                unchanged.append(diagnostic)
            } else {
                new.append(diagnostic)
            }
        }
        return (new.sorted(), unmatched.values.flatMap { $0 }.sorted(), unchanged.sorted())
    }

    /// Two files that declare the same process name: their findings are pooled.
    private static func merged(_ first: ProcessFindings, _ second: ProcessFindings) -> ProcessFindings {
        ProcessFindings(
            identity: first.identity, file: first.file, diagnostics: first.diagnostics + second.diagnostics,
            risk: first.risk, noEstimateReason: first.noEstimateReason, steps: first.steps, design: first.design)
    }
}
