import LintKit
import ProcessModel

/// Magnetic activation beads are used, and no bead-removal step follows before formulation.
struct BeadRemovalMissingRule: Rule {
    let description = RuleDescription(
        id: "bead-removal-missing",
        title: "Activation beads not removed",
        defaultSeverity: .error,
        rationale: """
            Paramagnetic anti-CD3/CD28 beads must not be infused: processes that activate on them remove them \
            magnetically before formulation and test the product for residual beads.
            """,
        references: [
            "Wang X, Rivière I, Mol Ther Oncolytics 2016 (PMC4909095), Table 2: residual beads as a purity test",
            "Mol Cancer Ther 2021;20(5):846 (DOI 10.1158/1535-7163.MCT-20-0476), Table 2: fewer than 100 beads per 3e6 cells",
        ],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: beads left in
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: activate, operation: ↓activation, reagent: anti-cd3-cd28-magnetic-beads}
                  - {id: transduce, operation: transduction}
                  - {id: formulate, operation: formulation}
                """,
                message:
                    "step 'activate' activates on magnetic beads, but no bead-removal step follows before formulation",
                fix: "add a bead-removal step after culture and before formulation, and a residual-beads release test"),
            RuleExample(
                """
                processlint: 1
                name: beads removed after formulation
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: activate, operation: ↓activation, reagent: anti-cd3-cd28-magnetic-beads}
                  - {id: formulate, operation: formulation}
                  - {id: debead, operation: bead-removal}
                """),
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: beads removed
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-magnetic-beads}
                  - {id: debead, operation: bead-removal}
                  - {id: formulate, operation: formulation}
                """),
            RuleExample(
                """
                processlint: 1
                name: no magnetic beads
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-nanomatrix}
                  - {id: formulate, operation: formulation}
                """),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let steps = context.design.steps
        guard let beads = context.design.magneticBeadActivation else { return [] }
        let end = steps[beads.index...].firstIndex { $0.kind == .formulation } ?? steps.count
        guard !steps[beads.index..<end].contains(where: { $0.kind == .beadRemoval }) else { return [] }
        return [
            Finding(
                "step '\(beads.id.value)' activates on magnetic beads, but no bead-removal step follows before formulation",
                at: beads.operation.range,
                fix: "add a bead-removal step after culture and before formulation, and a residual-beads release test"
            )
        ]
    }
}
