/// How T cells are activated; the reagent decides whether magnetic beads must later be removed
/// and whether activation also enriches T cells.
public enum ActivationReagent: String, NamedValue {
    case cd3CD28MagneticBeads = "anti-cd3-cd28-magnetic-beads"
    case cd3CD28Nanomatrix = "anti-cd3-cd28-nanomatrix"
    case cd3CD28Antibodies = "anti-cd3-cd28-antibodies"
    case cd3Antibody = "anti-cd3-antibody"
    case other

    public var summary: String {
        switch self {
        case .cd3CD28MagneticBeads:
            "paramagnetic beads coated with anti-CD3 and anti-CD28 (e.g. Dynabeads); must be removed"
        case .cd3CD28Nanomatrix: "colloidal anti-CD3/CD28 nanomatrix (e.g. TransAct); washed out, no magnetic removal"
        case .cd3CD28Antibodies: "soluble or plate-bound anti-CD3 and anti-CD28 antibodies"
        case .cd3Antibody: "anti-CD3 antibody (OKT3) alone, usually with IL-2"
        case .other: "another reagent: describe it in the step's note"
        }
    }

    public var synonyms: [String] {
        switch self {
        case .cd3CD28MagneticBeads:
            ["dynabeads", "cts dynabeads", "dynabeads cd3/cd28", "cd3/cd28 beads", "magnetic beads", "beads"]
        case .cd3CD28Nanomatrix: ["transact", "t cell transact", "nanomatrix"]
        case .cd3CD28Antibodies: ["anti cd3/cd28", "cd3/cd28 antibodies", "plate bound antibodies"]
        case .cd3Antibody: ["okt3", "muromonab", "anti cd3"]
        case .other: []
        }
    }

    /// Whether the reagent leaves magnetic particles in the product until a bead-removal step.
    public var leavesMagneticBeads: Bool { self == .cd3CD28MagneticBeads }
}
