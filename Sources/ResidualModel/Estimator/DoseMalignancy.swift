import Foundation
import ProcessModel

/// Every malignant cell in the dose, not only those that carry the CAR: the untransduced ones relapse too when the
/// CAR cannot kill them, and a share that lacks the CAR's target escapes it whatever it does.
public struct DoseMalignancy: Sendable {
    /// Malignant cells in the dose, carrying the CAR or not.
    public let malignant: Spread
    /// Of those, the cells that lack the CAR's target, when the file says a share of them does
    /// (`malignant_marker_negative`); `nil` otherwise.
    public let targetNegative: Spread?
    /// The target-negative cells' share of the malignant cells in the dose, in each draw; `nil` as above.
    public let targetNegativeShare: Spread?
    /// Malignant cells as a share of all cells in the product: what a release test samples.
    public let productFraction: Spread
    /// Malignant cells as a share of all cells after each step, at central figures: where an in-process test could
    /// still see them.
    public let steps: [StepFraction]
}

/// The malignant share of all cells after one step.
public struct StepFraction: Sendable, Hashable {
    public let stepID: String
    public let fraction: Double
}

/// Each draw's malignant cells in the dose, their share of the product, and λ: what `DoseMalignancy` summarises and
/// `ReleaseDetectability` weighs a test's chance of missing them by.
struct DoseSamples {
    var malignant: [Double] = []
    var negative: [Double] = []
    var fraction: [Double] = []
    var lambda: [Double] = []
}

extension ResidualEstimator {
    /// The whole malignant population in the dose; `nil` when the file states no malignant fraction.
    public func doseMalignancy(of design: ProcessDesign) -> DoseMalignancy? {
        doseSamples(of: design).map(\.0)
    }

    /// The summary and the draws behind it. Up to 20,000 draws of the run: each follows every population through
    /// every step (the release test samples all cells, not only those λ needs), and a percentile is stable to a few
    /// percent with that many.
    func doseSamples(of design: ProcessDesign) -> (DoseMalignancy, DoseSamples)? {
        guard Self.reasonForNoRisk(design) == nil, let stated = design.startingMaterial.composition[.malignant]?.value
        else { return nil }
        let negativeShare = design.startingMaterial.malignantMarkerNegative.first {
            $0.marker.value == design.product.carTarget.value
        }?.fraction.value
        // A target-negative subclone stays negative through every step, so it is followed apart from the positive
        // cells: a share redrawn at each step would let a depletion on the target remove negative cells too.
        let clones: [(balance: MassBalance, negative: Bool)] =
            if let negativeShare {
                [
                    (balance(design, targetPresence: true, fraction: stated * (1 - negativeShare)), false),
                    (balance(design, targetPresence: false, fraction: stated * negativeShare), true),
                ]
            } else {
                [(balance(design, steps: design.steps), false)]
            }
        let count = min(run.count, 20_000)
        let values = clones.map { clone in
            clone.balance.variables.map { Array(run.values($0.column, $0.distribution).prefix(count)) }
        }
        var samples = DoseSamples()
        for index in 0..<count {
            var malignant = 0.0
            var negative = 0.0
            var carrying = 0.0
            var others = 0.0
            var share = 1.0
            for (position, clone) in clones.enumerated() {
                let draw = values[position].map { $0[index] }
                guard let last = clone.balance.trace(at: draw).counts.last else { continue }
                let cells = (last[.malignant]?.plain ?? 0) + (last[.malignant]?.carrying ?? 0)
                malignant += cells
                if clone.negative { negative += cells }
                carrying += last[.malignant]?.carrying ?? 0
                // The other populations do not depend on the subclone: counted once.
                if position == 0 {
                    others = Self.nonMalignant(last)
                    share = Self.doseShare(clone.balance.dose, carT: last[.T]?.carrying ?? 0)
                }
            }
            samples.malignant.append(share * malignant)
            samples.negative.append(share * negative)
            samples.fraction.append(malignant + others > 0 ? malignant / (malignant + others) : 0)
            samples.lambda.append(clones[0].balance.integrates ? share * carrying : 0)
        }
        var malignant = samples.malignant
        var fraction = samples.fraction
        var negative = samples.negative
        var negativeShares = zip(samples.negative, samples.malignant).map { $1 > 0 ? $0 / $1 : 0 }
        let summary = DoseMalignancy(
            malignant: MonteCarlo.spread(&malignant),
            targetNegative: negativeShare == nil ? nil : MonteCarlo.spread(&negative),
            targetNegativeShare: negativeShare == nil ? nil : MonteCarlo.spread(&negativeShares),
            productFraction: MonteCarlo.spread(&fraction),
            steps: Self.stepFractions(clones.map(\.balance)))
        return (summary, samples)
    }

    /// The cells of every population but the malignant one, summed in a fixed order: in a dictionary's order, which
    /// changes from run to run, the last digit of the figures changed with it.
    private static func nonMalignant(_ counts: [Population: (plain: Double, carrying: Double)]) -> Double {
        Population.allCases.filter { $0 != .malignant }.reduce(0) {
            $0 + (counts[$1]?.plain ?? 0) + (counts[$1]?.carrying ?? 0)
        }
    }

    /// The share of the product infused: as `LambdaProgram` has it, the dose over the CAR T cells made, at most 1.
    private static func doseShare(_ dose: Double?, carT: Double) -> Double {
        dose.map { carT > 0 ? min(1, $0 / carT) : 1 } ?? 1
    }

    private func balance(_ design: ProcessDesign, targetPresence: Bool, fraction: Double) -> MassBalance {
        var builder = MassBalanceBuilder(design: design, catalogue: catalogue)
        builder.targetPresence = targetPresence
        return builder.build(steps: design.steps, malignantFraction: fraction)
    }

    /// The malignant share of all cells after each step, every figure at its median.
    private static func stepFractions(_ clones: [MassBalance]) -> [StepFraction] {
        let traces = clones.map { $0.trace(at: $0.centralDraw).counts }
        guard let first = clones.first else { return [] }
        return first.steps.indices.map { index in
            let malignant = traces.reduce(0) {
                $0 + ($1[index][.malignant]?.plain ?? 0) + ($1[index][.malignant]?.carrying ?? 0)
            }
            let others = nonMalignant(traces[0][index])
            return StepFraction(
                stepID: first.steps[index].stepID,
                fraction: malignant + others > 0 ? malignant / (malignant + others) : 0)
        }
    }
}
