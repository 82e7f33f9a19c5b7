import LintKit
import ProcessModel
import ResidualModel

/// The release test for residual malignant cells cannot see the malignant cells the estimate says may be in the dose.
struct ReleaseTestCannotDetectResidualRule: Rule {
    /// The chance that a lot carrying a CAR-carrying malignant cell passes the test, above which the rule reports.
    static let missed = RuleOption(
        "missed", default: 0.05, bounds: .fraction,
        "chance that a lot whose dose carries a CAR-carrying malignant cell passes the test, above which to report")
    /// The chance that the dose carries at least one CAR-carrying malignant cell (physical, averaged over the
    /// uncertainty), below which the test has nothing to see and the rule stays silent.
    static let presence = RuleOption(
        "presence", default: 0.01, bounds: .fraction,
        "chance of at least one CAR-carrying malignant cell in the dose below which the test has nothing to find")

    let description = RuleDescription(
        id: "release-test-cannot-detect-residual",
        title: "Release test cannot see the residual malignant cells the estimate leaves",
        defaultSeverity: .warning,
        rationale: """
            A release test for residual malignant cells reads a sample of the product: a flow cytometer acquires \
            cells, a qPCR or ddPCR for a clonal marker reads genome equivalents, and each sees a Poisson number of \
            malignant events. One CAR-carrying malignant cell can be enough for a relapse (Ruella 2018), yet a few \
            such cells among 1e10 are a fraction no method reaches: the test passes the lot. The estimate gives the \
            chance that a lot whose dose carries at least one such cell passes the test, from the method's stated \
            limit of detection. Where that chance is high, the release test is no control of this risk: the \
            malignant cells must be seen where they are still a large share of the cells, by an in-process test \
            after the last step that leaves them above the method's limit, or removed before the gene transfer.
            """,
        references: [
            "Ruella M et al., Nat Med 2018;24:1499-1503, DOI 10.1038/s41591-018-0201-9",
            "CLSI EP17-A2: limit of detection as the level detected in 95% of tests",
            "docs/estimate.md: the release test as Poisson sampling",
        ],
        options: [missed, presence],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: bead activation only, flow test of the product
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, total_nucleated_cells: 1.0e10, composition: {T: 0.3, malignant: 0.2}, malignant_markers: [CD19, CD10]}
                steps:
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-magnetic-beads}
                  - {id: transduce, operation: transduction}
                  - {id: expand, operation: expansion, days: 9}
                dose: {car_t_cells: 1.0e8}
                release_tests: [{test: residual-malignant-cells, max: 1.0e-4, detection: ↓{limit_of_detection: 1.0e-4}}]
                """,
                message:
                    "the residual-malignant-cells test passes 21% of lots whose dose carries a CAR-carrying malignant "
                    + "cell (99.98% of lots do): malignant cells are 1.1e-3 of the product's cells (90%: 9.0e-6–2.4e-1), "
                    + "against the test's limit 2.1e-4",
                fix:
                    "test for malignant cells in process after step 'transduce', where they are still 3.5e-2 of the "
                    + "cells, or remove them before the gene transfer"),
            RuleExample(
                """
                processlint: 1
                name: a clonal ddPCR, 3 positive droplets in 1e5 genome equivalents
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, total_nucleated_cells: 1.0e10, composition: {T: 0.3, malignant: 0.05}, malignant_markers: [CD19, CD10]}
                steps:
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-magnetic-beads}
                  - {id: transduce, operation: transduction}
                  - {id: expand, operation: expansion, days: 9}
                dose: {car_t_cells: 1.0e8}
                release_tests:
                  - test: residual-malignant-cells
                    method: ddPCR for the clonal IGH rearrangement
                    detection: ↓{events: 3, acquired_events: 1.0e5}
                """),
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: no limit of detection stated
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, total_nucleated_cells: 1.0e10, composition: {T: 0.3, malignant: 0.2}, malignant_markers: [CD19, CD10]}
                steps:
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-magnetic-beads}
                  - {id: transduce, operation: transduction}
                  - {id: expand, operation: expansion, days: 9}
                dose: {car_t_cells: 1.0e8}
                release_tests: [{test: residual-malignant-cells, max: 1.0e-4, method: flow cytometry}]
                """),
            RuleExample(
                """
                processlint: 1
                name: mRNA CAR, nothing carries the CAR for the test to miss
                product: {car_target: CD19, vector: mrna}
                indication: B-ALL
                starting_material: {kind: leukapheresis, total_nucleated_cells: 1.0e10, composition: {T: 0.3, malignant: 0.2}, malignant_markers: [CD19, CD10]}
                steps:
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-magnetic-beads}
                  - {id: electroporate, operation: electroporation, payload: mrna}
                  - {id: expand, operation: expansion, days: 2}
                dose: {car_t_cells: 1.0e8}
                release_tests: [{test: residual-malignant-cells, detection: {limit_of_detection: 1.0e-4}}]
                """),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        guard let test = context.design.releaseTest(.residualMalignantCells), let stated = test.detection,
            let risk = context.risk, risk.probability.mean >= context.option(Self.presence),
            let detection = context.releaseDetectability(), let passing = detection.passGivenCarrying,
            passing > context.option(Self.missed)
        else { return [] }
        let count = FigureFormat.count
        let fraction = detection.fractionOverLimit
        let step = detection.inProcessStep.flatMap { share in
            context.design.step(withID: share.stepID).map { ($0, share) }
        }
        let related = step.map { step, share in
            [
                RelatedLocation(
                    "malignant cells are still \(count(share.fraction)) of the cells after this step, at or above the "
                        + "method's limit of detection \(count(detection.limitOfDetection))", at: step.id.range)
            ]
        }
        return [
            Finding(
                "the residual-malignant-cells test passes \(FigureFormat.percent(passing)) of lots whose dose carries "
                    + "a CAR-carrying malignant cell (\(FigureFormat.percent(risk.probability.mean)) of lots do): "
                    + "malignant cells are \(count(fraction.median * detection.limit)) of the product's cells "
                    + "(90%: \(count(fraction.low * detection.limit))–\(count(fraction.high * detection.limit))), "
                    + "against the test's limit \(count(detection.limit))",
                at: stated.range, related: related ?? [],
                fix: step.map { step, share in
                    "test for malignant cells in process after step '\(step.id.value)', where they are still "
                        + "\(count(share.fraction)) of the cells, or remove them before the gene transfer"
                }
                    ?? "no step leaves malignant cells at the method's limit of detection "
                    + "\(count(detection.limitOfDetection)): use a more sensitive method (more acquired events), or "
                    + "remove them before the gene transfer",
                risk: risk)
        ]
    }
}
