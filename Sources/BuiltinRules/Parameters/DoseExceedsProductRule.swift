import LintKit
import ProcessModel

/// The stated dose is at least the whole product the process is estimated to make.
struct DoseExceedsProductRule: Rule {
    let description = RuleDescription(
        id: "dose-exceeds-product",
        title: "Dose as large as the product",
        defaultSeverity: .warning,
        rationale: """
            A patient cannot receive more CAR T cells than the process makes. When the stated dose is at least \
            the estimated product, the estimate infuses the whole product (it caps the share at 1), so a dose \
            raised further changes nothing that is reported: either the dose or the process's yield is wrong, \
            and the residual-cell risk is that of the whole product.
            """,
        references: ["docs/estimate.md (the dose as a share of the product, capped at the whole product)"],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: dose past the product
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, total_nucleated_cells: 1.0e9, composition: {T: 0.4, malignant: 0.01}}
                steps:
                  - {id: select, operation: positive-selection, markers: [CD4, CD8]}
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-nanomatrix}
                  - {id: transduce, operation: transduction}
                dose: {car_t_cells: ↓1.0e12}
                """,
                message:
                    "the dose is at least the whole product the process is estimated to make: the whole product is taken as infused",
                fix:
                    "check the dose and the process's yield (expansion, recoveries); a dose cannot exceed the cells made"
            )
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: dose within the product
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, total_nucleated_cells: 1.0e10, composition: {T: 0.4, malignant: 0.01}}
                steps:
                  - {id: select, operation: positive-selection, markers: [CD4, CD8]}
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-nanomatrix}
                  - {id: transduce, operation: transduction}
                  - {id: expand, operation: expansion, days: 9}
                dose: {car_t_cells: 1.0e8}
                """)
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        guard let dose = context.design.dose, let risk = context.risk, risk.doseShare.median >= 1,
            let stated = dose.carTCells ?? dose.carTCellsPerKilogram
        else { return [] }
        return [
            Finding(
                "the dose is at least the whole product the process is estimated to make: the whole product is taken as infused",
                at: stated.range,
                fix:
                    "check the dose and the process's yield (expansion, recoveries); a dose cannot exceed the cells made"
            )
        ]
    }
}
