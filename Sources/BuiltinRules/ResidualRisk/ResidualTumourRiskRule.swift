import Foundation
import LintKit
import ProcessModel
import ResidualModel

/// The estimated chance of a relapse from a CAR-carrying malignant cell is above the threshold.
struct ResidualTumourRiskRule: Rule {
    /// Calibrated P(relapse from a CAR-carrying malignant cell), averaged over the uncertainty, above which the rule reports.
    static let threshold = RuleOption("threshold", default: 1e-3, bounds: .fraction,
                                      "calibrated chance of a relapse from a CAR-carrying malignant cell above which to report")

    let description = RuleDescription(
        id: "residual-tumour-risk",
        title: "Residual tumour risk above threshold",
        defaultSeverity: .warning,
        rationale: """
            The residual-cell estimate follows malignant cells through every step and gives λ, the expected \
            number that carry the CAR in the dose, and the calibrated chance that one causes a relapse. Above \
            one in a thousand (averaged over the uncertainty) the design should add or strengthen a purge. \
            When the malignant cells carry the CAR's own target, a transduced one can hide it from the therapy \
            (the 2018 case), and the finding is an error.
            """,
        references: [
            "Ruella M et al., Nat Med 2018;24:1499-1503, DOI 10.1038/s41591-018-0201-9",
            "docs/estimate.md: the model, its calibration and its limits",
        ],
        options: [threshold],
        triggering: [
            RuleExample("""
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
                """),
        ],
        nonTriggering: [
            RuleExample("""
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
                """),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        guard let risk = context.risk, risk.calibratedProbability.mean > context.option(Self.threshold) else { return [] }
        let design = context.design
        let targetOnTumour = design.startingMaterial.malignantMarkers?.contains { $0.value == design.product.carTarget.value } ?? false
        let best = context.remedies().max { $0.lambdaReduction < $1.lambdaReduction }
        let where_ = design.dose?.range ?? design.steps.last?.range ?? SourceRange(at: .fileStart)
        let percent = FigureFormat.percent
        let scientific = FigureFormat.count
        return [Finding(
            "about \(scientific(risk.lambda.median)) CAR-carrying malignant cells reach the dose (90%: "
                + "\(scientific(risk.lambda.low))–\(scientific(risk.lambda.high))); chance of a relapse from one: "
                + "\(percent(risk.calibratedProbability.mean)) averaged over the uncertainty, "
                + "\(percent(risk.calibratedProbability.median)) at central figures",
            at: where_,
            fix: best.map { "\($0.description): it divides λ by \(scientific($0.lambdaReduction)) at central figures" },
            risk: risk,
            severity: targetOnTumour ? .error : nil
        )]
    }
}
