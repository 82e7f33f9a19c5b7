import ProcessModel

/// What a step must be for a rule to match it: its operation, and optionally markers and parameter limits.
struct StepPattern: Sendable {
    let operation: OperationKind
    /// The step must select or deplete on all of these.
    let markers: Set<Marker>
    /// The step must state each of these numbers, within its limits.
    let limits: [(name: String, limits: Limits)]

    /// Whether the operation alone decides, as it does for most patterns: then matching costs one comparison.
    private let byOperationOnly: Bool

    init(operation: OperationKind, markers: Set<Marker>, limits: [(name: String, limits: Limits)]) {
        self.operation = operation
        self.markers = markers
        self.limits = limits
        byOperationOnly = markers.isEmpty && limits.isEmpty
    }

    func matches(_ step: Step) -> Bool {
        guard step.kind == operation else { return false }
        if byOperationOnly { return true }
        if !markers.isEmpty {
            switch step.operation.value {
            case .positiveSelection(let selection, _), .depletion(let selection):
                guard markers.isSubset(of: selection.markerSet) else { return false }
            default: return false
            }
        }
        return limits.allSatisfy { name, limits in step.number(named: name).map { limits.contains($0.value) } ?? false }
    }

    /// The pattern in words, for messages: "depletion on CD25".
    var phrase: String {
        markers.isEmpty
            ? operation.rawValue : "\(operation.rawValue) on \(markers.sorted().map(\.name).joined(separator: ", "))"
    }
}

/// A lowest and a highest value, either optional.
struct Limits: Sendable {
    let minimum: Double?
    let maximum: Double?

    func contains(_ value: Double) -> Bool {
        (minimum.map { value >= $0 } ?? true) && (maximum.map { value <= $0 } ?? true)
    }
}
