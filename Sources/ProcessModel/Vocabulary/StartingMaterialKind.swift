/// What the process starts from.
public enum StartingMaterialKind: String, NamedValue {
    case leukapheresis
    case wholeBlood = "whole-blood"
    case pbmc

    public var summary: String {
        switch self {
        case .leukapheresis: "a leukapheresis collection (the usual autologous starting material)"
        case .wholeBlood: "a whole-blood draw"
        case .pbmc: "peripheral blood mononuclear cells already isolated elsewhere"
        }
    }
}
