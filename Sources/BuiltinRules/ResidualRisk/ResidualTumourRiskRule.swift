import Foundation
import LintKit
import ProcessModel
import ResidualModel

/// The estimated chance of a relapse from a CAR-carrying malignant cell is above the threshold.
struct ResidualTumourRiskRule: Rule {
    /// Calibrated P(relapse from a CAR-carrying malignant cell), averaged over the uncertainty that remains after
    /// the calibration (what differs from the reference, and the record's own), above which the rule reports.
    static let threshold = RuleOption(
        "threshold", default: 1e-3, bounds: .fraction,
        "calibrated chance of a relapse from a CAR-carrying malignant cell above which to report")

    let description = RuleDescription(
        id: "residual-tumour-risk",
        title: "Residual tumour risk above threshold",
        defaultSeverity: .warning,
        rationale: """
            The residual-cell estimate follows malignant cells through every step and gives λ, the expected \
            number that carry the CAR in the dose. The gate reads the calibrated chance that one causes a \
            relapse, averaged over the uncertainty: the recorded event rate of the academic CTL019 B-ALL cohort \
            (one case in about 200 patients) times the design's λ relative to that reference process over its \
            cohort's blast loads and doses, both computed from the same draws of every figure. This figure is \
            consistent with the record by construction: for the reference process itself it returns the \
            recorded rate, and figures the design shares with the reference cancel, so only what differs adds \
            spread. It assumes that the chance a CAR-carrying malignant cell in the dose causes a relapse is the \
            same for every process; for a disease with no calibration cohort it borrows the B-ALL rate and says \
            so. The physical λ alone is not used: with the literature's figures it predicts far more events than \
            the record shows. Above one in a thousand the design should add or strengthen a purge. When the \
            malignant cells carry the CAR's own target, a transduced one can hide it from the therapy (the 2018 \
            case), and the finding is an error.
            """,
        references: [
            "Ruella M et al., Nat Med 2018;24:1499-1503, DOI 10.1038/s41591-018-0201-9",
            "docs/estimate.md: the model, its calibration and its limits",
        ],
        options: [threshold],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: bead activation only, circulating blasts
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, total_nucleated_cells: 1.0e10, composition: {T: 0.3, malignant: 0.2}, malignant_markers: [CD19, CD10]}
                steps:
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-magnetic-beads}
                  - {id: transduce, operation: transduction}
                  - {id: expand, operation: expansion, days: 9}
                dose: ↓{car_t_cells: 1.0e8}
                """,
                message:
                    "about 3.2e4 CAR-carrying malignant cells reach the dose (90%: 1.9e2–1.3e7), 2.3e0 times the reference cohort's; chance of a relapse from one: 0.23% (1 in 440) averaged over the uncertainty (calibrated on the academic CTL019 B-ALL cohort: CHOP 166 and Penn 35 patients, one event)",
                fix: "add a CD4/CD8 T-cell selection before step 'activate': it divides λ by 1.7e2 at central figures")
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: CD4/CD8 selection and CD19 depletion
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, total_nucleated_cells: 1.0e10, composition: {T: 0.3, malignant: 0.01}, malignant_markers: [CD19, CD10]}
                steps:
                  - {id: select, operation: positive-selection, markers: [CD4, CD8]}
                  - {id: deplete, operation: depletion, markers: [CD19]}
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-nanomatrix}
                  - {id: transduce, operation: transduction}
                  - {id: expand, operation: expansion, days: 9}
                dose: {car_t_cells: 1.0e8}
                """)
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        guard let stated = context.risk else { return [] }
        // A step that lists alternatives leaves the design open: it is judged by its worst choice, named.
        let alternatives = context.design.steps.contains { !$0.alternatives.isEmpty } ? context.alternatives() : []
        let worst = alternatives.worst
        let risk = worst?.risk ?? stated
        guard risk.calibratedProbability.mean > context.option(Self.threshold) else { return [] }
        let design = context.design
        let targetOnTumour =
            design.startingMaterial.malignantMarkers?.contains { $0.value == design.product.carTarget.value } ?? false
        let where_ = design.dose?.range ?? design.steps.last?.range ?? SourceRange(at: .fileStart)
        let scientific = FigureFormat.count
        let calibration =
            risk.calibrationCohort.map { "calibrated on the \($0)" }
            ?? "borrowed from the B-ALL calibration: '\(design.indication.value)' has no cohort of its own"
        let choice =
            worst.map { worst in
                let bracket =
                    alternatives.lambdaBracket.map {
                        " (their median λ spans \(scientific($0.lowerBound))–\(scientific($0.upperBound)))"
                    } ?? ""
                return "with \(worst.label), the worst of \(alternatives.count) choices\(bracket), "
            } ?? ""
        return [
            Finding(
                "\(choice)about \(scientific(risk.lambda.median)) CAR-carrying malignant cells reach the dose (90%: "
                    + "\(scientific(risk.lambda.low))–\(scientific(risk.lambda.high))), \(scientific(risk.relativeRisk.median)) times "
                    + "the reference cohort's; chance of a relapse from one: \(FigureFormat.chance(risk.calibratedProbability.mean)) "
                    + "averaged over the uncertainty (\(calibration))",
                at: where_,
                // The best remedy costs three more mass balances: worked out only if the fix is shown.
                fixWhenShown: {
                    context.remedies().max { $0.lambdaReduction < $1.lambdaReduction }.map {
                        "\($0.description): it divides λ by \(FigureFormat.count($0.lambdaReduction)) at central figures"
                    }
                },
                risk: risk,
                severity: targetOnTumour ? .error : nil
            )
        ]
    }
}
