import LintKit
import ProcessModel

/// The process file states no dose.
struct DoseNotStatedRule: Rule {
    let description = RuleDescription(
        id: "dose-not-stated",
        title: "Dose not stated",
        defaultSeverity: .warning,
        rationale: """
            The dose decides what share of the product a patient receives, and so how many of its malignant \
            cells. Without it the estimate must assume the whole product is infused, which overstates the risk \
            of processes that make many more CAR T cells than they infuse.
            """,
        references: ["Kymriah US prescribing information: dose in CAR-positive viable T cells, by weight band"],
        triggering: [
            RuleExample(
                """
                ↓processlint: 1
                name: no dose
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction}
                """,
                message: "the process states no dose: the whole product is taken as infused",
                fix: "add 'dose:' with 'car_t_cells' or 'car_t_cells_per_kg'")
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: dose stated
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction}
                dose: {car_t_cells_per_kg: 2.0e6}
                """)
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        guard context.design.dose == nil else { return [] }
        // The file has no dose key to point at: point at its first key, where sections begin.
        let top = SourceRange(at: SourcePosition(line: context.design.formatVersion.range.start.line, column: 1))
        return [
            Finding(
                "the process states no dose: the whole product is taken as infused", at: top,
                fix: "add 'dose:' with 'car_t_cells' or 'car_t_cells_per_kg'")
        ]
    }
}
