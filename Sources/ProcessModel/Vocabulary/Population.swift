/// The cell populations a process file describes and the estimate follows.
public enum Population: String, NamedValue {
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

}
