import LintKit
import ProcessModel

/// A step follows a cryopreservation without a thaw between them.
struct StepAfterCryopreservationRule: Rule {
    let description = RuleDescription(
        id: "step-after-cryopreservation",
        title: "Processing after cryopreservation without a thaw",
        defaultSeverity: .error,
        rationale: """
            Cryopreservation ends processing: the frozen product is released and thawed at the bedside. A frozen \
            intermediate can be processed further only after a thaw; any other step directly after a \
            cryopreservation is out of order.
            """,
        references: [
            "FDA, Considerations for the Development of CAR T Cell Products, January 2024 (fresh and cryopreserved products)"
        ],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: wash after freezing
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: freeze, operation: cryopreservation}
                  - {id: wash, operation: ↓wash}
                """,
                message: "step 'wash' follows the cryopreservation in step 'freeze' without a thaw",
                fix: "add a thaw before step 'wash', or move the cryopreservation to the end")
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: frozen intermediate thawed
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: freeze, operation: cryopreservation}
                  - {id: thaw, operation: thaw}
                  - {id: wash, operation: wash}
                  - {id: final-freeze, operation: cryopreservation}
                """)
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        zip(context.design.steps, context.design.steps.dropFirst()).compactMap { previous, step in
            guard previous.kind == .cryopreservation, step.kind != .thaw else { return nil }
            return Finding(
                "step '\(step.id.value)' follows the cryopreservation in step '\(previous.id.value)' without a thaw",
                at: step.operation.range,
                related: [RelatedLocation("the cells are frozen here", at: previous.operation.range)],
                fix: "add a thaw before step '\(step.id.value)', or move the cryopreservation to the end")
        }
    }
}
