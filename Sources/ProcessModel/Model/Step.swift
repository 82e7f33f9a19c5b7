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

    public init(id: Located<String>, operation: Located<UnitOperation>, note: Located<String>?, performance: PerformanceOverride?,
                range: SourceRange, index: Int) {
        self.id = id
        self.operation = operation
        self.note = note
        self.performance = performance
        self.range = range
        self.index = index
    }

    /// The kind of operation, without its parameters.
    public var kind: OperationKind { operation.value.kind }
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
}
