import LintKit
import ProcessModel
import ResidualModel

/// The file declares the malignant cells' markers, and the CAR's target is not among them.
struct CARTargetAbsentFromMalignantCellsRule: Rule {
    let description = RuleDescription(
        id: "car-target-absent-from-malignant-cells",
        title: "CAR target not among the malignant markers",
        defaultSeverity: .warning,
        rationale: """
            A CAR kills the cells that carry its target. When the file lists the markers of the malignant \
            cells and the target is not one of them, either the list is incomplete (a marker the disease \
            usually carries was left out, and every rule that reads the list reasons on a wrong phenotype) or \
            the product has nothing on these cells to bind, as after antigen loss (CD19-negative relapse after \
            a CD19-directed therapy). The message says which is likelier, from the markers the design facts give \
            the indication.
            """,
        references: [
            "Myers RM et al., J Clin Oncol 2022;40(9):932, DOI 10.1200/JCO.21.01405 (CD19 modulation after blinatumomab and CD19 CAR T cells)",
            "design-facts.json: the usual markers by disease, each with its source or 'assumption'",
        ],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: CD20 CAR over blasts declared without CD20
                product: {car_target: ↓CD20, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}, malignant_markers: [CD22, CD10, CD34]}
                steps:
                  - {id: transduce, operation: transduction}
                """,
                message:
                    "malignant_markers lacks the CAR's target CD20: either the list is incomplete or the product has nothing on these cells to bind",
                fix: "add CD20 to malignant_markers if the malignant cells carry it, or choose a target they carry"),
            RuleExample(
                """
                processlint: 1
                name: CD19 CAR over a phenotype without CD19
                product: {car_target: ↓CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}, malignant_markers: [CD22, CD10]}
                steps:
                  - {id: transduce, operation: transduction}
                """),
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: target declared
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}, malignant_markers: [CD19, CD10]}
                steps:
                  - {id: transduce, operation: transduction}
                """),
            RuleExample(
                """
                processlint: 1
                name: no markers declared
                product: {car_target: CD20, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}}
                steps:
                  - {id: transduce, operation: transduction}
                """),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let design = context.design
        let target = design.product.carTarget
        guard let markers = design.startingMaterial.malignantMarkers, let first = markers.first,
            !markers.contains(where: { $0.value == target.value })
        else { return [] }
        let related = [RelatedLocation("the malignant cells' markers", at: first.range)]
        if let disease = design.disease, disease.usualMarkers.contains(target.value.name) {
            return [
                Finding(
                    "malignant_markers lacks the CAR's target \(target.value), which \(disease.name) usually carries: "
                        + "the list may be incomplete, or these patients' cells have lost \(target.value)",
                    at: target.range, related: related,
                    fix:
                        "add \(target.value) to malignant_markers if the patients' cells carry it; if they have lost it, "
                        + "the product has nothing to bind on them: choose a target they carry"
                )
            ]
        }
        return [
            Finding(
                "malignant_markers lacks the CAR's target \(target.value): either the list is incomplete or the product has nothing on these cells to bind",
                at: target.range, related: related,
                fix:
                    "add \(target.value) to malignant_markers if the malignant cells carry it, or choose a target they carry"
            )
        ]
    }
}
