import LintKit
import ProcessModel

/// Cells are expanded before the CAR gene is put into them.
struct ExpansionBeforeTransductionRule: Rule {
    let description = RuleDescription(
        id: "expansion-before-transduction",
        title: "Expansion before transduction",
        defaultSeverity: .warning,
        rationale: """
            The CAR gene goes in early, a day or two after activation, so that the culture expands \
            CAR-positive cells. Expanding first spends the culture on cells that never carry the CAR and \
            transduces older, more differentiated cells, which persist less well in the patient.
            """,
        references: [
            "PMC8274631: CART19 harvested at day 3 or 5 was less differentiated and more potent in mice than day-9 cells"
        ],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: expansion first
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-nanomatrix}
                  - {id: expand, operation: ↓expansion, days: 7}
                  - {id: transduce, operation: transduction}
                """,
                message: "step 'expand' expands the cells before the gene transfer in step 'transduce'",
                fix: "move the gene transfer before the expansion, soon after activation")
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: vector first
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-nanomatrix}
                  - {id: transduce, operation: transduction}
                  - {id: expand, operation: expansion, days: 7}
                """)
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let steps = context.design.steps
        guard let transfer = context.design.firstGeneTransfer,
            let expansion = steps[..<transfer.index].first(where: { $0.kind == .expansion })
        else { return [] }
        return [
            Finding(
                "step '\(expansion.id.value)' expands the cells before the gene transfer in step '\(transfer.id.value)'",
                at: expansion.operation.range,
                fix: "move the gene transfer before the expansion, soon after activation")
        ]
    }
}
