import LintKit
import ProcessModel

/// The starting material does not say how many malignant cells it may hold.
struct MalignantFractionNotStatedRule: Rule {
    let description = RuleDescription(
        id: "malignant-fraction-not-stated",
        title: "Malignant fraction not stated",
        defaultSeverity: .note,
        rationale: """
            The residual-cell estimate starts from the malignant fraction of the starting material; without it \
            ProcessLint does not guess, and says so once instead of estimating. State the worst case the process \
            must cope with (0 for a disease without circulating cells).
            """,
        references: ["docs/estimate.md: what the estimate needs"],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: no fraction
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: ↓{kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction}
                """,
                message:
                    "the starting material states no malignant fraction, so the residual-cell risk is not estimated",
                fix: "add 'malignant:' under 'starting_material.composition' with the worst case (0 if none circulate)")
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: fraction stated
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {malignant: 0.01}}
                steps:
                  - {id: transduce, operation: transduction}
                """)
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let material = context.design.startingMaterial
        guard material.composition[.malignant] == nil else { return [] }
        return [
            Finding(
                "the starting material states no malignant fraction, so the residual-cell risk is not estimated",
                at: material.compositionRange ?? material.range,
                fix: "add 'malignant:' under 'starting_material.composition' with the worst case (0 if none circulate)")
        ]
    }
}
