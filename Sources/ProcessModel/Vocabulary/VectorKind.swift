/// How the CAR gene is put into the cells.
public enum VectorKind: String, NamedValue {
    case lentiviral
    case gammaRetroviral = "gamma-retroviral"
    case transposon
    case mRNA = "mrna"
    case none

    public var summary: String {
        switch self {
        case .lentiviral: "integrating lentiviral vector (Kymriah, Breyanzi, Abecma, Carvykti)"
        case .gammaRetroviral: "integrating gamma-retroviral vector (Yescarta, Tecartus); needs dividing cells"
        case .transposon: "integrating transposon (Sleeping Beauty, piggyBac) delivered by electroporation"
        case .mRNA: "transient, non-integrating mRNA delivered by electroporation"
        case .none: "no gene transfer (an unmodified cell product)"
        }
    }

    /// Whether the vector writes the CAR into the genome, so a transduced cell and its progeny keep it.
    public var integrates: Bool {
        switch self {
        case .lentiviral, .gammaRetroviral, .transposon: true
        case .mRNA, .none: false
        }
    }

    /// Whether the vector is a virus that could, in principle, regain replication competence.
    public var isViral: Bool { self == .lentiviral || self == .gammaRetroviral }
}
