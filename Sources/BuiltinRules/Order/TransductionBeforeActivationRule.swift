import LintKit
import ProcessModel

/// A viral transduction comes before any activation.
struct TransductionBeforeActivationRule: Rule {
    let description = RuleDescription(
        id: "transduction-before-activation",
        title: "Transduction before activation",
        defaultSeverity: .error,
        rationale: """
            Resting T cells take up viral vectors poorly: VSV-G lentiviral entry needs the LDL receptor that \
            activation raises, and gamma-retroviral vectors need dividing cells. A transduction placed before \
            activation gives a product with few CAR-positive cells.
            """,
        references: [
            "Amirache F et al., Blood 2014 (LDL receptor and VSV-G lentiviral entry in resting lymphocytes)",
            "Blood 2003;101(5):1727 (gamma-retroviral vectors need mitosis)",
        ],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: vector first
                product: {car_target: CD19, vector: gamma-retroviral}
                indication: DLBCL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: ↓transduction}
                  - {id: activate, operation: activation, reagent: anti-cd3-antibody}
                """,
                message: "step 'transduce' transduces T cells before any activation",
                fix: "activate the T cells (anti-CD3/CD28) before the transduction, typically a day before")
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: activation first
                product: {car_target: CD19, vector: gamma-retroviral}
                indication: DLBCL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: activate, operation: activation, reagent: anti-cd3-antibody}
                  - {id: transduce, operation: transduction}
                """)
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let steps = context.design.steps
        guard let transduction = steps.first(where: { $0.kind == .transduction }),
            !steps[..<transduction.index].contains(where: { $0.kind == .activation })
        else { return [] }
        return [
            Finding(
                "step '\(transduction.id.value)' transduces T cells before any activation",
                at: transduction.operation.range,
                fix: "activate the T cells (anti-CD3/CD28) before the transduction, typically a day before")
        ]
    }
}
