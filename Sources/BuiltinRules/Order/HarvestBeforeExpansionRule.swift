import LintKit
import ProcessModel

/// A harvest comes before an expansion it should end.
struct HarvestBeforeExpansionRule: Rule {
    let description = RuleDescription(
        id: "harvest-before-expansion",
        title: "Harvest before expansion",
        defaultSeverity: .error,
        rationale: """
            The harvest collects the cells at the end of culture. A harvest followed by an expansion means the \
            steps are out of order, or the file leaves out the culture vessel the expansion happens in.
            """,
        references: [
            "Levine BL et al., Mol Ther Methods Clin Dev 2017;4:92 (PMC5363291), Fig. 1: the order of operations"
        ],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: harvest first
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-nanomatrix}
                  - {id: transduce, operation: transduction}
                  - {id: harvest, operation: ↓harvest}
                  - {id: expand, operation: expansion, days: 7}
                """,
                message: "step 'harvest' harvests before the expansion in step 'expand'",
                fix: "harvest after the last expansion")
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: harvest last
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction}
                  - {id: expand, operation: expansion, days: 7}
                  - {id: harvest, operation: harvest}
                """)
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let steps = context.design.steps
        guard let lastExpansion = steps.last(where: { $0.kind == .expansion }),
            let harvest = steps[..<lastExpansion.index].first(where: { $0.kind == .harvest })
        else { return [] }
        return [
            Finding(
                "step '\(harvest.id.value)' harvests before the expansion in step '\(lastExpansion.id.value)'",
                at: harvest.operation.range,
                fix: "harvest after the last expansion")
        ]
    }
}
