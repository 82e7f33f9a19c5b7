/// The findings of two versions of a set of processes, matched by process, rule, step and message (numbers
/// aside): a moved step, an edit elsewhere or a renamed file does not make a finding new.
public struct FindingComparison: Sendable {
    /// One process present in either version.
    public struct Process: Sendable {
        public let identity: String
        public let base: ProcessFindings?
        public let head: ProcessFindings?
        /// In the head version and not the base: what the change introduced.
        public let new: [Diagnostic]
        /// In the base version and not the head: what the change fixed.
        public let fixed: [Diagnostic]
        /// In both.
        public let unchanged: [Diagnostic]
        /// How its residual-cell risk moved, and the step changes behind it.
        public let risk: RiskChange
    }

    public let processes: [Process]

    public init(base: [ProcessFindings], head: [ProcessFindings]) {
        let baseByIdentity = Dictionary(base.map { ($0.identity, $0) }, uniquingKeysWith: Self.merged)
        let headByIdentity = Dictionary(head.map { ($0.identity, $0) }, uniquingKeysWith: Self.merged)
        processes = Set(baseByIdentity.keys).union(headByIdentity.keys).sorted().map { identity in
            let before = baseByIdentity[identity], after = headByIdentity[identity]
            let (new, fixed, unchanged) = Self.match(before?.diagnostics ?? [], after?.diagnostics ?? [])
            return Process(identity: identity, base: before, head: after, new: new, fixed: fixed, unchanged: unchanged,
                           risk: RiskChange(identity: identity, base: before, head: after))
        }
    }

    public var new: [Diagnostic] { processes.flatMap(\.new) }
    public var fixed: [Diagnostic] { processes.flatMap(\.fixed) }
    public var unchanged: [Diagnostic] { processes.flatMap(\.unchanged) }
    /// How many processes' λ rose.
    public var riskIncreases: Int { processes.filter { ($0.risk.factor ?? 1) > 1 }.count }

    /// Pairs findings with equal fingerprints, as many times as each side has them: two equal findings
    /// before and three after make one new.
    static func match(_ before: [Diagnostic], _ after: [Diagnostic]) -> (new: [Diagnostic], fixed: [Diagnostic], unchanged: [Diagnostic]) {
        var unmatched = Dictionary(grouping: before, by: Fingerprint.init)
        var new: [Diagnostic] = [], unchanged: [Diagnostic] = []
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
        ProcessFindings(identity: first.identity, file: first.file, diagnostics: first.diagnostics + second.diagnostics,
                        risk: first.risk, steps: first.steps)
    }
}
