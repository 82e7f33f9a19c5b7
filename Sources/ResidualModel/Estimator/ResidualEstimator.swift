import Foundation
import ProcessModel

/// Estimates the malignant cells that reach the dose and the chance that one of them carries the CAR.
///
/// Build one per catalogue and share it: it is a value, safe to use from many threads.
public struct ResidualEstimator: Sendable {
    public let catalogue: Catalogue
    let calibration: Calibration

    /// Monte Carlo settings for chains that are not a pure product of log-normal factors.
    public var draws = 100_000
    public var seed: UInt64 = 2018

    public init(catalogue: Catalogue, calibrationReference: ProcessDesign) {
        self.catalogue = catalogue
        calibration = Calibration(catalogue: catalogue, reference: calibrationReference)
    }

    /// The estimator with the bundled catalogue and calibration reference.
    public static let standard = ResidualEstimator(catalogue: .bundled, calibrationReference: Calibration.referenceDesign)

    /// κ: the calibration factor from physical λ to relapses, with its 90% interval.
    public var calibrationFactor: Spread { calibration.log10Kappa.spread }

    /// The full estimate: the step table, the risk, the sensitivity ranking and the remedies.
    public func estimate(_ design: ProcessDesign) -> ResidualEstimate {
        var builder = MassBalanceBuilder(design: design, catalogue: catalogue)
        let balance = builder.build(steps: design.steps)
        let risk = design.startingMaterial.composition[.malignant] == nil ? nil : self.risk(of: balance)
        return ResidualEstimate(
            startingCounts: balance.initial,
            steps: stepTable(balance),
            risk: risk,
            unavailable: risk == nil ? "the starting material states no malignant fraction ('composition: malignant')" : nil,
            assumptions: builder.assumptions,
            sensitivity: risk == nil ? [] : sensitivity(design, balance),
            remedies: remedies(for: design, withRisk: true)
        )
    }

    /// The risk figures alone, as the exact path gives them where it applies and Monte Carlo elsewhere.
    public func risk(of design: ProcessDesign) -> Risk? {
        guard design.startingMaterial.composition[.malignant] != nil else { return nil }
        return risk(of: balance(design, steps: design.steps))
    }

    /// The standard remedies applied to the design, and how much each lowers λ; with `withRisk`, also the
    /// full risk each would leave.
    public func remedies(for design: ProcessDesign, withRisk: Bool = false) -> [Remedy] {
        design.startingMaterial.composition[.malignant] == nil ? [] : WhatIf(design: design, estimator: self).remedies(withRisk: withRisk)
    }

    /// The risk by seeded Monte Carlo, whatever the chain: the cross-check of the exact path.
    public func monteCarloRisk(of design: ProcessDesign, draws: Int? = nil, seed: UInt64? = nil) -> Risk {
        MonteCarlo(balance: balance(design, steps: design.steps), log10Kappa: calibration.log10Kappa,
                   draws: draws ?? self.draws, seed: seed ?? self.seed).risk()
    }

    func balance(_ design: ProcessDesign, steps: [Step]) -> MassBalance {
        var builder = MassBalanceBuilder(design: design, catalogue: catalogue)
        return builder.build(steps: steps)
    }

    func risk(of balance: MassBalance) -> Risk {
        // No malignant cells, or a CAR that does not persist: nothing to estimate, and no draws needed.
        if (balance.initial[.malignant] ?? 0) == 0 || !balance.integrates {
            let zero = Spread(median: 0, low: 0, high: 0, mean: 0)
            let share = balance.lambda(at: balance.centralDraw).doseShare
            return Risk(method: .exact, doseShare: Spread(median: share, low: share, high: share, mean: share), lambda: zero,
                        probability: zero, calibratedLambda: zero, calibratedProbability: zero)
        }
        if let exact = ExactRisk(balance: balance, log10Kappa: calibration.log10Kappa) { return exact.risk() }
        return MonteCarlo(balance: balance, log10Kappa: calibration.log10Kappa, draws: draws, seed: seed).risk()
    }

    private func stepTable(_ balance: MassBalance) -> [StepEstimate] {
        let trace = balance.trace(at: balance.centralDraw)
        return zip(balance.steps, trace.counts).enumerated().map { index, pair in
            let (step, counts) = pair
            let malignant = balance.chain(.malignant, through: index + 1, carrying: false).logLinear?.normal
            let initial = balance.initial[.malignant].map(log10)
            return StepEstimate(
                stepID: step.stepID, kind: step.kind,
                counts: counts.mapValues { $0.plain + $0.carrying },
                malignantCarrying: counts[.malignant]?.carrying ?? 0,
                malignantInterval: malignant.flatMap { normal in
                    initial.map { start in pow10(start + normal.interval90.low)...pow10(start + normal.interval90.high) }
                }
            )
        }
    }

    /// Each step's effect on λ: the central λ without it, against the central λ with it.
    private func sensitivity(_ design: ProcessDesign, _ balance: MassBalance) -> [StepSensitivity] {
        let central = { (balance: MassBalance) in balance.lambda(at: balance.centralDraw).lambda }
        let base = central(balance)
        let exact = ExactRisk(balance: balance, log10Kappa: calibration.log10Kappa)
        return design.steps.enumerated().compactMap { index, step -> StepSensitivity? in
            // Without its gene transfer a process has no CAR to carry: not a remedy worth ranking.
            guard !step.kind.isGeneTransfer else { return nil }
            var steps = design.steps
            steps.remove(at: index)
            let without = central(self.balance(design, steps: steps))
            guard base > 0, without > 0 else { return nil }
            return StepSensitivity(stepID: step.id.value, log10Reduction: log10(without) - log10(base),
                                   varianceShare: exact?.varianceShare(ofStep: step.id.value))
        }
        .sorted { abs($0.log10Reduction) > abs($1.log10Reduction) }
    }
}

extension Normal {
    /// As a spread of 10^x: median, 90% interval and mean of the log-normal.
    var spread: Spread {
        let (low, high) = interval90
        return Spread(median: pow10(mean), low: pow10(low), high: pow10(high),
                      mean: pow10(mean + deviation * deviation * log(10) / 2))
    }
}
