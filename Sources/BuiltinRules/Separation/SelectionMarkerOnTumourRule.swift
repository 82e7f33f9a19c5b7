import LintKit
import ProcessModel

/// A positive selection on a marker the malignant cells carry keeps them.
struct SelectionMarkerOnTumourRule: Rule {
    let description = RuleDescription(
        id: "selection-marker-on-tumour",
        title: "Selection marker carried by the malignant cells",
        defaultSeverity: .warning,
        rationale: """
            A positive selection keeps every cell that carries its marker. When the malignant cells carry it too \
            (CD3 in T-ALL, CD4 in some T-cell lymphomas, CD34 in many B-ALL), the selection keeps them with the \
            T cells and removes nothing: the process has no purge where it seems to have one.
            """,
        references: ["docs/estimate.md: selections act through the markers cells carry"],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: CD3 selection in T-ALL
                product: {car_target: CD7, vector: lentiviral}
                indication: T-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}, malignant_markers: [CD3, CD7]}
                steps:
                  - {id: select, operation: positive-selection, markers: [↓CD3]}
                  - {id: transduce, operation: transduction}
                """,
                message: "the malignant cells carry CD3, so selecting on it in step 'select' keeps them",
                fix: "select on T-cell markers the malignant cells lack, or add a depletion on a marker only they carry"
            )
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: CD3 selection in B-ALL
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}, malignant_markers: [CD19, CD10]}
                steps:
                  - {id: select, operation: positive-selection, markers: [CD3]}
                  - {id: transduce, operation: transduction}
                """)
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let design = context.design
        guard design.mayHoldMalignantCells,
            let carried = design.startingMaterial.malignantMarkers.map({ Set($0.map(\.value)) })
        else { return [] }
        return design.steps.flatMap { step -> [Finding] in
            guard case .positiveSelection(let selection, _) = step.operation.value else { return [] }
            return selection.markers.filter { carried.contains($0.value) }.map { marker in
                Finding(
                    "the malignant cells carry \(marker.value), so selecting on it in step '\(step.id.value)' keeps them",
                    at: marker.range,
                    fix:
                        "select on T-cell markers the malignant cells lack, or add a depletion on a marker only they carry"
                )
            }
        }
    }
}
