import LintKit
import ProcessModel
import ResidualModel

/// The file's indication is not a disease the catalogue holds malignant-cell biology for.
struct IndicationNotInCatalogueRule: Rule {
    let description = RuleDescription(
        id: "indication-not-in-catalogue",
        title: "Indication not in the catalogue",
        defaultSeverity: .warning,
        rationale: """
            Malignant cells fare differently by disease: B-ALL blasts die fast in T-cell culture, CLL cells \
            slowly, T-ALL blasts may grow; myeloma cells take up a lentiviral vector well and survive a freeze \
            badly. The estimate takes these figures from the catalogue's set for the file's indication. An \
            indication the catalogue does not know gets the widest range of every figure, which widens the \
            estimate and may hide a misspelled disease: the finding names the closest diseases the catalogue holds.
            """,
        references: [
            "Manabe A et al., Blood 1992 (B-ALL blasts without stroma); Collins RJ et al., Br J Haematol 1989 (CLL cells in culture)",
            "docs/estimate.md: malignant-cell biology by disease",
        ],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: misspelled indication
                product: {car_target: CD19, vector: lentiviral}
                indication: ↓B-AL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction}
                """,
                message:
                    "indication 'B-AL' is not in the catalogue: the estimate gives its malignant cells the widest range of "
                    + "every figure; did you mean 'B-ALL'?",
                fix:
                    "write one of the catalogue's diseases ('B-ALL', 'CLL', 'FL', 'LBCL', 'MCL', 'T-ALL', 'T-cell lymphoma', "
                    + "'multiple myeloma'), or a name it lists for one")
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: known indication, written with a qualifier
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL, CD19-negative relapse
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction}
                """)
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let indication = context.design.indication
        let resolved = context.indication
        guard !resolved.isKnown else { return [] }
        let known = context.catalogue.knownIndications.map { "'\($0)'" }.joined(separator: ", ")
        let closest =
            resolved.closest.isEmpty
            ? "" : "; did you mean " + resolved.closest.map { "'\($0)'" }.joined(separator: " or ") + "?"
        return [
            Finding(
                "indication '\(indication.value)' is not in the catalogue: the estimate gives its malignant cells the widest "
                    + "range of every figure\(closest)",
                at: indication.range,
                fix: "write one of the catalogue's diseases (\(known)), or a name it lists for one"
            )
        ]
    }
}
