import LintKit
import ProcessModel

/// A healthy donor's T cells keep their own T-cell receptor, and the file says neither that it is disrupted nor why not.
struct AllogeneicWithoutTCRDisruptionRule: Rule {
    let description = RuleDescription(
        id: "allogeneic-without-tcr-disruption",
        title: "Allogeneic T cells with an intact T-cell receptor",
        defaultSeverity: .warning,
        rationale: """
            A donor's T cells keep the T-cell receptors they were born with, and some of them recognise the \
            patient's tissues: graft-versus-host disease. Off-the-shelf products disrupt the receptor, by a \
            TRAC knockout (often with the CAR written into TRAC itself) or by a blocker that keeps CD3 inside \
            the cell. Some products keep it on purpose (donor-derived CAR T cells after a transplant from the \
            same donor, virus-specific T cells): the file then says why in 'product.tcr_intact_reason'.
            """,
        references: [
            "Qasim W et al., Sci Transl Med 2017;9(374):eaaj2013, DOI 10.1126/scitranslmed.aaj2013 (TALEN TRAC and CD52 editing of donor CAR T cells)",
            "Eyquem J et al., Nature 2017;543(7643):113, DOI 10.1038/nature21405 (a CAR targeted to the TRAC locus)",
            "Benjamin R et al., UCART19 in adults with relapsed or refractory B-ALL (CALM): a phase 1 dose-escalation trial",
            "Blood Adv 2018;2(5):517 (an anti-CD3 epsilon protein expression blocker removes the surface TCR)",
            "Blood 2023;142(2):146 (donor-derived CD19 CAR T cells after transplant, TCR intact: one GVHD in 13 patients)",
        ],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: donor T cells, TCR intact
                product: {car_target: CD19, vector: lentiviral, edits: [B2M]}
                indication: B-ALL
                starting_material: {kind: leukapheresis, donor: ↓allogeneic, composition: {T: 0.4, malignant: 0}}
                steps:
                  - {id: transduce, operation: transduction}
                """,
                message:
                    "the product is made from a donor's T cells, and nothing disrupts their own T-cell receptor: they can attack the patient (graft-versus-host disease)",
                fix:
                    "knock out the receptor (add TRAC to product.edits) or block it, or state why it stays in product.tcr_intact_reason"
            )
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: TRAC knocked out
                product: {car_target: CD19, vector: lentiviral, edits: [TRAC]}
                indication: B-ALL
                starting_material: {kind: leukapheresis, donor: allogeneic, composition: {T: 0.4, malignant: 0}}
                steps:
                  - {id: transduce, operation: transduction}
                """),
            RuleExample(
                """
                processlint: 1
                name: donor-derived after a transplant from the same donor
                product: {car_target: CD19, vector: lentiviral, tcr_intact_reason: the patient's own transplant donor (donor lymphocyte infusion)}
                indication: B-ALL
                starting_material: {kind: leukapheresis, donor: allogeneic, composition: {T: 0.4, malignant: 0}}
                steps:
                  - {id: transduce, operation: transduction}
                """),
            RuleExample(
                """
                processlint: 1
                name: autologous
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.01}}
                steps:
                  - {id: transduce, operation: transduction}
                """),
        ]
    )

    /// A blocker of CD3 keeps the TCR-CD3 complex from the surface, as a knockout does.
    static let cd3 = Marker(normalising: "CD3")

    func check(_ context: LintContext) -> [Finding] {
        let product = context.design.product
        guard let donor = context.design.startingMaterial.donor, donor.value == .allogeneic,
            !product.edits.contains(where: { $0.value.disruptsTCR }), product.targetBlocker?.value != Self.cd3,
            product.tcrIntactReason == nil
        else { return [] }
        return [
            Finding(
                "the product is made from a donor's T cells, and nothing disrupts their own T-cell receptor: they can attack the patient (graft-versus-host disease)",
                at: donor.range,
                related: [RelatedLocation("the product's edits go here", at: product.range)],
                fix:
                    "knock out the receptor (add TRAC to product.edits) or block it, or state why it stays in product.tcr_intact_reason"
            )
        ]
    }
}
