import Foundation
import ProcessModel
import Synchronization

/// Estimates the malignant cells that reach the dose and the chance that one of them carries the CAR.
///
/// Build one per catalogue and share it: it is a value, safe to use from many threads. Its Monte Carlo
/// draws are one set per estimator, shared by every process it estimates and by the calibration reference.
public struct ResidualEstimator: Sendable {
    /// The catalogue and the calibration, behind one reference: the estimator is copied into every lint
    /// context, and a reference costs less to copy than kilobytes of figures.
    private final class Model: Sendable {
        let catalogue: Catalogue
        let calibration: Calibration
        let posterior: Posterior?
        /// The update as every risk names it, written once.
        let recordUpdate: String?
        let streams: PosteriorDraws
        let referenceDesign: ProcessDesign
        /// Indications already resolved against the catalogue: a lint run builds several mass balances per file,
        /// and resolving the indication anew for each was a twentieth of its instructions.
        private let diseases = Mutex<[String: ResolvedIndication]>([:])

        init(catalogue: Catalogue, reference: ProcessDesign, posterior: Posterior?) {
            self.catalogue = catalogue
            referenceDesign = reference
            calibration = Calibration(catalogue: catalogue, reference: reference)
            self.posterior = posterior
            recordUpdate = posterior?.summary
            streams = posterior.map(PosteriorDraws.init) ?? .none
        }

        func disease(_ indication: String) -> ResolvedIndication {
            if let known = diseases.withLock({ $0[indication] }) { return known }
            let resolved = catalogue.indication(indication)
            // Bounded, so that a run over files that each name another indication keeps its memory flat.
            diseases.withLock { if $0.count < 256 { $0[indication] = resolved } }
            return resolved
        }
    }

    private let model: Model
    private(set) var run: Draws

    public var catalogue: Catalogue { model.catalogue }
    var calibration: Calibration { model.calibration }
    /// The update of the catalogue on the clinical record that the estimate draws from, when it applies to this
    /// catalogue; `nil` when the figures are the catalogue's priors alone.
    public var posterior: Posterior? { model.posterior }

    /// Monte Carlo settings for chains where the exact path does not apply.
    public var draws: Int {
        get { run.count }
        set { run = Draws(count: newValue, seed: run.seed, posterior: model.streams) }
    }
    public var seed: UInt64 {
        get { run.seed }
        set { run = Draws(count: run.count, seed: newValue, posterior: model.streams) }
    }

    /// An estimator drawing from `posterior` (by default the bundled update on the clinical record) where it was
    /// fitted on this very catalogue, and from the catalogue's priors otherwise.
    public init(catalogue: Catalogue, calibrationReference: ProcessDesign, posterior: Posterior? = .bundled) {
        model = Model(
            catalogue: catalogue, reference: calibrationReference,
            posterior: posterior.flatMap { $0.applies(to: catalogue) ? $0 : nil })
        run = Draws(count: 100_000, seed: 2018, posterior: model.streams)
    }

    /// The same estimator drawing from the catalogue's priors alone, without the update on the clinical record.
    public var withPriorsOnly: ResidualEstimator {
        var priors = ResidualEstimator(
            catalogue: catalogue, calibrationReference: model.referenceDesign, posterior: nil)
        (priors.draws, priors.seed) = (draws, seed)
        return priors
    }

    /// The estimator with the bundled catalogue and calibration reference.
    public static let standard = ResidualEstimator(
        catalogue: .bundled, calibrationReference: Calibration.referenceDesign)

    /// κ, fitted within each draw: expected relapses per CAR-carrying malignant cell in the dose, with its 90% interval.
    public var calibrationFactor: Spread {
        let reference = calibration.referenceColumn(run)
        let rates = calibration.rateColumn(run)
        var kappa = zip(rates, reference).map { $0 * pow10(-$1) }
        return MonteCarlo.spread(&kappa)
    }

    /// An indication resolved against the catalogue, as every mass balance of the run resolves it.
    public func indication(_ name: String) -> ResolvedIndication { model.disease(name) }

    /// The calibration cohort, as the output names it.
    public var calibrationCohort: String { calibration.cohort }

    /// The full estimate: the step table, the risk, the sensitivity rankings and the remedies.
    public func estimate(_ design: ProcessDesign) -> ResidualEstimate {
        var builder = MassBalanceBuilder(
            design: design, catalogue: catalogue, disease: model.disease(design.indication.value))
        let balance = builder.build(steps: design.steps)
        let outcome: RiskOutcome =
            Self.reasonForNoRisk(design).map { .unavailable(reason: $0) }
            ?? .estimated(risk(of: balance, design: design))
        guard case .estimated = outcome else {
            return ResidualEstimate(
                startingCounts: balance.initial, steps: stepTable(balance), outcome: outcome,
                assumptions: builder.assumptions, sensitivity: [], figures: [], remedies: [], alternatives: [])
        }
        let figures = figureSensitivity(balance)
        var estimate = ResidualEstimate(
            startingCounts: balance.initial,
            steps: stepTable(balance),
            outcome: outcome,
            assumptions: builder.assumptions,
            sensitivity: sensitivity(design, balance, figures: figures),
            figures: figures,
            remedies: WhatIf(design: design, estimator: self).remedies(withRisk: true),
            alternatives: DesignAlternatives(design: design, estimator: self).risks()
        )
        if let (dose, samples) = doseSamples(of: design) {
            estimate.doseMalignancy = dose
            estimate.releaseDetectability = ReleaseDetectability(design, dose: dose, samples: samples)
        }
        return estimate
    }

    /// For a design whose steps list alternatives, the risk of every combination of their choices (the stated
    /// operations first); empty otherwise.
    public func alternatives(of design: ProcessDesign) -> [AlternativeRisk] {
        Self.reasonForNoRisk(design) == nil ? DesignAlternatives(design: design, estimator: self).risks() : []
    }

    /// The risk figures alone, as the exact path gives them where it applies and Monte Carlo elsewhere.
    public func risk(of design: ProcessDesign) -> Risk? {
        guard Self.reasonForNoRisk(design) == nil else { return nil }
        return risk(of: balance(design, steps: design.steps), design: design)
    }

    /// The standard remedies applied to the design, and how much each lowers λ; with `withRisk`, also the
    /// full risk each would leave.
    public func remedies(for design: ProcessDesign, withRisk: Bool = false) -> [Remedy] {
        Self.reasonForNoRisk(design) == nil ? WhatIf(design: design, estimator: self).remedies(withRisk: withRisk) : []
    }

    /// Why a design's risk cannot be estimated, or `nil` when it can: the one place that decides it.
    public static func reasonForNoRisk(_ design: ProcessDesign) -> String? {
        design.startingMaterial.composition[.malignant] == nil
            ? "the starting material states no malignant fraction ('composition: malignant')" : nil
    }

    /// The risk by seeded Monte Carlo, whatever the chain: the cross-check of the exact path.
    public func monteCarloRisk(of design: ProcessDesign, draws: Int? = nil, seed: UInt64? = nil) -> Risk {
        let run =
            (draws ?? self.draws) == self.draws && (seed ?? self.seed) == self.seed
            ? self.run
            : Draws(count: draws ?? self.draws, seed: seed ?? self.seed, posterior: model.streams)
        let balance = balance(design, steps: design.steps)
        return MonteCarlo(
            balance: balance, form: LambdaForm(balance), calibration: calibration, draws: run, note: "asked for",
            cohort: cohort(design)
        ).risk()
    }

    /// The calibrated λ of every draw of the run (expected relapses per patient at the file's figures), for
    /// the credibility check against the record.
    func calibratedLambdas(of design: ProcessDesign) -> [Double] {
        let balance = balance(design, steps: design.steps)
        return MonteCarlo(
            balance: balance, form: LambdaForm(balance), calibration: calibration, draws: run, note: nil, cohort: nil
        )
        .calibratedLambdas()
    }

    func balance(_ design: ProcessDesign, steps: [Step]) -> MassBalance {
        var builder = MassBalanceBuilder(
            design: design, catalogue: catalogue, disease: model.disease(design.indication.value))
        return builder.build(steps: steps)
    }

    private func cohort(_ design: ProcessDesign) -> String? {
        calibration.covers(model.disease(design.indication.value)) ? calibration.cohort : nil
    }

    func risk(of balance: MassBalance, design: ProcessDesign) -> Risk {
        var risk = physicalRisk(of: balance, design: design)
        risk.recordUpdate = model.recordUpdate
        return risk
    }

    private func physicalRisk(of balance: MassBalance, design: ProcessDesign) -> Risk {
        // No malignant cells, or a CAR that does not persist: nothing to estimate, and no draws needed.
        if (balance.initial[.malignant] ?? 0) == 0 || !balance.integrates {
            let zero = Spread(median: 0, low: 0, high: 0, mean: 0)
            let share = balance.lambda(at: balance.centralDraw).doseShare
            return Risk(
                method: .exact, methodNote: nil, doseShare: Spread(median: share, low: share, high: share, mean: share),
                lambda: zero, probability: zero, relativeRisk: zero, calibratedLambda: zero,
                calibratedProbability: zero,
                calibrationCohort: cohort(design))
        }
        let form = LambdaForm(balance)
        switch ExactRisk.make(balance, form, calibration, model.streams) {
        case .success(let exact):
            return exact.risk(calibrated: cohort(design))
        case .failure(let unavailable):
            return MonteCarlo(
                balance: balance, form: form, calibration: calibration, draws: run, note: unavailable.reason,
                cohort: cohort(design)
            ).risk()
        }
    }

    private func stepTable(_ balance: MassBalance) -> [StepEstimate] {
        let central = balance.centralDraw
        let trace = balance.trace(at: central)
        let initial = balance.initial[.malignant].map(log10)
        return zip(balance.steps, trace.counts).enumerated().map { index, pair in
            let (step, counts) = pair
            let chain = balance.chain(.malignant, through: index + 1, carrying: false).logLinear(at: central)
            return StepEstimate(
                stepID: step.stepID, kind: step.kind,
                counts: counts.mapValues { $0.plain + $0.carrying },
                malignantCarrying: counts[.malignant]?.carrying ?? 0,
                malignantInterval: chain.flatMap { form in
                    initial.map { start in
                        let (low, high) = interval90(form, balance.variables)
                        return pow10(start + low)...pow10(start + high)
                    }
                }
            )
        }
    }

    /// The 5th and 95th percentiles of a form: exact when it is normal, else from the run's draws.
    private func interval90(_ form: LogLinear, _ variables: [MassBalance.Variable]) -> (low: Double, high: Double) {
        if let normal = form.normal(variables, model.streams) { return normal.interval90 }
        let columns = form.coefficients.map {
            (run.column(variables[$0.variable].column), variables[$0.variable].distribution, $0.weight)
        }
        var samples = (0..<run.count).map { index in
            columns.reduce(form.constant) { $0 + $1.2 * $1.1.value($1.0[index]) }
        }
        let spread = MonteCarlo.spread(&samples)
        return (spread.low, spread.high)
    }

    /// Each figure's share of the variance of log10 λ: its coefficient squared times its variance, over the
    /// sum. Only where λ is a product of single factors. Where the record's update correlates two figures, each
    /// is credited its own part (its posterior variance) and their covariance is left out of the shares.
    private func figureSensitivity(_ balance: MassBalance) -> [FigureSensitivity] {
        guard let form = LambdaForm(balance)?.uncapped else { return sampledFigureSensitivity(balance) }
        let parts = form.coefficients.map {
            let variable = balance.variables[$0.variable]
            let variance = variable.distribution.variance(
                streamMean: model.streams.mean(of: variable.column),
                streamDeviation: model.streams.covariance(variable.column, variable.column).squareRoot())
            return ($0.variable, $0.weight * $0.weight * variance)
        }
        return ranked(parts, balance)
    }

    /// The same shares where λ is not a product of single factors (a selection splits a population): from the run's
    /// draws, each figure's first-order part of the variance of log10 λ, the square of its slope in a regression of
    /// log10 λ on all the figures at once times its variance, over the sum. All at once, because the record's update
    /// correlates some figures: a slope on one alone would credit it with its partners' effect. Up to 20,000 draws:
    /// the shares are stable to a percent.
    func sampledFigureSensitivity(_ balance: MassBalance) -> [FigureSensitivity] {
        let program = LambdaProgram(balance, capsShare: false)
        let count = min(run.count, 20_000)
        let variables = program.variables.filter { !balance.variables[$0].distribution.isPoint }
        let values = variables.map { variable in
            Array(
                run.column(balance.variables[variable].column).prefix(count).map(
                    balance.variables[variable].distribution.value))
        }
        var draw = balance.centralDraw
        var log10Lambda = [Double](repeating: 0, count: count)
        for index in 0..<count {
            for (position, variable) in variables.enumerated() { draw[variable] = values[position][index] }
            log10Lambda[index] = log10(draw.withUnsafeBufferPointer { program.lambda($0).lambda })
        }
        let kept = log10Lambda.indices.filter { log10Lambda[$0].isFinite }
        guard kept.count > variables.count + 2 else { return [] }
        func mean(_ xs: [Double]) -> Double { kept.reduce(0) { $0 + xs[$1] } / Double(kept.count) }
        let means = values.map(mean)
        let yMean = mean(log10Lambda)
        // The normal equations of the centred regression: (XᵀX) b = Xᵀy.
        let p = variables.count
        var gram = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        var moment = [Double](repeating: 0, count: p)
        for index in kept {
            let x = (0..<p).map { values[$0][index] - means[$0] }
            let y = log10Lambda[index] - yMean
            for i in 0..<p {
                moment[i] += x[i] * y
                for j in 0...i { gram[i][j] += x[i] * x[j] }
            }
        }
        for i in 0..<p { for j in 0..<i { gram[j][i] = gram[i][j] } }
        let slopes = Self.solve(gram, moment)
        let parts: [(Int, Double)] = variables.enumerated().map { position, variable in
            (variable, slopes[position] * slopes[position] * gram[position][position] / Double(kept.count))
        }
        return ranked(parts, balance)
    }

    /// Solves a symmetric positive semi-definite system by its Cholesky factor; a direction without spread gets 0.
    static func solve(_ matrix: [[Double]], _ vector: [Double]) -> [Double] {
        let factor = PosteriorDraws.cholesky(matrix)
        let n = vector.count
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let sum = (0..<i).reduce(vector[i]) { $0 - factor[i][$1] * y[$1] }
            y[i] = factor[i][i] > 0 ? sum / factor[i][i] : 0
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            let sum = ((i + 1)..<n).reduce(y[i]) { $0 - factor[$1][i] * x[$1] }
            x[i] = factor[i][i] > 0 ? sum / factor[i][i] : 0
        }
        return x
    }

    /// Variance parts by variable, as shares of their sum, largest first, with the study that would narrow each.
    private func ranked(_ parts: [(Int, Double)], _ balance: MassBalance) -> [FigureSensitivity] {
        let total = parts.reduce(0) { $0 + $1.1 }
        guard total > 0 else { return [] }
        let figures = Dictionary(uniqueKeysWithValues: catalogue.allFigures.map { ($0.path, $0.figure) })
        return parts.map { index, variance in
            let variable = balance.variables[index]
            let path = variable.key.components(separatedBy: " (measured").first ?? variable.key
            return FigureSensitivity(
                figure: variable.key, varianceShare: variance / total, stepIDs: variable.stepIDs,
                narrowedBy: figures[path]?.narrowedBy)
        }
        .sorted { $0.varianceShare > $1.varianceShare }
    }

    /// Each step's effect on λ: the central λ without it, against the central λ with it; and the share of the
    /// uncertainty carried by the figures it reads (a figure read by several steps counts for each).
    private func sensitivity(_ design: ProcessDesign, _ balance: MassBalance, figures: [FigureSensitivity])
        -> [StepSensitivity]
    {
        let central = { (balance: MassBalance) in balance.lambda(at: balance.centralDraw).lambda }
        let base = central(balance)
        return design.steps.enumerated().compactMap { index, step -> StepSensitivity? in
            // Without its gene transfer a process has no CAR to carry: not a remedy worth ranking.
            guard !step.kind.isGeneTransfer else { return nil }
            var steps = design.steps
            steps.remove(at: index)
            let without = central(self.balance(design, steps: steps))
            guard base > 0, without > 0 else { return nil }
            let share =
                figures.isEmpty
                ? nil
                : figures.filter { $0.stepIDs.contains(step.id.value) }.reduce(0) { $0 + $1.varianceShare }
            return StepSensitivity(
                stepID: step.id.value, log10Reduction: log10(without) - log10(base), varianceShare: share)
        }
        .sorted { abs($0.log10Reduction) > abs($1.log10Reduction) }
    }
}

extension Normal {
    /// As a spread of 10^x: median, 90% interval and mean of the log-normal.
    var spread: Spread {
        let (low, high) = interval90
        return Spread(
            median: pow10(mean), low: pow10(low), high: pow10(high),
            mean: pow10(mean + deviation * deviation * log(10) / 2))
    }
}
