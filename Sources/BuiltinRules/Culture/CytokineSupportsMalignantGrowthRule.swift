import LintKit
import ProcessModel
import ResidualModel

/// A culture cytokine is known to support the malignant cells of the indication, and malignant cells can be in culture.
struct CytokineSupportsMalignantGrowthRule: Rule {
    let description = RuleDescription(
        id: "cytokine-supports-malignant-growth",
        title: "Culture cytokine that feeds the malignant cells",
        defaultSeverity: .note,
        rationale: """
            The cytokines that make T cells grow in culture can make some malignant cells grow too: IL-7 \
            drives the viability and proliferation of T-ALL cells, IL-7 and IL-15 (and, less, IL-2) keep \
            Sezary cells alive, and IL-6 is a growth factor of myeloma cells. Where the starting material can \
            hold malignant cells of such a disease, the culture may feed the cells every separation step \
            tried to remove. The finding is a note citing the source; the estimate's culture figures for the \
            disease say how much it matters.
            """,
        references: [
            "Silva A et al., Cancer Res 2011;71(14):4780, DOI 10.1158/0008-5472.CAN-10-3606 (IL-7 and T-ALL)",
            "Zenatti PP et al., Nat Genet 2011;43(10):932, DOI 10.1038/ng.924 (IL7R gain-of-function mutations in T-ALL)",
            "Dobbeling U et al., Blood 1998;92(1):252 (IL-15 and IL-7 as viability factors of cutaneous T-cell lymphoma cells)",
            "Kawano M et al., Nature 1988;332(6159):83, DOI 10.1038/332083a0 (autocrine IL-6 in myeloma)",
            "design-facts.json: the cytokines by disease, each with its source",
        ],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: IL-7 in a T-ALL culture
                product: {car_target: CD7, vector: lentiviral, edits: [CD7]}
                indication: T-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.3, malignant: 0.05}}
                steps:
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-nanomatrix, cytokines: [↓IL-7, IL-15]}
                  - {id: transduce, operation: transduction}
                """,
                message:
                    "IL-7 in step 'activate' is known to support T-ALL cells (Silva A et al., Cancer Res 2011;71(14):4780 (DOI 10.1158/0008-5472.CAN-10-3606)), and the starting material can hold them: malignant cells left after separation may grow in culture",
                fix:
                    "check the estimate's culture figures for T-ALL; remove malignant cells before culture, or use a cytokine that does not feed them"
            ),
            RuleExample(
                """
                processlint: 1
                name: IL-6 in a myeloma culture
                product: {car_target: BCMA, vector: lentiviral}
                indication: multiple myeloma
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction}
                  - {id: expand, operation: expansion, days: 8, cytokines: [IL-2, ↓il6]}
                """),
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: no malignant cells in a donor's material
                product: {car_target: CD7, vector: lentiviral, edits: [CD7, TRAC]}
                indication: T-ALL
                starting_material: {kind: leukapheresis, donor: allogeneic, composition: {T: 0.4, malignant: 0}}
                steps:
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-nanomatrix, cytokines: [IL-7, IL-15]}
                  - {id: transduce, operation: transduction}
                """),
            RuleExample(
                """
                processlint: 1
                name: IL-2 in a B-ALL culture
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.3, malignant: 0.05}}
                steps:
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-nanomatrix, cytokines: [IL-2]}
                  - {id: transduce, operation: transduction}
                """),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let design = context.design
        guard design.startingMaterial.donorKind == .autologous, design.mayHoldMalignantCells,
            let disease = design.disease, let supported = disease.cytokines, !supported.isEmpty
        else { return [] }
        let sources = Dictionary(
            supported.map { (DesignFacts.cytokineKey($0.cytokine), $0) }, uniquingKeysWith: { first, _ in first })
        return design.steps.flatMap { step -> [Finding] in
            let cytokines: [Located<String>] =
                switch step.operation.value {
                case .activation(_, let cytokines), .expansion(_, _, let cytokines): cytokines
                default: []
                }
            return cytokines.compactMap { cytokine in
                guard let support = sources[DesignFacts.cytokineKey(cytokine.value)] else { return nil }
                // The citation is the source up to its first ': ', where the finding it reports begins.
                let citation =
                    support.source.range(of: ": ").map { String(support.source[..<$0.lowerBound]) } ?? support.source
                return Finding(
                    "\(support.cytokine) in step '\(step.id.value)' is known to support \(disease.name) cells (\(citation)), and the "
                        + "starting material can hold them: malignant cells left after separation may grow in culture",
                    at: cytokine.range,
                    fix:
                        "check the estimate's culture figures for \(disease.name); remove malignant cells before culture, "
                        + "or use a cytokine that does not feed them"
                )
            }
        }
    }
}
