import LintKit
import ProcessModel

/// Malignant cells can be in the starting material, and nothing before the first gene transfer removes them.
struct NoTumourDepletionBeforeTransductionRule: Rule {
    let description = RuleDescription(
        id: "no-tumour-depletion-before-transduction",
        title: "No tumour depletion before transduction",
        defaultSeverity: .error,
        rationale: """
            A malignant cell that reaches the vector can take up the CAR gene. In the 2018 case a single \
            leukaemic B cell transduced with an anti-CD19 CAR hid its own CD19 and caused a fatal relapse. \
            Only a step before the gene transfer can prevent it: a depletion on a marker the malignant cells \
            carry, or a positive selection on T-cell markers they lack. After transduction, the CAR on a \
            malignant cell masks its target, so a later depletion on that antigen misses exactly those cells.
            """,
        references: [
            "Ruella M et al., Nat Med 2018;24:1499-1503, DOI 10.1038/s41591-018-0201-9",
            "Wang M et al., NEJM 2020;382:1331 (T-cell enrichment in brexucabtagene autoleucel manufacture)",
        ],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: bead activation only
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}, malignant_markers: [CD19, CD10]}
                steps:
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-magnetic-beads}
                  - {id: transduce, operation: ↓transduction}
                  - {id: expand, operation: expansion, days: 9}
                """,
                message: "step 'transduce' puts the CAR gene into cells, but no step before it removes malignant cells",
                fix:
                    "add a depletion on a marker the malignant cells carry, or a positive selection on T-cell markers they lack, before step 'activate'"
            ),
            RuleExample(
                """
                processlint: 1
                name: depletion placed after the vector
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}, malignant_markers: [CD19]}
                steps:
                  - {id: transduce, operation: ↓transduction}
                  - {id: deplete, operation: depletion, markers: [CD19]}
                """),
            RuleExample(
                """
                processlint: 1
                name: CD3 selection keeps a CD3-positive malignancy
                product: {car_target: CD7, vector: lentiviral}
                indication: T-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}, malignant_markers: [CD3, CD7]}
                steps:
                  - {id: select, operation: positive-selection, markers: [CD3]}
                  - {id: transduce, operation: ↓transduction}
                """),
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: CD19 depletion first
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}, malignant_markers: [CD19, CD10]}
                steps:
                  - {id: deplete, operation: depletion, markers: [CD19]}
                  - {id: transduce, operation: transduction}
                """),
            RuleExample(
                """
                processlint: 1
                name: CD4/CD8 selection first
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}, malignant_markers: [CD19, CD10]}
                steps:
                  - {id: select, operation: positive-selection, markers: [CD4, CD8]}
                  - {id: transduce, operation: transduction}
                """),
            RuleExample(
                """
                processlint: 1
                name: transient mRNA CAR
                product: {car_target: CD19, vector: mrna}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}}
                steps:
                  - {id: electroporate, operation: electroporation}
                """),
            RuleExample(
                """
                processlint: 1
                name: no malignant cells in the starting material
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0}}
                steps:
                  - {id: transduce, operation: transduction}
                """),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let design = context.design
        // A non-integrating payload (mRNA) fades from a malignant cell with its progeny: not the 2018 mechanism.
        guard design.mayHoldMalignantCells, design.product.vector.value.integrates,
            let transfer = design.firstGeneTransfer
        else { return [] }
        guard !design.steps[..<transfer.index].contains(where: design.removesMalignantCells) else { return [] }
        let insertion = design.steps[..<transfer.index].first { $0.kind == .activation } ?? transfer
        return [
            Finding(
                "step '\(transfer.id.value)' puts the CAR gene into cells, but no step before it removes malignant cells",
                at: transfer.operation.range,
                related: [
                    RelatedLocation("a depletion or a T-cell selection belongs before this step", at: insertion.range)
                ],
                fix:
                    "add a depletion on a marker the malignant cells carry, or a positive selection on T-cell markers they lack, "
                    + "before step '\(insertion.id.value)'"
            )
        ]
    }
}
