import LintKit
import ProcessModel
import ResidualModel

/// A site's eligibility limit admits patients whose malignant load the design cannot keep under the risk target.
struct EligibilityLimitUnsupportedRule: Rule {
    /// The largest malignant fraction of the nucleated cells at apheresis the site accepts for manufacture.
    static let malignantFraction = RuleOption(
        "malignant_fraction", default: 0, bounds: .fraction,
        "largest malignant fraction at apheresis the site accepts for manufacture; 0 states none, and nothing is checked"
    )
    /// The gate figure the design must stay under for a patient at that limit.
    static let threshold = RuleOption(
        "threshold", default: 1e-3, bounds: .fraction,
        "calibrated chance of a relapse from a CAR-carrying malignant cell the design must stay under at the limit")

    let description = RuleDescription(
        id: "eligibility-limit-unsupported",
        title: "Eligibility limit above what the design supports",
        defaultSeverity: .warning,
        rationale: """
            A site that states its eligibility limit, the largest share of malignant cells in a patient's \
            apheresis it accepts for manufacture, says which patients it will make this product for. λ, and with \
            it the calibrated chance of a relapse from a CAR-carrying malignant cell, grows in proportion to that \
            share, so a design that is safe for a patient in remission may not be for one with circulating blasts. \
            The rule estimates the design at the site's limit, all its other figures as the file states them, and \
            reports when the chance is above the threshold, with the largest share the design does keep under it: \
            the eligibility the design supports. Either the limit comes down to that share, or the design adds or \
            strengthens a purge (`processlint estimate --target` gives what each step must achieve). Nothing is \
            checked until the site states a limit (`malignant_fraction` in `.processlint.yml`).
            """,
        references: [
            "Ruella M et al., Nat Med 2018;24:1499-1503, DOI 10.1038/s41591-018-0201-9",
            "docs/estimate.md: required performance and eligibility",
        ],
        options: [malignantFraction, threshold],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: bead activation only, a site that accepts 5% blasts under a 0.01% target
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, total_nucleated_cells: 1.0e10, composition: {T: 0.3, malignant: ↓0.001}, malignant_markers: [CD19, CD10]}
                steps:
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-magnetic-beads}
                  - {id: transduce, operation: transduction}
                  - {id: expand, operation: expansion, days: 9}
                dose: {car_t_cells: 1.0e8}
                """,
                options: ["malignant_fraction": 0.05, "threshold": 1e-4],
                message:
                    "at the site's eligibility limit of 5% malignant cells at apheresis, the chance of a relapse from a CAR-carrying malignant cell is 0.057% (1 in 1800) averaged over the uncertainty, above 0.01%; the design stays under it only up to 0.88% (8.8e7 malignant cells)",
                fix:
                    "lower the eligibility limit to 0.88%, or add or strengthen a purge: 'processlint estimate --target 0.0001' gives the log reduction each step must achieve"
            )
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: bead activation only, no eligibility limit stated
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, total_nucleated_cells: 1.0e10, composition: {T: 0.3, malignant: 0.2}, malignant_markers: [CD19, CD10]}
                steps:
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-magnetic-beads}
                  - {id: transduce, operation: transduction}
                  - {id: expand, operation: expansion, days: 9}
                dose: {car_t_cells: 1.0e8}
                """),
            RuleExample(
                """
                processlint: 1
                name: CD4/CD8 selection and CD19 depletion, a site that accepts 5% blasts
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, total_nucleated_cells: 1.0e10, composition: {T: 0.3, malignant: 0.001}, malignant_markers: [CD19, CD10]}
                steps:
                  - {id: select, operation: positive-selection, markers: [CD4, CD8]}
                  - {id: deplete, operation: depletion, markers: [CD19]}
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-nanomatrix}
                  - {id: transduce, operation: transduction}
                  - {id: expand, operation: expansion, days: 9}
                dose: {car_t_cells: 1.0e8}
                """,
                options: ["malignant_fraction": 0.05]),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let limit = context.option(Self.malignantFraction)
        let threshold = context.option(Self.threshold)
        guard limit > 0, let risk = context.risk(atMalignantFraction: limit),
            risk.calibratedProbability.mean > threshold,
            let supported = context.eligibility(target: threshold, upTo: limit)
        else { return [] }
        let design = context.design
        let place =
            design.startingMaterial.composition[.malignant]?.range ?? design.startingMaterial.compositionRange
            ?? design.startingMaterial.range
        return [
            Finding(
                message(limit: limit, threshold: threshold, risk: risk, supported: supported), at: place,
                fix: fix(threshold: threshold, supported: supported), risk: risk)
        ]
    }

    private func message(limit: Double, threshold: Double, risk: Risk, supported: Eligibility) -> String {
        let under =
            supported.malignantFraction > 0
            ? "the design stays under it only up to \(FigureFormat.percent(supported.malignantFraction)) "
                + "(\(FigureFormat.count(supported.malignantCells)) malignant cells)"
            : "the design is above it at any malignant load"
        return "at the site's eligibility limit of \(FigureFormat.percent(limit)) malignant cells at apheresis, the "
            + "chance of a relapse from a CAR-carrying malignant cell is \(FigureFormat.chance(risk.calibratedProbability.mean)) "
            + "averaged over the uncertainty, above \(FigureFormat.percent(threshold)); \(under)"
    }

    private func fix(threshold: Double, supported: Eligibility) -> String {
        let lower =
            supported.malignantFraction > 0
            ? "lower the eligibility limit to \(FigureFormat.percent(supported.malignantFraction)), or " : ""
        return lower + "add or strengthen a purge: 'processlint estimate --target \(FigureFormat.plain(threshold))' "
            + "gives the log reduction each step must achieve"
    }
}
