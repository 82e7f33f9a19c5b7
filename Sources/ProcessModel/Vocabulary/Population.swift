/// The cell populations a process file describes and the estimate follows.
public enum Population: String, NamedValue, Comparable {
    case T
    case B
    case NK
    case monocyte
    case granulocyte
    case malignant

    public var summary: String {
        switch self {
        case .T: "T cells (CD3+), the cells the product is made of"
        case .B: "normal B cells (CD19+, CD20+)"
        case .NK: "natural killer cells (CD56+, CD3-)"
        case .monocyte: "monocytes (CD14+)"
        case .granulocyte: "granulocytes (CD15+, CD16+)"
        case .malignant: "circulating malignant cells: state the worst case the process must cope with"
        }
    }

    /// The markers a normal population carries, by which selections and depletions act on it.
    /// The malignant population has no fixed markers: the process file declares them.
    /// CD4 on monocytes is real (they are CD4-dim) and is why CD4 selection co-selects them.
    public var definingMarkers: Set<Marker> {
        let names: [String] = switch self {
        case .T: ["CD3", "CD2", "CD5", "CD7", "CD4", "CD8", "CD45"]
        case .B: ["CD19", "CD20", "CD22", "CD79A", "CD45", "HLA-DR"]
        case .NK: ["CD56", "CD16", "CD2", "CD7", "CD45"]
        case .monocyte: ["CD14", "CD4", "CD11B", "CD33", "CD45", "HLA-DR"]
        case .granulocyte: ["CD15", "CD16", "CD11B", "CD33", "CD45"]
        case .malignant: []
        }
        return Set(names.map(Marker.init(normalising:)))
    }

    public static func < (lhs: Population, rhs: Population) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
