/// One unit operation of the process, in order.
public struct Step: Sendable {
    public let id: Located<String>
    /// The operation and its parameters.
    public let operation: Located<UnitOperation>
    public let note: Located<String>?
    /// Figures measured for this step that replace the catalogue's.
    public let performance: PerformanceOverride?
    /// The whole step, from its first key to its last.
    public let range: SourceRange
    /// The step's position in the process, from 0.
    public let index: Int
    /// Other operations the step may be, when its chemistry is not public or not chosen yet (`alternatives:`);
    /// empty for a step that is what it says. The step's own operation is the one the rules read.
    public let alternatives: [StepAlternative]

    public init(
        id: Located<String>, operation: Located<UnitOperation>, note: Located<String>?,
        performance: PerformanceOverride?,
        range: SourceRange, index: Int, alternatives: [StepAlternative] = []
    ) {
        self.id = id
        self.operation = operation
        self.note = note
        self.performance = performance
        self.range = range
        self.index = index
        self.alternatives = alternatives
    }

    /// The kind of operation, without its parameters.
    public var kind: OperationKind { operation.value.kind }

    /// Every operation the step may be: its own first, then its alternatives.
    public var choices: [StepAlternative] {
        [StepAlternative(operation: operation, note: note, performance: performance, range: range)] + alternatives
    }

    /// The same step performing another of its choices (with that choice's note and performance figures).
    public func choosing(_ choice: StepAlternative) -> Step {
        Step(
            id: id, operation: choice.operation, note: choice.note, performance: choice.performance, range: range,
            index: index)
    }
}

/// One operation a step may be instead of the one it states.
public struct StepAlternative: Sendable {
    public let operation: Located<UnitOperation>
    public let note: Located<String>?
    public let performance: PerformanceOverride?
    /// The alternative's mapping.
    public let range: SourceRange

    public init(
        operation: Located<UnitOperation>, note: Located<String>?, performance: PerformanceOverride?, range: SourceRange
    ) {
        self.operation = operation
        self.note = note
        self.performance = performance
        self.range = range
    }

    /// The operation in a few words, for a report: `positive-selection [CD4, CD8]`.
    public var label: String {
        switch operation.value {
        case .positiveSelection(let selection, _), .depletion(let selection):
            "\(operation.value.kind.rawValue) [\(selection.markers.map(\.value.name).joined(separator: ", "))]"
        case .activation(let reagent, _):
            "\(operation.value.kind.rawValue) (\(reagent.value.rawValue))"
        default:
            operation.value.kind.rawValue
        }
    }
}

/// A unit operation with the parameters of its kind.
public enum UnitOperation: Sendable {
    case densityGradient(medium: Located<String>?)
    case elutriation(device: Located<String>?)
    case adherence(hours: Located<Double>?)
    case positiveSelection(Selection, separateArms: Located<Bool>?)
    case depletion(Selection)
    case activation(reagent: Located<ActivationReagent>, cytokines: [Located<String>])
    case transduction(vector: Located<VectorKind>?, moi: Located<Double>?)
    case electroporation(payload: Located<VectorKind>?, device: Located<String>?)
    case transfection(payload: Located<VectorKind>?, device: Located<String>?)
    case expansion(days: Located<Double>, device: Located<String>?, cytokines: [Located<String>])
    case beadRemoval(device: Located<String>?)
    case wash
    case harvest
    case formulation
    case cryopreservation(dmsoPercent: Located<Double>?)
    case thaw
    case hold(hours: Located<Double>?, temperatureCelsius: Located<Double>?)

    /// The markers and device of a selection or depletion.
    public struct Selection: Sendable {
        public let markers: [Located<Marker>]
        public let device: Located<String>?

        public init(markers: [Located<Marker>], device: Located<String>?) {
            self.markers = markers
            self.device = device
        }

        /// The markers without their locations.
        public var markerSet: Set<Marker> { Set(markers.map(\.value)) }
    }

    public var kind: OperationKind {
        switch self {
        case .densityGradient: .densityGradient
        case .elutriation: .elutriation
        case .adherence: .adherence
        case .positiveSelection: .positiveSelection
        case .depletion: .depletion
        case .activation: .activation
        case .transduction: .transduction
        case .electroporation: .electroporation
        case .transfection: .transfection
        case .expansion: .expansion
        case .beadRemoval: .beadRemoval
        case .wash: .wash
        case .harvest: .harvest
        case .formulation: .formulation
        case .cryopreservation: .cryopreservation
        case .thaw: .thaw
        case .hold: .hold
        }
    }
}

/// Performance figures a step states for itself, with their source.
public struct PerformanceOverride: Sendable {
    public let source: Located<String>
    public let figures: [PerformanceFigure: Located<Double>]
    public let range: SourceRange

    /// Figures stated in code rather than read from a file: the estimate's inverse answers try a step's log
    /// reduction this way, as a site would write it.
    public init(source: Located<String>, figures: [PerformanceFigure: Located<Double>], range: SourceRange) {
        self.source = source
        self.figures = figures
        self.range = range
    }
}
