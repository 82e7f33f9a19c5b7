/// A release (or in-process) test of the final product.
public enum ReleaseTestKind: String, NamedValue {
    case sterility
    case mycoplasma
    case endotoxin
    case vcn
    case rcl
    case rcr
    case identity
    case potency
    case viability
    case cellCount = "cell-count"
    case purity
    case residualMalignantCells = "residual-malignant-cells"
    case residualBeads = "residual-beads"
    case adventitiousAgents = "adventitious-agents"

    public var summary: String {
        switch self {
        case .sterility: "sterility (bacterial and fungal culture or rapid method)"
        case .mycoplasma: "mycoplasma (culture or PCR)"
        case .endotoxin: "bacterial endotoxin; limit in EU/mL"
        case .vcn: "vector copy number; limit in copies per transduced cell"
        case .rcl: "replication-competent lentivirus"
        case .rcr: "replication-competent retrovirus"
        case .identity: "identity, usually CAR expression by flow cytometry"
        case .potency: "potency, e.g. cytotoxicity or IFN-gamma release on antigen"
        case .viability: "viability; limit as a fraction of cells (min)"
        case .cellCount: "viable CAR-positive cell count for the dose"
        case .purity: "purity, e.g. fraction of CD3+ cells (min)"
        case .residualMalignantCells: "residual malignant cells, e.g. by flow cytometry; limit as a fraction (max)"
        case .residualBeads: "residual activation beads; limit in beads per 3e6 cells (max)"
        case .adventitiousAgents: "adventitious viruses"
        }
    }
}
