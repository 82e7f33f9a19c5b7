/// An approved product a process file says it models (`product.label`), so its file can be held to the
/// product's label (the dose range). The label data themselves, with their sources, are in
/// ResidualModel's `design-facts.json`.
public enum ProductLabel: String, NamedValue {
    case kymriah
    case yescarta
    case tecartus
    case breyanzi
    case abecma
    case carvykti

    public var summary: String {
        switch self {
        case .kymriah: "tisagenlecleucel (Novartis), CD19, lentiviral"
        case .yescarta: "axicabtagene ciloleucel (Kite), CD19, gamma-retroviral"
        case .tecartus: "brexucabtagene autoleucel (Kite), CD19, gamma-retroviral"
        case .breyanzi: "lisocabtagene maraleucel (BMS), CD19, lentiviral"
        case .abecma: "idecabtagene vicleucel (BMS), BCMA, lentiviral"
        case .carvykti: "ciltacabtagene autoleucel (Janssen), BCMA, lentiviral"
        }
    }

    public var synonyms: [String] {
        switch self {
        case .kymriah: ["tisagenlecleucel", "tisa cel", "ctl019"]
        case .yescarta: ["axicabtagene ciloleucel", "axi cel"]
        case .tecartus: ["brexucabtagene autoleucel", "brexu cel", "kte x19"]
        case .breyanzi: ["lisocabtagene maraleucel", "liso cel"]
        case .abecma: ["idecabtagene vicleucel", "ide cel"]
        case .carvykti: ["ciltacabtagene autoleucel", "cilta cel"]
        }
    }
}
