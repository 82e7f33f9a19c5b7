import LintKit
import ProcessModel
import ResidualModel

/// A T-cell malignancy treated with a product made from the patient's own T cells, with nothing that separates the malignant clone.
struct AutologousTCellMalignancyRule: Rule {
    let description = RuleDescription(
        id: "autologous-t-cell-malignancy",
        title: "Autologous product for a T-cell malignancy",
        defaultSeverity: .warning,
        rationale: """
            In a T-cell malignancy the malignant cells are T cells. A T-cell selection keeps them with the \
            normal T cells, T-cell activation and culture make them grow (IL-7 feeds T-ALL cells), and the \
            vector can put the CAR into them; a CAR on a malignant cell can then hide the target in cis, the \
            mechanism of the 2018 B-ALL case. Only two things separate the malignant clone: a marker it alone \
            carries among T cells (one T-cell receptor beta constant region, TRBC1 or TRBC2, since normal T \
            cells carry both and a clone only one), depleted or selected against before the gene transfer, or \
            a healthy donor's cells. The rule stays until one of them is in the file; the residual-cell \
            estimate says how many malignant cells it expects to carry the CAR.
            """,
        references: [
            "Maciocia PM et al., Nat Med 2017;23(12):1416, DOI 10.1038/nm.4444 (normal T cells carry TRBC1 and TRBC2; a malignancy only one)",
            "Ruella M et al., Nat Med 2018;24:1499-1503, DOI 10.1038/s41591-018-0201-9 (a single transduced leukaemic cell)",
            "Silva A et al., Cancer Res 2011;71(14):4780, DOI 10.1158/0008-5472.CAN-10-3606 (IL-7 drives T-ALL cell proliferation)",
            "Cooper ML et al., Leukemia 2018;32(9):1970 (a healthy-donor CD7 CAR-T: no autologous T cells needed)",
        ],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: autologous CD7 CAR for T-ALL
                product: {car_target: CD7, vector: lentiviral, edits: [CD7]}
                indication: ↓T-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.3, malignant: 0.05}, malignant_markers: [CD7, CD5]}
                steps:
                  - {id: select, operation: positive-selection, markers: [CD4, CD8]}
                  - {id: transduce, operation: transduction}
                """,
                message:
                    "T-ALL is a T-cell malignancy and the product is made from the patient's own T cells: nothing in the process separates the malignant T cells, which T-cell culture expands and the vector can transduce (see the residual-cell estimate)",
                fix:
                    "separate the malignant clone by the TCR beta constant region it alone carries (deplete its TRBC1 or TRBC2, or select the other) before the gene transfer, or make the product from a healthy donor (starting_material.donor: allogeneic)"
            )
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: healthy donor
                product: {car_target: CD7, vector: lentiviral, edits: [CD7, TRAC]}
                indication: T-ALL
                starting_material: {kind: leukapheresis, donor: allogeneic, composition: {T: 0.4, malignant: 0}}
                steps:
                  - {id: transduce, operation: transduction}
                """),
            RuleExample(
                """
                processlint: 1
                name: the clone's TRBC depleted first
                product: {car_target: CD7, vector: lentiviral, edits: [CD7]}
                indication: T-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.3, malignant: 0.05}, malignant_markers: [CD7, TRBC1]}
                steps:
                  - {id: deplete-clone, operation: depletion, markers: [TRBC1]}
                  - {id: transduce, operation: transduction}
                """),
            RuleExample(
                """
                processlint: 1
                name: B-cell disease
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.3, malignant: 0.05}}
                steps:
                  - {id: transduce, operation: transduction}
                """),
        ]
    )

    /// The T-cell receptor beta constant regions: every normal T-cell population holds both, a clone one.
    static let clonalMarkers: Set<Marker> = Set(["TRBC1", "TRBC2"].map(Marker.init(normalising:)))

    func check(_ context: LintContext) -> [Finding] {
        let design = context.design
        guard let disease = design.disease, disease.tCellMalignancy, design.startingMaterial.donorKind == .autologous,
            !design.stepsBeforeGeneTransfer.contains(where: separatesClone(in: design))
        else { return [] }
        return [
            Finding(
                "\(disease.name) is a T-cell malignancy and the product is made from the patient's own T cells: nothing in the "
                    + "process separates the malignant T cells, which T-cell culture expands and the vector can transduce (see the residual-cell estimate)",
                at: design.indication.range,
                related: [RelatedLocation("the patient's own cells", at: design.startingMaterial.range)],
                fix:
                    "separate the malignant clone by the TCR beta constant region it alone carries (deplete its TRBC1 or TRBC2, or select "
                    + "the other) before the gene transfer, or make the product from a healthy donor (starting_material.donor: allogeneic)",
                risk: context.risk
            )
        ]
    }

    /// Whether a step separates the malignant clone from normal T cells by a TRBC region: a depletion of the
    /// one the clone carries, or a selection of one it lacks (either, when the file does not say which it carries).
    func separatesClone(in design: ProcessDesign) -> (Step) -> Bool {
        let declared = design.startingMaterial.malignantMarkers.map { Set($0.map(\.value)) }
        return { step in
            switch step.operation.value {
            case .depletion(let selection):
                let regions = selection.markerSet.intersection(Self.clonalMarkers)
                return !regions.isEmpty && (declared.map { !$0.isDisjoint(with: regions) } ?? true)
            case .positiveSelection(let selection, _):
                let regions = selection.markerSet.intersection(Self.clonalMarkers)
                return !regions.isEmpty && (declared.map { $0.isDisjoint(with: regions) } ?? true)
            default:
                return false
            }
        }
    }
}
