import Foundation
import ProcessModel

/// Who a design can treat: the largest malignant load at apheresis for which its gate figure stays under a target.
public struct Eligibility: Sendable {
    /// The target the gate figure must stay under.
    public let target: Double
    /// The largest malignant fraction of the nucleated cells at apheresis that keeps the gate figure under the
    /// target; `cap` when the design stays under it at every fraction the composition leaves room for.
    public let malignantFraction: Double
    /// The same as a count of malignant cells, at the file's total nucleated cells.
    public let malignantCells: Double
    /// The largest fraction considered: the most the composition leaves room for (one minus the other populations it
    /// states), or a site's own limit.
    public let cap: Double
    /// The gate figure at `malignantFraction`.
    public let gateAtLimit: Spread
    /// The malignant fraction the file states.
    public let statedFraction: Double

    /// Whether the design stays under the target whatever the malignant load the composition leaves room for.
    public var unlimited: Bool { malignantFraction >= cap }
}

extension ResidualEstimator {
    /// The largest malignant fraction at apheresis for which the design's gate figure stays under `target`, at the
    /// design's other figures; `nil` when the design's risk cannot be estimated.
    ///
    /// λ is proportional to the malignant cells at the start, draw by draw, so the gate figure rises with the
    /// fraction: a bracketed root find on its log10 finds the boundary over the estimator itself.
    /// - Parameter upTo: the largest fraction to consider (a site's own eligibility limit); by default the most the
    ///   composition leaves room for, one minus the other populations it states.
    public func eligibility(of design: ProcessDesign, target: Double, upTo: Double? = nil) -> Eligibility? {
        guard Self.reasonForNoRisk(design) == nil, let stated = design.startingMaterial.composition[.malignant]?.value
        else { return nil }
        // Summed in a fixed order: a dictionary's order changes from run to run, and with it the last digit.
        let others = Population.allCases.filter { $0 != .malignant }.reduce(0) {
            $0 + (design.startingMaterial.composition[$1]?.value ?? 0)
        }
        let cap = upTo ?? max(stated, min(1, 1 - others))
        // Below a cell in a hundred billion no leukapheresis has a malignant cell to carry over.
        let floor = 1e-12
        var tried: [Double: Spread] = [:]
        func gate(_ log10Fraction: Double) -> Spread {
            if let known = tried[log10Fraction] { return known }
            let gate = self.gate(of: design, malignantFraction: pow10(log10Fraction))
            tried[log10Fraction] = gate
            return gate
        }
        func excess(_ log10Fraction: Double) -> Double { log10(gate(log10Fraction).mean) - log10(target) }
        let log10Limit: Double
        if excess(log10(cap)) <= 0 {
            log10Limit = log10(cap)
        } else if excess(log10(floor)) > 0 {
            log10Limit = -.infinity
        } else {
            // A thousandth of a log10 is a quarter of a percent of the fraction.
            log10Limit = MonotoneBoundary.crossing(
                inside: log10(floor), outside: log10(cap), tolerance: 0.001, excess)
        }
        let fraction = log10Limit == -.infinity ? 0 : min(cap, pow10(log10Limit))
        let total = design.startingMaterial.totalNucleatedCells?.value ?? 1e10
        return Eligibility(
            target: target, malignantFraction: fraction, malignantCells: fraction * total, cap: cap,
            gateAtLimit: log10Limit == -.infinity ? self.gate(of: design, malignantFraction: 0) : gate(log10Limit),
            statedFraction: stated)
    }

    /// The risk of the design at another malignant fraction at apheresis, all else as the file states.
    public func risk(of design: ProcessDesign, malignantFraction: Double) -> Risk? {
        guard Self.reasonForNoRisk(design) == nil else { return nil }
        var builder = MassBalanceBuilder(design: design, catalogue: catalogue)
        return risk(of: builder.build(steps: design.steps, malignantFraction: malignantFraction), design: design)
    }

    private func gate(of design: ProcessDesign, malignantFraction: Double) -> Spread {
        risk(of: design, malignantFraction: malignantFraction)!.calibratedProbability
    }
}
