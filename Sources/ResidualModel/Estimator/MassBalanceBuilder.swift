import Foundation
import ProcessModel

/// Turns a design and the catalogue into a `MassBalance`: what each operation does to each population.
///
/// A selection or depletion acts on a population through the markers it carries (the catalogue's
/// marker expression for normal cells, the file's declared markers for malignant cells), so CD3
/// selection keeps a CD3-positive malignancy and CD19 depletion misses a CD19-negative one by
/// construction, with no special case for either.
struct MassBalanceBuilder {
    let design: ProcessDesign
    let catalogue: Catalogue
    private(set) var variables: [MassBalance.Variable] = []
    private var indexOfKey: [String: Int] = [:]
    private(set) var assumptions: [String] = []
    /// The malignant biology the file's indication selects.
    let disease: ResolvedIndication
    /// The catalogue paths of the disease's figures and its cytokine effects by name (`cytokineKey`), sorted: spelt out
    /// once per mass balance rather than at every culture step.
    private let diseaseKeys: DiseaseKeys
    /// Cytokines in the medium so far, normalised (`IL2` for `IL-2`): a cytokine added at activation stays
    /// in the medium through the later culture.
    private var medium: Set<String> = []
    /// For one subclone of the malignant cells: whether it carries the CAR's target (all of it or none), in place of
    /// the file's share (`DoseMalignancy` follows the target-negative cells apart, since a share drawn afresh at each
    /// step would let the negative cells rejoin the positive ones after a depletion).
    var targetPresence: Bool?

    /// - Parameter indication: replaces the file's indication (to compare designs under one disease's biology).
    /// - Parameter disease: the file's indication already resolved against `catalogue` (an estimator resolves each
    ///   indication once, not for every mass balance it builds).
    init(design: ProcessDesign, catalogue: Catalogue, indication: String? = nil, disease: ResolvedIndication? = nil) {
        self.design = design
        self.catalogue = catalogue
        self.disease = disease ?? catalogue.indication(indication ?? design.indication.value)
        diseaseKeys = DiseaseKeys(self.disease)
    }

    private struct DiseaseKeys {
        let path: String
        let culturePerDay: String
        let freezeThawRelative: String
        let cytokines: [(medium: String, key: String, shift: Figure)]

        init(_ disease: ResolvedIndication) {
            let path = "malignantBiology.\(disease.name)"
            self.path = path
            culturePerDay = path + ".culturePerDay"
            freezeThawRelative = path + ".freezeThawRelative"
            cytokines = disease.biology.cytokines.sorted { $0.key < $1.key }.map {
                (MassBalanceBuilder.cytokineKey($0.key), path + ".cytokines." + $0.key, $0.value)
            }
        }
    }

    /// What the estimate says about an indication the catalogue does not hold.
    static func unknownIndicationNote(_ indication: String, _ disease: ResolvedIndication) -> String {
        let closest =
            disease.closest.isEmpty
            ? "" : "; closest known: " + disease.closest.map { "'\($0)'" }.joined(separator: ", ")
        return
            "indication '\(indication)' is not in the catalogue: malignant cells take the widest range of every figure\(closest)"
    }

    /// - Parameter malignantFraction: replaces the file's malignant fraction (for the calibration reference).
    mutating func build(steps: [Step], malignantFraction: Double? = nil) -> MassBalance {
        let total =
            design.startingMaterial.totalNucleatedCells?.value
            ?? {
                assumptions.append(
                    "total nucleated cells not stated: 1e10 assumed (they cancel out of λ unless the whole product is infused)"
                )
                return 1e10
            }()
        var initial: [Population: Double] = [:]
        for population in Population.allCases {
            if population == .malignant, let malignantFraction {
                initial[population] = total * malignantFraction
            } else if let stated = design.startingMaterial.composition[population] {
                initial[population] = total * stated.value
            } else if population != .malignant, let fallback = catalogue.defaultComposition[population.rawValue] {
                initial[population] = total * fallback.central
                assumptions.append(
                    "\(population.rawValue) fraction not stated: catalogue default \(fallback.central) used")
            }
        }
        if !disease.isKnown, initial[.malignant] != nil {
            assumptions.append(Self.unknownIndicationNote(design.indication.value, disease))
        }
        if design.startingMaterial.malignantMarkers == nil, initial[.malignant] != nil {
            assumptions.append(
                "malignant markers not declared: malignant cells assumed to pass every positive selection and escape every depletion"
            )
        }
        var seenCryopreservation = false
        var stepFactors: [MassBalance.StepFactors] = []
        medium = []
        for step in steps {
            stepFactors.append(factors(of: step, afterCryopreservation: seenCryopreservation))
            if step.kind == .cryopreservation { seenCryopreservation = true }
        }
        return MassBalance(
            initial: initial, steps: stepFactors, dose: dose(), integrates: design.product.vector.value.integrates,
            variables: variables)
    }

    private mutating func dose() -> Double? {
        guard let dose = design.dose else {
            assumptions.append("no dose stated: the whole product is taken as infused")
            return nil
        }
        if let cells = dose.carTCells?.value { return cells }
        guard let perKilogram = dose.carTCellsPerKilogram?.value else { return nil }
        let weight =
            dose.bodyWeightKilograms?.value
            ?? {
                assumptions.append(
                    "body weight not stated: \(catalogue.defaultBodyWeightKilograms.central) kg assumed for the per-kg dose"
                )
                return catalogue.defaultBodyWeightKilograms.central
            }()
        return perKilogram * weight
    }

    // MARK: - Random variables

    /// The figure `key` as a variable of the run: the same one for every step that reads it.
    private mutating func variable(_ key: String, _ distribution: FigureDistribution, of step: Step) -> LogLinear {
        guard !distribution.isPoint else { return .constant(distribution.median) }
        if let index = indexOfKey[key] {
            // Steps are built in order, so a step that reads a figure again is the last to have read it.
            let stepID = step.id.value
            if variables[index].stepIDs.last != stepID && !variables[index].stepIDs.contains(stepID) {
                variables[index].stepIDs.append(stepID)
            }
            return .variable(index)
        }
        variables.append(MassBalance.Variable(key: key, distribution: distribution, stepIDs: [step.id.value]))
        indexOfKey[key] = variables.count - 1
        return .variable(variables.count - 1)
    }

    /// A fraction figure (recovery, efficiency) as log10, replaced by the step's own measured value if it states one.
    /// A measured value keeps the catalogue's spread: one site's validation does not remove run-to-run
    /// variation. It is that site's figure, not the catalogue's: a variable of its own.
    private mutating func fraction(_ key: String, _ figure: Figure, _ override: PerformanceFigure?, of step: Step)
        -> LogLinear
    {
        var distribution = figure.distribution
        var key = key
        if let override, let measured = step.performance?.figures[override]?.value {
            distribution.median = min(0, log10(max(measured, 1e-12)))
            key += " (measured in step '\(step.id.value)')"
        }
        return variable(key, distribution, of: step)
    }

    /// A log-depletion figure as log10 of the surviving fraction (so negated).
    private mutating func logDepletion(_ key: String, _ figure: Figure, _ override: PerformanceFigure?, of step: Step)
        -> LogLinear
    {
        var distribution = figure.distribution
        var key = key
        if let override, let measured = step.performance?.figures[override]?.value {
            distribution.median = max(0, measured)
            key += " (measured in step '\(step.id.value)')"
        }
        return -variable(key, distribution, of: step)
    }

    // MARK: - Operations

    private mutating func factors(of step: Step, afterCryopreservation: Bool) -> MassBalance.StepFactors {
        var factors = PopulationTable<Factor>()
        var uptake: (tCell: Factor, malignant: Factor)?
        var carryingMalignant: Factor?
        let all = Population.allCases
        func each(_ factor: Factor) { for population in all { factors[population] = factor } }

        switch step.operation.value {
        case .densityGradient:
            let recovery = fraction(
                "densityGradient.mononuclearRecovery", catalogue.densityGradient.mononuclearRecovery, .recovery,
                of: step)
            each(.single(recovery))
            factors[.granulocyte] = .single(
                logDepletion(
                    "densityGradient.granulocyteLogDepletion", catalogue.densityGradient.granulocyteLogDepletion,
                    .logDepletion, of: step))
            factors[.malignant] = .single(
                recovery
                    + logDepletion(
                        "densityGradient.malignantLogDepletion", catalogue.densityGradient.malignantLogDepletion, nil,
                        of: step))
        case .elutriation:
            let recovery = fraction(
                "elutriation.lymphocyteRecovery", catalogue.elutriation.lymphocyteRecovery, .recovery, of: step)
            each(.single(recovery))
            factors[.monocyte] = .single(
                logDepletion(
                    "elutriation.monocyteLogDepletion", catalogue.elutriation.monocyteLogDepletion, .logDepletion,
                    of: step))
            factors[.granulocyte] = .single(
                logDepletion(
                    "elutriation.granulocyteLogDepletion", catalogue.elutriation.granulocyteLogDepletion, .logDepletion,
                    of: step))
            factors[.malignant] = .single(
                recovery
                    + logDepletion(
                        "elutriation.malignantLogDepletion", catalogue.elutriation.malignantLogDepletion, nil, of: step)
            )
        case .adherence:
            let recovery = fraction("adherence.recovery", catalogue.adherence.recovery, .recovery, of: step)
            each(.single(recovery))
            factors[.monocyte] = .single(
                recovery
                    + logDepletion(
                        "adherence.monocyteLogDepletion", catalogue.adherence.monocyteLogDepletion, .logDepletion,
                        of: step))
        case .positiveSelection(let selection, _):
            // Separate arms select each marker from the same material; each non-target cell still
            // passes one selection, so the carry-over is that of one selection on all the markers.
            let kept = fraction(
                "positiveSelection.targetRecovery", catalogue.positiveSelection.targetRecovery, .recovery, of: step)
            let carried = logDepletion(
                "positiveSelection.nonTargetLogDepletion", catalogue.positiveSelection.nonTargetLogDepletion,
                .logDepletion, of: step)
            let split = { (share: Double) in Factor(terms: [(share, kept), (1 - share, carried)].filter { $0.0 > 0 }) }
            for population in all {
                factors[population] = split(coverage(of: population, by: selection.markerSet, positive: true))
            }
            carryingMalignant = split(coverage(of: .malignant, by: selection.markerSet, positive: true, masked: true))
        case .depletion(let selection):
            let removed = logDepletion(
                "depletion.targetLogDepletion", catalogue.depletion.targetLogDepletion, .logDepletion, of: step)
            let passed = fraction(
                "depletion.nonTargetRecovery", catalogue.depletion.nonTargetRecovery, .recovery, of: step)
            let split = { (share: Double) in Factor(terms: [(share, removed), (1 - share, passed)].filter { $0.0 > 0 })
            }
            for population in all {
                factors[population] = split(coverage(of: population, by: selection.markerSet, positive: false))
            }
            carryingMalignant = split(coverage(of: .malignant, by: selection.markerSet, positive: false, masked: true))
        case .activation(let reagent, let cytokines):
            medium.formUnion(cytokines.map { Self.cytokineKey($0.value) })
            if reagent.value.leavesMagneticBeads {
                // Cells bound to the beads are kept magnetically: a weak selection on CD3.
                let kept = fraction(
                    "magneticBeadActivation.tCellRecovery", catalogue.magneticBeadActivation.tCellRecovery, .recovery,
                    of: step)
                let carried = logDepletion(
                    "magneticBeadActivation.nonTargetLogDepletion",
                    catalogue.magneticBeadActivation.nonTargetLogDepletion, .logDepletion, of: step)
                for population in all {
                    let share = coverage(of: population, by: Self.cd3, positive: true)
                    factors[population] = Factor(terms: [(share, kept), (1 - share, carried)].filter { $0.0 > 0 })
                }
            }
            culture(days: catalogue.culture.activationDays.central, in: &factors, of: step)
        case .transduction(let vector, _):
            uptake = geneUptake(vector?.value ?? design.product.vector.value, of: step)
        case .electroporation(let payload, _), .transfection(let payload, _):
            uptake = geneUptake(payload?.value ?? design.product.vector.value, of: step)
        case .expansion(let days, _, let cytokines):
            medium.formUnion(cytokines.map { Self.cytokineKey($0.value) })
            culture(days: days.value, in: &factors, of: step)
        case .beadRemoval, .wash, .harvest, .formulation, .hold:
            if let figure = catalogue.stepRecovery[step.kind.rawValue] {
                each(.single(fraction("stepRecovery.\(step.kind.rawValue)", figure, .recovery, of: step)))
            }
        case .cryopreservation:
            freezeThaw(in: &factors, of: step)
        case .thaw:
            // A thaw costs viability once: here when the starting material came frozen, else at the freeze.
            if !afterCryopreservation { freezeThaw(in: &factors, of: step) }
        }
        // A measured malignant log depletion replaces whatever the model says the step does to them.
        if let measured = step.performance?.figures[.malignantLogDepletion]?.value {
            factors[.malignant] = .single(.constant(-measured))
            carryingMalignant = nil
        }
        return MassBalance.StepFactors(
            stepID: step.id.value, kind: step.kind, factors: factors,
            carryingMalignant: carryingMalignant, uptake: uptake)
    }

    private static let cd3: Set<Marker> = [Marker(normalising: "CD3")]

    /// A freeze and thaw: every population at the T-cell viability, malignant cells at their disease's survival relative to it.
    private mutating func freezeThaw(in factors: inout PopulationTable<Factor>, of step: Step) {
        let viability = fraction("freezeThawViability", catalogue.freezeThawViability, .viability, of: step)
        for population in Population.allCases { factors[population] = .single(viability) }
        let relative = fraction(diseaseKeys.freezeThawRelative, disease.biology.freezeThawRelative, nil, of: step)
        factors[.malignant] = .single(viability + relative)
    }

    /// The catalogue path of each normal population's culture rate.
    private static let cultureKeys = Dictionary(
        uniqueKeysWithValues: Population.allCases.map { ($0, "culture.logFoldPerDay.\($0.rawValue)") })

    /// A cytokine's name as the catalogue and the medium compare it: `IL-2`, `il2` and `IL 2` are one.
    static func cytokineKey(_ name: String) -> String {
        name.uppercased().filter { $0 != "-" && $0 != " " && $0 != "_" }
    }

    /// Culture over some days: each population grows or dies at its own per-day rate. The rate is one
    /// variable per population per run, so the days of several culture steps add up under one draw.
    private mutating func culture(days: Double, in factors: inout PopulationTable<Factor>, of step: Step) {
        for population in Population.allCases {
            var change: LogLinear
            var median: Double
            if population == .malignant {
                // The disease's own rate, shifted by each cytokine in the medium that a source says changes it.
                let perDay = disease.biology.culturePerDay
                change = variable(diseaseKeys.culturePerDay, perDay.distribution, of: step)
                median = perDay.distribution.median
                for (name, key, shift) in diseaseKeys.cytokines where medium.contains(name) {
                    change = change + variable(key, shift.distribution, of: step)
                    median += shift.distribution.median
                }
                change = change.scaled(by: days)
                median *= days
            } else {
                guard let perDay = catalogue.culture.logFoldPerDay[population.rawValue] else { continue }
                change = variable(Self.cultureKeys[population]!, perDay.distribution, of: step).scaled(by: days)
                median = perDay.distribution.median * days
            }
            // A measured fold or survival sets this step's central change and keeps the rate's spread.
            if population == .T, let fold = step.performance?.figures[.foldExpansion]?.value {
                change.constant += log10(fold) - median
            } else if population == .malignant, let survival = step.performance?.figures[.malignantSurvival]?.value {
                change.constant += log10(max(survival, 1e-12)) - median
            }
            factors[population] = (factors[population] ?? .one) * .single(change)
        }
    }

    /// The fractions of T cells and of malignant cells that take up the gene. A malignant cell that carries the CAR's
    /// target can still be killed by the CAR T cells until its own CAR masks the target (`maskingWindowSurvival`):
    /// counted here, as uptake that survives the window, and only when the file says the cells carry the target.
    private mutating func geneUptake(_ vector: VectorKind, of step: Step) -> (tCell: Factor, malignant: Factor)? {
        guard let table = catalogue.transductionEfficiency[vector.rawValue], let t = table["T"] else { return nil }
        let (key, figure): (String, Figure)
        if let byDisease = disease.biology.transduction[vector.rawValue] {
            (key, figure) = ("\(diseaseKeys.path).transduction.\(vector.rawValue)", byDisease)
        } else if let malignant = table["malignant"] {
            (key, figure) = ("transductionEfficiency.\(vector.rawValue).malignant", malignant)
        } else {
            return nil
        }
        let malignant = fraction(key, figure, .malignantTransductionEfficiency, of: step)
        // Only the share that carries the target can be killed before masking; the target-negative share cannot.
        let targetShare = malignantShare(carrying: design.product.carTarget.value)
        let killed =
            targetShare > 0
            ? malignant + fraction("maskingWindowSurvival", catalogue.maskingWindowSurvival, nil, of: step) : malignant
        return (
            .single(fraction("transductionEfficiency.\(vector.rawValue).T", t, .transductionEfficiency, of: step)),
            Factor(terms: [(targetShare, killed), (1 - targetShare, malignant)].filter { $0.0 > 0 })
        )
    }

    /// The share of the malignant cells that carry a marker: as the file says (0 for a marker not listed, less than
    /// 1 for one a share lacks), the CAR's target as the subclone says when one is followed, and 0 for every marker
    /// when none are declared (taken at their worst: no killing credited).
    private func malignantShare(carrying marker: Marker) -> Double {
        if marker == design.product.carTarget.value, let targetPresence { return targetPresence ? 1 : 0 }
        return design.startingMaterial.malignantShare(carrying: marker) ?? 0
    }

    /// The share of a population that carries any of the markers. Normal populations take it from the
    /// catalogue (capped at 1: CD4 and CD8 cover 95% of T cells). Malignant cells carry exactly their
    /// declared markers; undeclared, they are taken at their worst (kept by selections, missed by depletions).
    /// `masked`: for malignant cells that carry the CAR, whose own CAR hides its target antigen.
    private func coverage(of population: Population, by markers: Set<Marker>, positive: Bool, masked: Bool = false)
        -> Double
    {
        guard population == .malignant else {
            let expression = catalogue.markerExpression[population.rawValue] ?? [:]
            return min(1, Self.ordered(markers).reduce(0) { $0 + (expression[$1.name]?.central ?? 0) })
        }
        guard design.startingMaterial.malignantMarkers != nil else { return positive ? 1 : 0 }
        // Each marker's share as the file states it, the markers independent of one another: the share that carries
        // any of them is 1 − Π(1 − share). With every share 0 or 1 (no negative shares stated) this is all or none.
        let target = design.product.carTarget.value
        let lacking = Self.ordered(markers).reduce(1.0) { product, marker in
            product * (1 - (masked && marker == target ? 0 : malignantShare(carrying: marker)))
        }
        return 1 - lacking
    }

    /// A set's markers by name: summed in a set's order, which changes from run to run, a share of three or more
    /// markers changed in its last digit with it.
    private static func ordered(_ markers: Set<Marker>) -> [Marker] { markers.sorted { $0.name < $1.name } }
}
