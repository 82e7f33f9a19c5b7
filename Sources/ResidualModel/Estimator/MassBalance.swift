import Foundation
import ProcessModel

/// The process as a chain of random factors on each cell population, built once per design.
///
/// Evaluating the chain at one draw of its variables gives every count at every step; at the
/// all-zero draw it gives the central (median-figure) counts. Both the exact path and the Monte
/// Carlo path read this one description, so they cannot disagree about the model.
struct MassBalance: Sendable {
    /// Counts at the start, by population (malignant included only when the file states it).
    let initial: [Population: Double]
    let steps: [StepFactors]
    /// The dose in CAR-positive T cells, or `nil` when the file states none (then all of the product is infused).
    let dose: Double?
    /// Whether the CAR gene integrates, so a malignant cell that takes it up keeps it.
    let integrates: Bool
    /// The random variables, by index: one per figure the process reads, however many steps read it.
    let variables: [Variable]

    /// One figure, drawn once per run and shared by every step that reads it.
    struct Variable: Sendable {
        /// What the figure is: its catalogue path (with the step, for a value the file measured itself).
        let key: String
        let distribution: FigureDistribution
        /// The steps that read it.
        var stepIDs: [String]
        /// The stream of standard normal draws it reads: its key, except that one disease's malignant-cell figure
        /// shares the stream of the same figure of every other disease (`malignantBiology.*.culturePerDay`). What is
        /// unknown about them is mostly what a CAR-T culture does to malignant cells, so a draw kind to B-ALL blasts is
        /// kind to lymphoma cells too; each keeps its own median and range. The reference (B-ALL) and a process of another
        /// disease are then compared in the same culture, not in two independent ones.
        let column: String

        init(key: String, distribution: FigureDistribution, stepIDs: [String]) {
            self.key = key
            self.distribution = distribution
            self.stepIDs = stepIDs
            column = Self.column(of: key)
        }

        static func column(of key: String) -> String {
            // Most keys are no disease's figure: a prefix test settles them without splitting the key, which a lint
            // run did for every variable of every mass balance it built (a tenth of its instructions).
            guard key.utf8.starts(with: "malignantBiology.".utf8) else { return key }
            let parts = key.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0] == "malignantBiology", !isMeasured(key) else { return key }
            return "malignantBiology.*.\(parts[2])"
        }

        /// Whether the figure is one a file measured itself: its key names the step (`... (measured in step 'x')`).
        var isMeasured: Bool { Self.isMeasured(key) }

        /// A plain scan of the key's bytes: Foundation's `contains` and the standard library's `firstRange(of:)` cost
        /// thousands of instructions for a key of a few dozen bytes, and this is asked for every variable of every file.
        static func isMeasured(_ key: String) -> Bool {
            let pattern: [UInt8] = Array(" (measured".utf8)
            var key = key
            return key.withUTF8 { bytes in
                guard bytes.count >= pattern.count else { return false }
                for start in 0...(bytes.count - pattern.count) {
                    var index = 0
                    while index < pattern.count && bytes[start + index] == pattern[index] { index += 1 }
                    if index == pattern.count { return true }
                }
                return false
            }
        }
    }

    /// Every figure at its median: the central counts.
    var centralDraw: [Double] { variables.map(\.distribution.median) }

    struct StepFactors: Sendable {
        let stepID: String
        let kind: OperationKind
        let factors: PopulationTable<Factor>
        /// The factor on malignant cells that carry the CAR, where it differs: the CAR binds its own
        /// antigen on the same cell and hides it (Ruella 2018), so a selection or depletion on that
        /// antigen no longer sees them.
        let carryingMalignant: Factor?
        /// For a gene-transfer step, the fraction of T cells and of malignant cells that take up the gene.
        let uptake: (tCell: Factor, malignant: Factor)?

        func factor(for population: Population, carrying: Bool) -> Factor? {
            carrying && population == .malignant ? (carryingMalignant ?? factors[population]) : factors[population]
        }
    }

    /// Counts after each step of one draw.
    struct Trace {
        /// Untransduced and transduced counts per population, after each step.
        var counts: [[Population: (plain: Double, carrying: Double)]]
    }

    /// Propagates one draw through the steps.
    func trace(at draw: [Double]) -> Trace {
        var current = initial.mapValues { (plain: $0, carrying: 0.0) }
        var counts: [[Population: (plain: Double, carrying: Double)]] = []
        counts.reserveCapacity(steps.count)
        for step in steps {
            for (population, factor) in step.factors.entries {
                guard let count = current[population] else { continue }
                let value = factor.value(at: draw)
                let carryingValue = population == .malignant ? step.carryingMalignant?.value(at: draw) ?? value : value
                current[population] = (count.plain * value, count.carrying * carryingValue)
            }
            if let uptake = step.uptake {
                for (population, fraction) in [(Population.T, uptake.tCell), (.malignant, uptake.malignant)] {
                    guard let count = current[population] else { continue }
                    let taken = min(1, fraction.value(at: draw)) * count.plain
                    current[population] = (count.plain - taken, count.carrying + taken)
                }
            }
            counts.append(current)
        }
        return Trace(counts: counts)
    }

    /// CAR-carrying malignant cells in the dose for one draw: the physical λ.
    func lambda(at draw: [Double]) -> (lambda: Double, doseShare: Double) {
        draw.withUnsafeBufferPointer { LambdaProgram(self).lambda($0) }
    }

    /// The product of one population's factors over steps `0..<end`: for the cells that carry the CAR,
    /// with the gene uptake and the factors that apply to them after it.
    func chain(_ population: Population, through end: Int, carrying: Bool) -> Factor {
        var product = Factor.one
        var transferred = false
        for step in steps[..<end] {
            if let factor = step.factor(for: population, carrying: carrying && transferred) {
                product = product * factor
            }
            if carrying, let uptake = step.uptake {
                product = product * (population == .T ? uptake.tCell : uptake.malignant)
                transferred = true
            }
        }
        return product
    }
}
