import LintKit
import ProcessModel

/// No immunomagnetic T-cell positive selection in a process whose starting material can hold malignant cells.
struct MissingTCellSelectionRule: Rule {
    let description = RuleDescription(
        id: "missing-t-cell-selection",
        title: "Missing T-cell selection",
        defaultSeverity: .warning,
        rationale: """
            A positive selection on T-cell markers (CD3, or CD4 and CD8) removes marker-negative cells by \
            about 2.5 log (1 to 4 between runs), far more than density gradients, elutriation or bead activation \
            remove. Without one, malignant cells in the starting material reach culture nearly undiminished. Kite's \
            mantle-cell lymphoma process removes circulating CD19-positive cells before activation, to spare the \
            CAR T cells activation and exhaustion by the tumour; the same step lowers carry-over.
            """,
        references: [
            "Wang M et al., NEJM 2020;382:1331",
            "Vescio R et al., Blood 1999;93(6):1858 and Stewart AK et al., J Clin Oncol 2001;19:3771 (median 3.1 log removal "
                + "of marker-negative tumour by positive selection)",
            "EBMT CD34 selection trial, Blood 2004;104(11):921 (abstract; median 2.0 log, range 0.3-5.5)",
        ],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: no selection
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}}
                steps:
                  - {id: ficoll, operation: density-gradient}
                  - {id: transduce, operation: ↓transduction}
                """,
                message:
                    "no T-cell positive selection (CD3, or CD4 and CD8) before step 'transduce', though the starting material can hold malignant cells",
                fix: "add a positive selection on CD3, or on CD4 and CD8, before the first activation or gene transfer")
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: CD3 selection
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}}
                steps:
                  - {id: select, operation: positive-selection, markers: [cd3+]}
                  - {id: transduce, operation: transduction}
                """),
            RuleExample(
                """
                processlint: 1
                name: no vector
                product: {car_target: CD19, vector: none}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}}
                steps:
                  - {id: expand, operation: expansion, days: 7}
                """),
        ]
    )

    /// CD3, or CD4 and CD8: the selections that keep T cells as a whole.
    static let selectionMarkers: Set<Marker> = Set(["CD3", "CD4", "CD8"].map(Marker.init(normalising:)))

    func check(_ context: LintContext) -> [Finding] {
        let design = context.design
        guard design.mayHoldMalignantCells, design.product.vector.value.integrates,
            let transfer = design.firstGeneTransfer
        else { return [] }
        let selects = design.steps[..<transfer.index].contains { step in
            if case .positiveSelection(let selection, _) = step.operation.value {
                return !selection.markerSet.isDisjoint(with: Self.selectionMarkers)
            }
            return false
        }
        guard !selects else { return [] }
        return [
            Finding(
                "no T-cell positive selection (CD3, or CD4 and CD8) before step '\(transfer.id.value)', though the starting material can hold malignant cells",
                at: transfer.operation.range,
                fix: "add a positive selection on CD3, or on CD4 and CD8, before the first activation or gene transfer"
            )
        ]
    }
}
