import Foundation
import ProcessModel

/// The answers the estimate gives for a target: what each step that can remove malignant cells must achieve,
/// and the largest malignant load the design can take, each for the gate figure to stay under the target.
public struct TargetAnswers: Sendable {
    /// The target the gate figure must stay under, a probability.
    public let target: Double
    /// The gate figure of the design as it stands: `mean` is what `residual-tumour-risk` reads.
    public let gate: Spread
    /// Every step that can act on malignant cells, then the steps the remedies would insert, each with what it
    /// must achieve; a step that cannot act on malignant cells is never listed.
    public let steps: [RequiredPerformance]
    /// The largest malignant fraction at apheresis for which the design stays under the target.
    public let eligibility: Eligibility

    /// The figure the answers hold under the target, as the output names it.
    public static let gateFigure = "P(relapse from a CAR+ malignant cell), averaged over the uncertainty"
}

/// What one step must achieve against malignant cells for the gate figure to stay under a target, at the
/// design's other figures.
public struct RequiredPerformance: Sendable {
    /// The step's id; for an inserted step, the id the answer gives it (`cd19-depletion`).
    public let stepID: String
    public let kind: OperationKind
    /// The step a remedy would add, where this is one; `nil` for a step the design has.
    public let insertion: StepInsertion?
    /// The log10 reduction of malignant cells the step gives now, at central figures (for an inserted step, the
    /// catalogue's for its kind).
    public let current: Double
    /// The log10 reduction of malignant cells the step must achieve, held at that value (as a measured
    /// `malignant_log_depletion` is), for the gate figure to reach the target; `nil` when no value up to the
    /// format's 12 log gets there.
    public let required: Double?
    /// The median log depletion the step must be validated to (`performance: {log_depletion: …}`), which keeps the
    /// catalogue's run-to-run spread for steps of its kind, so it lies above `required`; `nil` where the format has no
    /// such figure for the step's effect on malignant cells (a density gradient, an elutriation) or none reaches.
    public let validated: Double?
    /// The most the step can be expected to do: its 95th-percentile run, from the catalogue's range for its kind.
    public let best: Double
    /// The gate figure with the step at its best.
    public let gateAtBest: Spread
    /// The gate figure with the step at `required`, its 90% interval the uncertainty that remains.
    public let gateAtRequired: Spread?

    /// Whether the step can bring the gate figure under the target on its own: what it must achieve is within
    /// what steps of its kind achieve.
    public var reachesTarget: Bool { required.map { $0 <= best } ?? false }
}

/// Solves for each step's required log reduction over the estimator itself: the step's figure is moved, the
/// design re-estimated, and bisection finds where the gate figure crosses the target. No second model.
struct RequiredPerformanceSolver {
    let design: ProcessDesign
    let estimator: ResidualEstimator
    let target: Double

    /// The highest log reduction the format lets a file state (`PerformanceFigure.bounds`).
    static let ceiling = 12.0
    /// Bisection stops within this many log10 units: a hundredth of a log moves the gate figure by about 2%.
    static let tolerance = 0.005

    func answers() -> [RequiredPerformance] {
        let existing = design.steps.indices.compactMap { index in
            answer(steps: design.steps, at: index, insertion: nil)
        }
        let inserted = WhatIf(design: design, estimator: estimator).insertions.compactMap { insertion in
            var steps = insertion.steps
            let step = steps[insertion.index]
            // The answer names the step as a site would: the inserted step's draws are keyed by this id.
            steps[insertion.index] = Step(
                id: Located(Self.insertedID(insertion.insertion), at: step.id.range), operation: step.operation,
                note: nil, performance: nil, range: step.range, index: step.index)
            return answer(steps: steps, at: insertion.index, insertion: insertion.insertion)
        }
        return existing + inserted
    }

    /// The id an inserted step takes: `cd19-depletion`, `cd4-cd8-selection`.
    static func insertedID(_ insertion: StepInsertion) -> String {
        let markers = insertion.markers.map { $0.lowercased() }.joined(separator: "-")
        return insertion.operation == .depletion ? "\(markers)-depletion" : "\(markers)-selection"
    }

    private func answer(steps: [Step], at index: Int, insertion: StepInsertion?) -> RequiredPerformance? {
        let step = steps[index]
        guard let governing = governingFigure(step), let current = actsOnMalignantCells(steps, at: index) else {
            return nil
        }
        var tried: [PerformanceFigure: [Double: Spread]] = [:]
        func gate(_ figure: PerformanceFigure, _ value: Double) -> Spread {
            if let known = tried[figure]?[value] { return known }
            var changed = steps
            changed[index] = Self.step(step, performance: [figure: value])
            let gate = estimator.risk(of: estimator.balance(design, steps: changed), design: design)
                .calibratedProbability
            tried[figure, default: [:]][value] = gate
            return gate
        }
        let required = solve { gate(.malignantLogDepletion, $0).mean }
        let best = current + max(0, (governing.high ?? governing.central) - governing.central)
        let validated =
            required == nil || !Self.validatedByLogDepletion(step.kind)
            ? nil : solve { gate(.logDepletion, $0).mean }
        return RequiredPerformance(
            stepID: step.id.value, kind: step.kind, insertion: insertion, current: current, required: required,
            validated: validated, best: best, gateAtBest: gate(.malignantLogDepletion, min(best, Self.ceiling)),
            gateAtRequired: required.map { gate(.malignantLogDepletion, $0) })
    }

    /// The smallest log reduction in 0...12 at which the gate figure is at most the target (within the root find's
    /// accuracy); `nil` when it is above it even at 12.
    private func solve(_ gate: (Double) -> Double) -> Double? {
        func excess(_ value: Double) -> Double { log10(gate(value)) - log10(target) }
        if excess(0) <= 0 { return 0 }
        guard excess(Self.ceiling) <= 0 else { return nil }
        return MonotoneBoundary.crossing(inside: Self.ceiling, outside: 0, tolerance: Self.tolerance, excess)
    }

    /// The step with its own figures and the stated ones: a measured malignant log depletion replaces whatever
    /// the step did to malignant cells, so it is dropped when the step's log depletion is tried instead.
    static func step(_ step: Step, performance: [PerformanceFigure: Double]) -> Step {
        var figures = step.performance?.figures ?? [:]
        if performance[.logDepletion] != nil { figures[.malignantLogDepletion] = nil }
        for (figure, value) in performance { figures[figure] = Located(value, at: step.range) }
        let source = Located("required performance (processlint estimate --target)", at: step.range)
        return Step(
            id: step.id, operation: step.operation, note: step.note,
            performance: PerformanceOverride(source: source, figures: figures, range: step.range), range: step.range,
            index: step.index)
    }

    /// The steps whose `log_depletion` is their effect on malignant cells where they can act on them: a depletion's
    /// target cells, a selection's and the beads' non-target cells.
    static func validatedByLogDepletion(_ kind: OperationKind) -> Bool {
        kind == .depletion || kind == .positiveSelection || kind == .activation
    }

    /// The catalogue figure that sets what a separation step does to malignant cells, whose range says how far
    /// steps of its kind go; `nil` for a step that is not a separation (culture, gene transfer, washes, freezing).
    private func governingFigure(_ step: Step) -> Figure? {
        let catalogue = estimator.catalogue
        switch step.operation.value {
        case .densityGradient: return catalogue.densityGradient.malignantLogDepletion
        case .elutriation: return catalogue.elutriation.malignantLogDepletion
        case .positiveSelection: return catalogue.positiveSelection.nonTargetLogDepletion
        case .depletion: return catalogue.depletion.targetLogDepletion
        case .activation(let reagent, _):
            return reagent.value.leavesMagneticBeads ? catalogue.magneticBeadActivation.nonTargetLogDepletion : nil
        default: return nil
        }
    }

    /// The step's log reduction of the malignant cells that matter at its place (before the gene transfer all of
    /// them; after it, those carrying the CAR, whose own CAR hides its target), when it removes them more than it
    /// removes T cells and λ moves with it; `nil` for a step that cannot act on them (a CD3 selection of a
    /// CD3-positive malignancy, a depletion on a marker they lack, a target depletion after the gene transfer).
    private func actsOnMalignantCells(_ steps: [Step], at index: Int) -> Double? {
        let balance = estimator.balance(design, steps: steps)
        let factors = balance.steps[index]
        let central = balance.centralDraw
        let transferred = steps[..<index].contains { $0.kind.isGeneTransfer }
        guard let malignant = factors.factor(for: .malignant, carrying: transferred)?.value(at: central),
            malignant > 0
        else { return nil }
        let tCells = factors.factors[.T]?.value(at: central) ?? 1
        // A hundredth of a log is rounding, not separation.
        guard log10(tCells) - log10(malignant) > 0.01 else { return nil }
        func lambda(_ value: Double) -> Double {
            var changed = steps
            changed[index] = Self.step(steps[index], performance: [.malignantLogDepletion: value])
            let balance = estimator.balance(design, steps: changed)
            return balance.lambda(at: balance.centralDraw).lambda
        }
        guard lambda(0) > lambda(Self.ceiling) * 1.001 else { return nil }
        return -log10(malignant)
    }
}

extension ResidualEstimator {
    /// For a target the gate figure must stay under: each step's required log reduction and the largest malignant
    /// fraction the design can take; `nil` when the design's risk cannot be estimated.
    ///
    /// - Precondition: `target` is a probability, strictly between 0 and 1.
    public func answers(for design: ProcessDesign, target: Double) -> TargetAnswers? {
        guard let risk = risk(of: design), let eligibility = eligibility(of: design, target: target) else {
            return nil
        }
        return TargetAnswers(
            target: target, gate: risk.calibratedProbability,
            steps: RequiredPerformanceSolver(design: design, estimator: self, target: target).answers(),
            eligibility: eligibility)
    }
}
