import LintKit
import ProcessModel

/// A per-kg dose with no body weight: the estimate has to assume one.
struct BodyWeightNotStatedRule: Rule {
    let description = RuleDescription(
        id: "body-weight-not-stated",
        title: "Per-kg dose without a body weight",
        defaultSeverity: .warning,
        rationale: """
            A dose per kilogram becomes a number of cells only with a body weight. Without one the estimate \
            assumes a 70 kg adult, which understates the share of the product a heavier patient receives (and \
            so the malignant cells infused) and says nothing of paediatric patients. The assumption must be seen \
            where the process is reviewed, not only in the estimate's notes.
            """,
        references: [
            "Kymriah US prescribing information: weight-banded dosing (0.2 to 5.0 × 10^6 CAR-positive T cells per kg up to 50 kg)"
        ],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: per-kg dose, no weight
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction}
                dose: {car_t_cells_per_kg: ↓2.0e6}
                """,
                message: "the dose is 2000000 cells per kg with no body weight: the estimate assumes 70 kg",
                fix:
                    "add 'body_weight_kg' with the heaviest patient the process is for, or give the dose as 'car_t_cells'"
            )
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: per-kg dose for a stated weight
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction}
                dose: {car_t_cells_per_kg: 2.0e6, body_weight_kg: 25}
                """),
            RuleExample(
                """
                processlint: 1
                name: flat dose
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction}
                dose: {car_t_cells: 1.0e8}
                """),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        guard let dose = context.design.dose, let perKilogram = dose.carTCellsPerKilogram,
            dose.bodyWeightKilograms == nil
        else { return [] }
        return [
            Finding(
                "the dose is \(perKilogram.value.compactText) cells per kg with no body weight: the estimate assumes 70 kg",
                at: perKilogram.range,
                fix:
                    "add 'body_weight_kg' with the heaviest patient the process is for, or give the dose as 'car_t_cells'"
            )
        ]
    }
}
