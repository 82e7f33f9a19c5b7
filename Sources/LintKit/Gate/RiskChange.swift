import ProcessModel
import ResidualModel

/// How one process's residual-cell risk moved between two versions, and the step changes behind it.
public struct RiskChange: Sendable {
    public let identity: String
    /// `nil` when that version has no estimate: the process is new or gone, or states no malignant fraction.
    public let before: Risk?
    public let after: Risk?
    /// What changed in the steps, matched by step id.
    public let stepChanges: [StepChange]
    /// λ after over λ before as one distribution, drawn from the same draws of both versions so that what they
    /// share cancels; `nil` without an estimator, or when either version has no estimate.
    public let ratio: RiskRatio?

    /// One difference between the two versions' steps.
    public enum StepChange: Sendable, Equatable, CustomStringConvertible {
        case removed(id: String, kind: OperationKind)
        case added(id: String, kind: OperationKind)
        /// Kept, but no longer in the same order relative to the other kept steps.
        case moved(id: String)
        case changedOperation(id: String, from: OperationKind, to: OperationKind)

        public var description: String {
            switch self {
            case .removed(let id, let kind): "step '\(id)' (\(kind.rawValue)) was removed"
            case .added(let id, let kind): "step '\(id)' (\(kind.rawValue)) was added"
            case .moved(let id): "step '\(id)' was moved"
            case .changedOperation(let id, let from, let to):
                "step '\(id)' changed from \(from.rawValue) to \(to.rawValue)"
            }
        }
    }

    /// The change between a process's two versions; either is `nil` for a process added or removed. With an
    /// `estimator`, the ratio of their λ is drawn too.
    public init(identity: String, base: ProcessFindings?, head: ProcessFindings?, estimator: ResidualEstimator? = nil) {
        self.identity = identity
        before = base?.risk
        after = head?.risk
        stepChanges = Self.changes(from: base?.steps ?? [], to: head?.steps ?? [])
        ratio =
            before != nil && after != nil
            ? base?.design.flatMap { old in
                head?.design.flatMap { new in estimator?.riskRatio(base: old, head: new) }
            } : nil
    }

    /// λ after over λ before, at the medians: infinite when λ rose from zero; `nil` when either is unknown.
    public var factor: Double? {
        guard let before, let after else { return nil }
        let (old, new) = (before.lambda.median, after.lambda.median)
        if old == new { return 1 }
        return old == 0 ? .infinity : new / old
    }

    /// Whether there is anything to say: λ moved, or only one version has an estimate.
    public var moved: Bool { (before != nil || after != nil) && factor != 1 }

    /// One line for a reviewer: `λ rose from 2.0e-3 (90%: …) to 4.0e-1 (90%: …), ×200, because step 'x' was removed`.
    public var summary: String {
        guard let before, let after, let factor else {
            if let after { return "λ \(Self.figures(after)) (no estimate before)" }
            if let before { return "λ was \(Self.figures(before)) (no estimate now)" }
            return "no estimate in either version (no malignant fraction stated)"
        }
        let movement =
            factor == 1
            ? "λ unchanged at \(Self.figures(after))"
            : "λ \(factor > 1 ? "rose" : "fell") from \(Self.figures(before)) to \(Self.figures(after))"
                + (factor.isFinite ? ", ×\(FigureFormat.count(factor))" : "")
        return movement + reason
    }

    private var reason: String {
        switch stepChanges.count {
        case 0: ""
        case 1: " because " + stepChanges[0].description
        default: " after these changes: " + stepChanges.map(\.description).joined(separator: "; ")
        }
    }

    private static func figures(_ risk: Risk) -> String {
        "\(FigureFormat.count(risk.lambda.median)) (90%: \(FigureFormat.count(risk.lambda.low))–\(FigureFormat.count(risk.lambda.high)); "
            + "P \(FigureFormat.percent(risk.calibratedProbability.mean)))"
    }

    /// Removed, added and re-typed steps by id; moved ones are the kept steps outside the longest common
    /// order of the two versions, so one step moved is reported as one, not as every step it passed.
    public static func changes(
        from base: [(id: String, kind: OperationKind)], to head: [(id: String, kind: OperationKind)]
    ) -> [StepChange] {
        let baseKinds = Dictionary(base.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        let headKinds = Dictionary(head.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        var changes: [StepChange] = base.filter { headKinds[$0.id] == nil }.map { .removed(id: $0.id, kind: $0.kind) }
        changes += head.filter { baseKinds[$0.id] == nil }.map { .added(id: $0.id, kind: $0.kind) }
        let keptBefore = base.map(\.id).filter { headKinds[$0] != nil }
        let keptAfter = head.map(\.id).filter { baseKinds[$0] != nil }
        let inOrder = Set(longestCommonSubsequence(keptBefore, keptAfter))
        changes += keptAfter.filter { !inOrder.contains($0) }.map { .moved(id: $0) }
        changes += head.compactMap { step in
            guard let old = baseKinds[step.id], old != step.kind else { return nil }
            return .changedOperation(id: step.id, from: old, to: step.kind)
        }
        return changes
    }

    private static func longestCommonSubsequence(_ a: [String], _ b: [String]) -> [String] {
        guard !a.isEmpty, !b.isEmpty else { return [] }
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var result: [String] = []
        var (i, j) = (0, 0)
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                result.append(a[i])
                i += 1
                j += 1
            } else if lengths[i + 1][j] >= lengths[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }
}
