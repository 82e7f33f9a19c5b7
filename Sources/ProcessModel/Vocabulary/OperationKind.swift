/// A kind of unit operation, the `operation` of a step.
public enum OperationKind: String, NamedValue {
    case densityGradient = "density-gradient"
    case elutriation
    case adherence
    case positiveSelection = "positive-selection"
    case depletion
    case activation
    case transduction
    case electroporation
    case transfection
    case expansion
    case beadRemoval = "bead-removal"
    case wash
    case harvest
    case formulation
    case cryopreservation
    case thaw
    case hold

    public var summary: String {
        switch self {
        case .densityGradient: "density-gradient separation of mononuclear cells (Ficoll, Lymphoprep)"
        case .elutriation: "counterflow centrifugal elutriation by cell size and density"
        case .adherence: "removal of monocytes by plastic adherence"
        case .positiveSelection: "immunomagnetic selection that keeps the cells carrying the markers"
        case .depletion: "immunomagnetic depletion that removes the cells carrying the markers"
        case .activation: "T-cell activation"
        case .transduction: "gene transfer with a viral vector"
        case .electroporation: "non-viral gene transfer by electroporation (transposon, mRNA)"
        case .transfection: "non-viral gene transfer by chemical transfection (transposon, mRNA)"
        case .expansion: "culture to expand the cells"
        case .beadRemoval: "magnetic removal of activation beads"
        case .wash: "wash and buffer exchange"
        case .harvest: "harvest of the cultured cells"
        case .formulation: "formulation of the final product"
        case .cryopreservation: "cryopreservation of the product or the starting material"
        case .thaw: "thaw of cryopreserved material"
        case .hold: "a hold between operations"
        }
    }

    public var synonyms: [String] {
        switch self {
        case .densityGradient:
            ["ficoll", "ficoll paque", "lymphoprep", "density gradient centrifugation", "pbmc isolation", "gradient"]
        case .elutriation: ["elutra", "counterflow centrifugation", "counterflow elutriation"]
        case .adherence: ["plastic adherence", "monocyte depletion by adherence"]
        case .positiveSelection:
            ["selection", "select", "t cell selection", "enrichment", "t cell enrichment", "immunomagnetic selection"]
        case .depletion: ["deplete", "negative selection", "purge", "tumour depletion", "tumor depletion"]
        case .activation: ["activate", "stimulation", "stimulate"]
        case .transduction:
            ["transduce", "lentiviral transduction", "retroviral transduction", "viral transduction", "infection"]
        case .electroporation: ["electroporate", "nucleofection"]
        case .transfection: ["transfect", "lipofection"]
        case .expansion: ["expand", "culture", "cell culture", "proliferation"]
        case .beadRemoval: ["debead", "debeading", "bead depletion", "magnet removal", "demagnetisation"]
        case .wash: ["washing", "buffer exchange", "concentration"]
        case .harvest: ["harvesting", "collection"]
        case .formulation: ["formulate", "final formulation", "fill", "fill and finish"]
        case .cryopreservation: ["freeze", "freezing", "cryopreserve", "cryo", "controlled rate freezing"]
        case .thaw: ["thawing", "warm"]
        case .hold: ["wait", "storage", "store"]
        }
    }

    /// The performance figures a step of this kind may override: only those the step can change.
    public var performanceFigures: [PerformanceFigure] {
        switch self {
        case .densityGradient, .elutriation, .adherence, .positiveSelection, .depletion, .beadRemoval,
            .wash, .harvest, .formulation:
            [.recovery, .logDepletion, .malignantLogDepletion]
        case .activation:
            [.recovery, .logDepletion, .malignantLogDepletion, .foldExpansion, .malignantSurvival]
        case .expansion, .hold:
            [.foldExpansion, .malignantSurvival]
        case .transduction, .electroporation, .transfection:
            [.recovery, .transductionEfficiency, .malignantTransductionEfficiency]
        case .cryopreservation, .thaw:
            [.viability]
        }
    }

    /// Whether the operation puts the CAR gene into cells.
    public var isGeneTransfer: Bool { self == .transduction || self == .electroporation || self == .transfection }
}
