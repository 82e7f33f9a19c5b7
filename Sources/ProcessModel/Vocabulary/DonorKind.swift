/// Whose T cells the product is made from.
public enum DonorKind: String, NamedValue {
    case autologous
    case allogeneic

    public var summary: String {
        switch self {
        case .autologous:
            "the patient's own cells (the default): malignant cells in the patient's blood can be in the material"
        case .allogeneic:
            "a healthy donor's cells: the donor's T-cell receptors can attack the patient, and the patient can reject the cells"
        }
    }

    public var synonyms: [String] {
        switch self {
        case .autologous: ["patient", "own", "self", "auto"]
        case .allogeneic: ["donor", "healthy donor", "off the shelf", "universal", "allo", "allogenic"]
        }
    }
}
