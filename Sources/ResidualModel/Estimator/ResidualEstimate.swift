import ProcessModel

/// What the estimator says about one process: the mass balance step by step, and the risk that a
/// malignant cell carrying the CAR reaches the patient.
public struct ResidualEstimate: Sendable {
    /// Cells of each population in the starting material.
    public let startingCounts: [Population: Double]
    /// Central counts after each step (every figure at its central value).
    public let steps: [StepEstimate]
    /// The risk figures, or why there are none.
    public let outcome: RiskOutcome
    /// Figures the file did not give, and what was used instead.
    public let assumptions: [String]
    /// Steps ranked by how far each moves λ, largest first.
    public let sensitivity: [StepSensitivity]
    /// Figures ranked by their share of the variance of log10 λ, largest first.
    public let figures: [FigureSensitivity]
    /// The effect of standard remedies on the calibrated risk.
    public let remedies: [Remedy]
    /// For a design whose steps list alternatives, the risk of each combination of their choices; empty otherwise.
    public let alternatives: [AlternativeRisk]
    /// Every malignant cell in the dose, carrying the CAR or not; `nil` when the risk is not estimated.
    public internal(set) var doseMalignancy: DoseMalignancy? = nil
    /// What the residual-malignant-cells release test can see; `nil` when the file states no limit of detection.
    public internal(set) var releaseDetectability: ReleaseDetectability? = nil
}

extension ResidualEstimate {
    /// The risk figures; `nil` when they could not be estimated.
    public var risk: Risk? { if case .estimated(let risk) = outcome { risk } else { nil } }
    /// Why there are no risk figures, when there are none.
    public var unavailable: String? { if case .unavailable(let reason) = outcome { reason } else { nil } }
}

/// The risk of a process, or why it has none: one answer rather than two optionals that must agree.
public enum RiskOutcome: Sendable {
    case estimated(Risk)
    case unavailable(reason: String)
}

/// A step a remedy adds: its operation and markers, before the step named (at the end when none is).
public struct StepInsertion: Sendable, Equatable {
    public let operation: OperationKind
    public let markers: [String]
    public let beforeStepID: String?
}

/// Counts after one step, at the catalogue's central figures.
public struct StepEstimate: Sendable {
    public let stepID: String
    public let kind: OperationKind
    /// Cells of each population (carrying the CAR or not).
    public let counts: [Population: Double]
    /// Malignant cells that carry the CAR gene.
    public let malignantCarrying: Double
    /// 90% interval of the malignant count, where the chain is a product of log-normal factors.
    public let malignantInterval: ClosedRange<Double>?

    /// Malignant cells per T cell, the ratio a flow cytometrist would see.
    public var malignantPerTCell: Double? {
        guard let t = counts[.T], t > 0, let malignant = counts[.malignant] else { return nil }
        return malignant / t
    }
}

/// A quantity with its median and central 90% interval.
public struct Spread: Sendable, Hashable {
    public let median: Double
    public let low: Double
    public let high: Double
    /// The expected value, which for skewed uncertainty lies far above the median.
    public let mean: Double
}

/// The risk figures of a process.
public struct Risk: Sendable, Hashable {
    public enum Method: Sendable, Hashable {
        /// The chain is a product of log-normal factors: log10 λ is normal and its interval exact.
        case exact
        /// Seeded Monte Carlo, for chains that are not a pure product (a capped dose share, partial marker coverage).
        case monteCarlo(draws: Int, seed: UInt64)
    }

    public let method: Method
    /// Why the exact path did not apply, when Monte Carlo took over.
    public let methodNote: String?
    /// Share of the product infused as the dose (at most 1).
    public let doseShare: Spread
    /// λ: CAR-carrying malignant cells in the dose, the physical figure.
    public let lambda: Spread
    /// P(at least one CAR-carrying malignant cell in the dose): `mean` is 1 − E[exp(−λ)] over the
    /// uncertainty; `median`, `low` and `high` are 1 − exp(−λ) at λ's median and 90% bounds.
    public let probability: Spread
    /// λ over λ of the calibration reference averaged over its cohort's patients, both in the same draw:
    /// figures the two processes share cancel out of it.
    public let relativeRisk: Spread
    /// Expected relapses from a CAR-carrying malignant cell: the reference cohort's recorded rate times
    /// the relative risk, in each draw (κλ, with κ fitted within the draw).
    public let calibratedLambda: Spread
    /// P(relapse from a CAR-carrying malignant cell) = 1 − E[exp(−κλ)]. The lint gate reads `mean`.
    public let calibratedProbability: Spread
    /// The cohort the calibration rests on, when the process's indication is one it stands for; `nil`
    /// when it is not, and the calibrated figures are the reference disease's scaled by the relative risk.
    public let calibrationCohort: String?
    /// What the figures were drawn from when the catalogue was updated on the clinical record (the products and
    /// their events); `nil` when they are the catalogue's priors alone.
    public internal(set) var recordUpdate: String? = nil
}

/// How much one step moves λ.
public struct StepSensitivity: Sendable {
    public let stepID: String
    /// log10 of λ without the step minus log10 of λ with it, at central figures: positive for a step that lowers λ.
    public let log10Reduction: Double
    /// Share of the variance of log10 λ that the step's figures carry (exact path only).
    public let varianceShare: Double?
}

/// How much of the uncertainty of log10 λ one catalogue figure carries.
public struct FigureSensitivity: Sendable {
    /// The figure's catalogue path.
    public let figure: String
    /// Its share of the variance of log10 λ (without the dose share's cap), between 0 and 1.
    public let varianceShare: Double
    /// The steps that read it.
    public let stepIDs: [String]
    /// The study that would narrow it, from the catalogue (`narrowedBy`), where it names one.
    public let narrowedBy: String?
}

/// A standard change to the process and what it would do to the risk.
public struct Remedy: Sendable {
    public let description: String
    /// The step the remedy adds, for a tool that writes it into the file (the language server's quick fix);
    /// `nil` for a remedy that changes a step rather than adding one.
    public let insertion: StepInsertion?
    /// λ at central figures without the change divided by λ with it: above 1 for a change that helps.
    public let lambdaReduction: Double
    /// The full risk with the change, when it was asked for (`processlint estimate` asks; a lint finding
    /// needs only the reduction, which costs a fraction of it).
    public let risk: Risk?
}
