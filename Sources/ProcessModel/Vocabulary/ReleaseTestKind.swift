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
    case integrationSiteAnalysis = "integration-site-analysis"
    case clonality

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
        case .integrationSiteAnalysis:
            "where the vector or transposon integrated, e.g. by integration-site sequencing (release or characterisation)"
        case .clonality:
            "clonal make-up of the product, e.g. by TCR or integration-site sequencing (release or characterisation)"
        }
    }

    public var synonyms: [String] {
        switch self {
        case .sterility: ["bacterial culture", "bacteria and fungi", "bacterial and fungal"]
        case .mycoplasma: ["myco", "mycoplasma pcr"]
        case .endotoxin: ["lal", "bacterial endotoxins", "endotoxins"]
        case .vcn: ["vector copy number", "copy number", "transgene copy number"]
        case .rcl: ["replication competent lentivirus"]
        case .rcr: ["replication competent retrovirus"]
        case .identity: ["car expression", "transduction efficiency", "car positive"]
        case .potency: ["cytotoxicity", "ifn gamma release", "interferon gamma", "killing"]
        case .viability: ["viable cells", "7 aad", "trypan blue"]
        case .cellCount: ["cell number", "viable cell count", "dose count", "count"]
        case .purity: ["cd3 purity", "t cell purity"]
        case .residualMalignantCells:
            [
                "residual tumour cells", "residual tumor cells", "residual blasts", "mrd", "residual leukaemia",
                "residual leukemia", "tumour cells", "tumor cells",
            ]
        case .residualBeads: ["beads", "bead count", "residual dynabeads"]
        case .adventitiousAgents: ["adventitious viruses", "viral safety"]
        case .integrationSiteAnalysis:
            ["integration site", "integration sites", "isa", "insertion site analysis", "integration site sequencing"]
        case .clonality: ["clonal analysis", "clonality analysis", "tcr repertoire", "clonal tracking"]
        }
    }

    /// The unit and range of the test's `min` and `max`, or `nil` for a pass/fail test, which takes no number.
    ///
    /// The upper ends are past any specification a product could meet or need, so a number above them is a
    /// slip of the pen (a percent for a fraction, a count in the wrong exponent) rather than a real limit.
    public var limit: ReleaseTestLimit? {
        switch self {
        case .sterility, .mycoplasma, .rcl, .rcr, .adventitiousAgents, .integrationSiteAnalysis, .clonality: nil
        case .identity, .viability, .purity, .residualMalignantCells:
            ReleaseTestLimit(unit: "fraction of cells, 0.7 for 70%", bounds: .fraction)
        // Ph. Eur. 2.6.14 / USP <85>: limits are a few EU per mL or per kg; 1000 EU/mL is far past any product.
        case .endotoxin: ReleaseTestLimit(unit: "EU/mL", bounds: .between(0, 1000))
        // Release limits are at most 5 copies per transduced cell (FDA, 2020); 100 would be a cell full of vector.
        case .vcn: ReleaseTestLimit(unit: "copies per transduced cell", bounds: .between(0, 100))
        // Assays differ (IFN-gamma pg/mL, % lysis, relative potency); 1e9 is past the reading of any of them.
        case .potency: ReleaseTestLimit(unit: "the assay's unit", bounds: .between(0, 1e9))
        // A kilogram of cells is about 1e12; no dose is near it.
        case .cellCount: ReleaseTestLimit(unit: "viable CAR-positive cells", bounds: .between(0, 1e12))
        // Beads per 3e6 cells: more beads than cells in the sample would be a suspension of beads.
        case .residualBeads: ReleaseTestLimit(unit: "beads per 3e6 cells", bounds: .between(0, 3e6))
        }
    }
}

/// The unit and the values of a release test's numeric limits.
public struct ReleaseTestLimit: Sendable {
    public let unit: String
    public let bounds: NumberBounds
}
