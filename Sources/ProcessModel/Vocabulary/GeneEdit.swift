/// A gene knocked out in the product's T cells (`product.edits`), by any editing tool.
///
/// The vocabulary is closed, as markers are: every edit is read by a safety rule, and a misspelt gene
/// would silently drop the edit a rule looks for. Gene symbols follow HGNC; `TRBC` stands for both
/// T-cell receptor beta constant genes.
public enum GeneEdit: String, NamedValue {
    case trac = "TRAC"
    case trbc = "TRBC"
    case cd3e = "CD3E"
    case b2m = "B2M"
    case ciita = "CIITA"
    case hlaA = "HLA-A"
    case cd52 = "CD52"
    case cd7 = "CD7"
    case cd5 = "CD5"
    case cd2 = "CD2"
    case cd38 = "CD38"
    case pdcd1 = "PDCD1"

    public var summary: String {
        switch self {
        case .trac:
            "T-cell receptor alpha constant: no alpha-beta TCR on the surface (prevents graft-versus-host disease)"
        case .trbc: "T-cell receptor beta constant genes: no alpha-beta TCR on the surface"
        case .cd3e: "CD3 epsilon: no TCR-CD3 complex on the surface"
        case .b2m: "beta-2 microglobulin: no HLA class I on the surface (host T cells see less to reject)"
        case .ciita: "class II transactivator: no HLA class II on the surface"
        case .hlaA: "HLA-A: no HLA-A on the surface"
        case .cd52: "CD52: the cells resist alemtuzumab given to lymphodeplete the host"
        case .cd7: "CD7: CD7 CAR T cells do not kill each other"
        case .cd5: "CD5: CD5 CAR T cells do not kill each other"
        case .cd2: "CD2: CD2 CAR T cells do not kill each other"
        case .cd38: "CD38: CD38 CAR T cells do not kill each other"
        case .pdcd1: "PD-1: the cells resist PD-L1 inhibition"
        }
    }

    public var synonyms: [String] {
        switch self {
        case .trac: ["tcr", "tcr alpha", "tcra", "tcr knockout"]
        case .trbc: ["trbc1", "trbc2", "tcr beta", "tcrb"]
        case .cd3e: ["cd3"]
        case .b2m: ["beta2 microglobulin", "b2 microglobulin", "hla class i"]
        case .ciita: ["hla class ii"]
        case .pdcd1: ["pd1", "pd 1"]
        default: []
        }
    }

    /// Whether the knockout removes the endogenous alpha-beta T-cell receptor from the surface.
    public var disruptsTCR: Bool { self == .trac || self == .trbc || self == .cd3e }

    /// Whether the knockout hides the cells from the host's T cells or lets the host be lymphodepleted
    /// without killing them: an answer to rejection of an allogeneic product.
    public var addressesHostRejection: Bool { self == .b2m || self == .ciita || self == .hlaA || self == .cd52 }

    /// The cell-surface marker the knockout removes, when the gene codes for one (CD7 for `CD7`, CD3 for `CD3E`).
    public var removedMarker: Marker? {
        switch self {
        case .cd7, .cd5, .cd2, .cd38: Marker(normalising: rawValue)
        case .cd3e: Marker(normalising: "CD3")
        default: nil
        }
    }
}
