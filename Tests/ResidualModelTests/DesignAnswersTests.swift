import Foundation
import ProcessModel
import Testing

@testable import ResidualModel

/// Issue 11, items 1, 2 and 5: the inverse answers checked forward, by writing them into the process file and
/// estimating again; steps that cannot act on malignant cells never proposed; a version against itself exactly 1.
@Suite struct DesignAnswersTests {
    /// 2,000 draws, as lint: the answers are solved and checked on the same draws, so fewer draws change the figures
    /// but not whether the forward check lands on the target.
    static let estimator: ResidualEstimator = {
        var estimator = ResidualEstimator.standard
        estimator.draws = 2_000
        return estimator
    }()

    /// A B-ALL process whose only enrichment is bead activation, with room for a step before it.
    static func text(malignant: Double = 0.02, before: String = "", activation: String = "") -> String {
        """
        processlint: 1
        name: answers
        product: {car_target: CD19, vector: lentiviral}
        indication: B-ALL
        starting_material: {kind: leukapheresis, total_nucleated_cells: 1.0e10, composition: {T: 0.3, malignant: \(malignant)}, malignant_markers: [CD19, CD10]}
        steps:
        \(before)  - {id: activate, operation: activation, reagent: anti-cd3-cd28-magnetic-beads\(activation)}
          - {id: transduce, operation: transduction}
          - {id: expand, operation: expansion, days: 9}
        dose: {car_t_cells: 1.0e8}
        """
    }

    static func gate(_ text: String) throws -> Double {
        let design = try Support.design(text)
        return try #require(estimator.risk(of: design)).calibratedProbability.mean
    }

    let target = 1e-4

    @Test func requiredLogReductionsLandOnTheTargetWhenWrittenIntoTheFile() throws {
        let design = try Support.design(Self.text())
        let answers = try #require(Self.estimator.answers(for: design, target: target))
        #expect(answers.gate.mean > target, "the design starts above the target, so every step has work to do")
        #expect(answers.steps.map(\.stepID) == ["activate", "cd19-depletion", "cd4-cd8-selection"])
        for step in answers.steps {
            let required = try #require(step.required, "\(step.stepID)")
            #expect(required > 0)
            let held = "performance: {malignant_log_depletion: \(required), source: test}"
            let validated = step.validated.map { "performance: {log_depletion: \($0), source: test}" }
            var forward: [(String, String)] = [("required", held)]
            validated.map { forward.append(("validated", $0)) }
            for (name, performance) in forward {
                let edited =
                    step.insertion == nil
                    ? Self.text(activation: ", \(performance)")
                    : Self.text(
                        before: "  - {id: \(step.stepID), operation: \(step.kind.rawValue), "
                            + "markers: [\(step.insertion!.markers.joined(separator: ", "))], \(performance)}\n")
                let gate = try Self.gate(edited)
                // The root find stops within 1e-4 of log10 P, or within 0.005 log of the reduction (about 1%).
                #expect(abs(gate / target - 1) < 0.02, "\(step.stepID) \(name): \(gate)")
            }
            // Validation keeps the run-to-run spread, and bad runs weigh in the mean: a depletion or selection
            // must be validated above what it must achieve.
            if step.kind != .activation, let validated = step.validated { #expect(validated > required) }
        }
    }

    @Test func theEligibilityThresholdLandsOnTheTargetWhenWrittenIntoTheFile() throws {
        let design = try Support.design(Self.text())
        let eligibility = try #require(Self.estimator.eligibility(of: design, target: target))
        #expect(!eligibility.unlimited && eligibility.malignantFraction < 0.02)
        #expect(eligibility.malignantCells == eligibility.malignantFraction * 1e10)
        let gate = try Self.gate(Self.text(malignant: eligibility.malignantFraction))
        #expect(abs(gate / target - 1) < 0.01, "\(gate)")
        // The gate figure rises with the malignant load: a little more is over the target.
        #expect(try Self.gate(Self.text(malignant: eligibility.malignantFraction * 1.05)) > target)
    }

    @Test func aDesignUnderTheTargetAtEveryLoadIsUnlimitedUpToTheComposition() throws {
        let design = try Support.design(Self.text(malignant: 1e-6))
        let eligibility = try #require(Self.estimator.eligibility(of: design, target: 0.5))
        #expect(eligibility.unlimited && eligibility.cap == 0.7 && eligibility.malignantFraction == 0.7)
    }

    /// A step that cannot act on malignant cells is never proposed: a CD3 selection of CD3-positive malignant cells,
    /// a depletion on a marker they lack, a depletion of the CAR's target after the gene transfer (the CAR hides
    /// it), a wash, the culture.
    @Test func aStepThatCannotActOnMalignantCellsIsNeverProposed() throws {
        let design = try Support.design(
            """
            processlint: 1
            name: T-ALL
            product: {car_target: CD7, vector: lentiviral}
            indication: T-ALL
            starting_material: {kind: leukapheresis, total_nucleated_cells: 1.0e10, composition: {T: 0.3, malignant: 0.05}, malignant_markers: [CD3, CD7, CD5]}
            steps:
              - {id: cd3-selection, operation: positive-selection, markers: [CD3]}
              - {id: cd19-depletion, operation: depletion, markers: [CD19]}
              - {id: wash, operation: wash}
              - {id: activate, operation: activation, reagent: anti-cd3-cd28-nanomatrix}
              - {id: transduce, operation: transduction}
              - {id: cd7-depletion-after, operation: depletion, markers: [CD7]}
              - {id: expand, operation: expansion, days: 9}
            dose: {car_t_cells: 1.0e8}
            """)
        let answers = try #require(Self.estimator.answers(for: design, target: 1e-4))
        let proposed = answers.steps.map(\.stepID)
        for id in ["cd3-selection", "cd19-depletion", "wash", "activate", "transduce", "cd7-depletion-after", "expand"]
        {
            #expect(!proposed.contains(id), "\(id) cannot act on the malignant cells: \(proposed)")
        }
        // The remedies' depletion of a malignant marker T cells lack is proposed, inserted before the activation; no
        // CD4/CD8 selection is, as the process already selects T cells there.
        #expect(answers.steps.allSatisfy { $0.insertion?.beforeStepID == "activate" }, "\(proposed)")
        #expect(answers.steps.contains { $0.kind == .depletion && $0.insertion != nil }, "\(proposed)")
    }

    @Test func aStepThatCannotReachTheTargetAloneSaysSoWithItsBest() throws {
        let design = try Support.design(Self.text(malignant: 0.2))
        let answers = try #require(Self.estimator.answers(for: design, target: 1e-6))
        let beads = try #require(answers.steps.first { $0.stepID == "activate" })
        #expect(!beads.reachesTarget)
        // Its best is its 95th-percentile run: the catalogue's high for the beads' carry-over above its central.
        let figure = Self.estimator.catalogue.magneticBeadActivation.nonTargetLogDepletion
        #expect(abs(beads.best - beads.current - (figure.high! - figure.central)) < 1e-9)
        #expect(beads.gateAtBest.mean > 1e-6)
    }

    @Test func aVersionAgainstItselfIsExactlyOneWithZeroWidth() throws {
        let design = try Support.design(Self.text())
        let ratio = try #require(Self.estimator.riskRatio(base: design, head: design))
        #expect(ratio.spread == Spread(median: 1, low: 1, high: 1, mean: 1))
        #expect(ratio.quantile(0.01) == 1 && ratio.quantile(0.99) == 1)
    }

    @Test func theRatioIsOneDistributionFromSharedDraws() throws {
        let without = try Support.design(Self.text())
        let with = try Support.design(
            Self.text(before: "  - {id: cd19-depletion, operation: depletion, markers: [CD19]}\n"))
        let ratio = try #require(Self.estimator.riskRatio(base: with, head: without))
        // Removing the depletion multiplies λ by 10^LR in every draw (less its T-cell loss, which raises the dose share):
        // the ratio spreads as the depletion alone does,
        // while the two versions' own intervals each span orders of magnitude more.
        let depletion = Self.estimator.catalogue.depletion.targetLogDepletion
        #expect(abs(log10(ratio.spread.median) - depletion.central) < 0.2, "\(ratio.spread)")
        #expect(abs(log10(ratio.spread.high) - depletion.high!) < 0.2, "\(ratio.spread)")
        let lambda = try #require(Self.estimator.risk(of: without)).lambda
        #expect(log10(ratio.spread.high / ratio.spread.low) < log10(lambda.high / lambda.low))
    }
}
