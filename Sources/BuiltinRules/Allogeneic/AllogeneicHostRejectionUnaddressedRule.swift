import LintKit
import ProcessModel

/// An allogeneic product says nothing about rejection by the patient's immune system.
struct AllogeneicHostRejectionUnaddressedRule: Rule {
    let description = RuleDescription(
        id: "allogeneic-host-rejection-unaddressed",
        title: "Allogeneic product with no answer to host rejection",
        defaultSeverity: .note,
        rationale: """
            The patient's T cells see a donor's HLA as foreign and can clear the CAR T cells before they act. \
            Products answer this differently: an edit that removes HLA class I (B2M) or class II (CIITA) or \
            one HLA gene, or a CD52 knockout with alemtuzumab added to the lymphodepletion, or a stronger \
            lymphodepletion alone. The field has no single answer, so this is a note: the file should say \
            which answer the product relies on, in 'product.edits' or 'product.lymphodepletion'.
            """,
        references: [
            "Torikai H et al., Blood 2013;122(8):1341 (HLA-A disrupted in donor T cells by zinc finger nucleases)",
            "Qasim W et al., Sci Transl Med 2017;9(374):eaaj2013, DOI 10.1126/scitranslmed.aaj2013 (CD52 knockout with anti-CD52 serotherapy)",
            "Benjamin R et al., UCART19 in adults with relapsed or refractory B-ALL (CALM): fludarabine and cyclophosphamide with or without alemtuzumab",
        ],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: donor cells, nothing about rejection
                product: {car_target: CD19, vector: lentiviral, edits: [TRAC]}
                indication: B-ALL
                starting_material: {kind: leukapheresis, donor: ↓allogeneic, composition: {T: 0.4, malignant: 0}}
                steps:
                  - {id: transduce, operation: transduction}
                """,
                message:
                    "the product is made from a donor's cells, and the file says nothing of how they escape rejection by the patient",
                fix:
                    "state the answer the product relies on: an HLA edit in product.edits (B2M, CIITA, HLA-A, or CD52 with alemtuzumab) or the regimen in product.lymphodepletion"
            )
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: HLA class I removed
                product: {car_target: CD19, vector: lentiviral, edits: [TRAC, B2M]}
                indication: B-ALL
                starting_material: {kind: leukapheresis, donor: allogeneic, composition: {T: 0.4, malignant: 0}}
                steps:
                  - {id: transduce, operation: transduction}
                """),
            RuleExample(
                """
                processlint: 1
                name: lymphodepletion stated
                product: {car_target: CD19, vector: lentiviral, edits: [TRAC], lymphodepletion: fludarabine and cyclophosphamide}
                indication: B-ALL
                starting_material: {kind: leukapheresis, donor: allogeneic, composition: {T: 0.4, malignant: 0}}
                steps:
                  - {id: transduce, operation: transduction}
                """),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let product = context.design.product
        guard let donor = context.design.startingMaterial.donor, donor.value == .allogeneic,
            !product.edits.contains(where: { $0.value.addressesHostRejection }), product.lymphodepletion == nil
        else { return [] }
        return [
            Finding(
                "the product is made from a donor's cells, and the file says nothing of how they escape rejection by the patient",
                at: donor.range,
                fix:
                    "state the answer the product relies on: an HLA edit in product.edits (B2M, CIITA, HLA-A, or CD52 with alemtuzumab) "
                    + "or the regimen in product.lymphodepletion"
            )
        ]
    }
}
