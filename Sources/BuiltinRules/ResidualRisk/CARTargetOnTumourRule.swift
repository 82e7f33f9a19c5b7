import LintKit
import ProcessModel

/// The CAR's target antigen is on the malignant cells, so a transduced malignant cell can hide it.
struct CARTargetOnTumourRule: Rule {
    let description = RuleDescription(
        id: "car-target-on-tumour",
        title: "CAR target on the malignant cells",
        defaultSeverity: .note,
        rationale: """
            When the malignant cells carry the CAR's own target, a malignant cell that takes up the CAR gene \
            binds its target in cis and hides it from the therapy: the mechanism of the fatal relapse in the \
            2018 case. It is the usual situation (CD19 CARs for B-cell malignancies, BCMA CARs for myeloma), \
            and it makes every malignant cell left before transduction matter more: residual-tumour-risk findings \
            are raised to errors for such processes.
            """,
        references: ["Ruella M et al., Nat Med 2018;24:1499-1503, DOI 10.1038/s41591-018-0201-9"],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: CD19 CAR for B-ALL
                product: {car_target: ↓CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}, malignant_markers: [CD19, CD10]}
                steps:
                  - {id: transduce, operation: transduction}
                """,
                message:
                    "the malignant cells carry the CAR's target CD19: one that takes up the CAR can hide CD19 from the therapy",
                fix:
                    "remove malignant cells before the gene transfer, and test the product for residual malignant cells"
            )
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: CD22 CAR after CD22 loss
                product: {car_target: CD22, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}, malignant_markers: [CD19, CD10]}
                steps:
                  - {id: transduce, operation: transduction}
                """)
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let design = context.design
        let target = design.product.carTarget
        guard design.mayHoldMalignantCells, design.product.vector.value.integrates,
            design.startingMaterial.malignantMarkers?.contains(where: { $0.value == target.value }) == true
        else { return [] }
        return [
            Finding(
                "the malignant cells carry the CAR's target \(target.value): one that takes up the CAR can hide \(target.value) from the therapy",
                at: target.range,
                fix:
                    "remove malignant cells before the gene transfer, and test the product for residual malignant cells"
            )
        ]
    }
}
