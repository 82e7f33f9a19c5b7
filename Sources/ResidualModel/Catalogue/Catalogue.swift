import Foundation
import ProcessModel

/// Every number the estimator uses, each with its source or the word `assumption`.
///
/// It is data, not code: `Resources/catalogue.json` in this package. A process file may replace a
/// figure for one of its steps (`performance:`), with a source of its own.
public struct Catalogue: Codable, Sendable {
    /// The catalogue's own format version.
    public let catalogue: Int
    /// Fraction of each normal population that carries each marker; selections and depletions act
    /// through these. Malignant cells carry exactly the markers the process file declares.
    public let markerExpression: [String: [String: Figure]]
    public let densityGradient: DensityGradient
    public let elutriation: Elutriation
    public let adherence: Adherence
    public let positiveSelection: PositiveSelection
    public let depletion: Depletion
    public let magneticBeadActivation: MagneticBeadActivation
    public let culture: Culture
    /// Fraction of cells that take up the CAR gene, by vector kind and by population (`T`, and `malignant`
    /// for the vectors `malignantBiology` does not give by disease).
    public let transductionEfficiency: [String: [String: Figure]]
    /// What culture, gene transfer and freezing do to malignant cells, by indication (`unknown` for one the
    /// catalogue does not hold): the process file's `indication` selects the set.
    public let malignantBiology: [String: DiseaseBiology]
    /// Survival of a transduced malignant cell that carries the CAR's target through the window before its
    /// own CAR masks the target, while CAR T cells can still see it.
    public let maskingWindowSurvival: Figure
    /// Fraction of cells recovered by steps that neither select nor grow cells, by operation.
    public let stepRecovery: [String: Figure]
    public let freezeThawViability: Figure
    /// Composition used for a normal population the process file does not state (never for malignant cells).
    public let defaultComposition: [String: Figure]
    public let defaultBodyWeightKilograms: Figure
    public let calibration: Calibration
    /// Patients treated with each reference product by indication, and the events of the mechanism seen
    /// among them: what the credibility check holds the estimate against. Keyed by the reference process's file name.
    public let exposure: [String: Exposure]
    /// Circulating malignant fraction at apheresis across patients, by indication (B-ALL is the
    /// calibration cohort's): its mean sets a product's expected events in that indication.
    public let circulatingFraction: [String: Figure]

    public struct Exposure: Codable, Sendable {
        /// Relapses from a CAR-carrying malignant cell reported among these patients.
        public let observedEvents: Int
        /// Patients treated, by indication.
        public let patients: [String: Figure]
    }

    public struct DensityGradient: Codable, Sendable {
        public let mononuclearRecovery: Figure
        public let granulocyteLogDepletion: Figure
        public let malignantLogDepletion: Figure
    }

    public struct Elutriation: Codable, Sendable {
        public let lymphocyteRecovery: Figure
        public let monocyteLogDepletion: Figure
        public let granulocyteLogDepletion: Figure
        public let malignantLogDepletion: Figure
    }

    public struct Adherence: Codable, Sendable {
        public let recovery: Figure
        public let monocyteLogDepletion: Figure
    }

    public struct PositiveSelection: Codable, Sendable {
        public let targetRecovery: Figure
        public let nonTargetLogDepletion: Figure
    }

    public struct Depletion: Codable, Sendable {
        public let targetLogDepletion: Figure
        public let nonTargetRecovery: Figure
    }

    /// Activation on paramagnetic anti-CD3/CD28 beads, when the bead-bound cells are kept magnetically:
    /// a weak T-cell selection.
    public struct MagneticBeadActivation: Codable, Sendable {
        public let tCellRecovery: Figure
        public let nonTargetLogDepletion: Figure
    }

    public struct Culture: Codable, Sendable {
        /// log10 change per day in culture, by population (positive: expansion; negative: death).
        public let logFoldPerDay: [String: Figure]
        /// Days in culture that an activation step stands for, before the next step.
        public let activationDays: Figure
    }

    /// What the clinical record says, used to turn the physical λ into a calibrated one.
    public struct Calibration: Codable, Sendable {
        /// The cohort treated with the reference process whose record the calibration rests on.
        public let cohort: String
        /// The indications that cohort stands for: only for these is an absolute calibrated P printed.
        public let indications: [String]
        /// Relapses from a CAR-transduced malignant cell per patient of that cohort (a Poisson mean).
        public let recordedRate: Figure
        /// Circulating malignant fraction at apheresis across the cohort's patients: patient-to-patient
        /// spread, not uncertainty about one patient. Its mean enters the calibration, since λ is linear in it.
        public let cohortMalignantFraction: Figure
        /// The cohort's mean dose of CAR-positive T cells.
        public let cohortDose: Figure
    }

    /// The catalogue shipped with the tool.
    public static let bundled: Catalogue = {
        do {
            return try load(
                from: Bundle.module.url(forResource: "catalogue", withExtension: "json", subdirectory: "Resources")!)
        } catch {
            fatalError("the bundled catalogue does not decode: \(error)")
        }
    }()

    public static func load(from url: URL) throws -> Catalogue {
        try JSONDecoder().decode(Catalogue.self, from: Data(contentsOf: url))
    }

    /// Every figure with a path naming it, for checks and documentation.
    public var allFigures: [(path: String, figure: Figure)] {
        var figures: [(String, Figure)] = []
        func add(_ prefix: String, _ value: Any) {
            for child in Mirror(reflecting: value).children {
                guard let label = child.label else { continue }
                let path = prefix.isEmpty ? label : "\(prefix).\(label)"
                if let figure = child.value as? Figure {
                    figures.append((path, figure))
                } else if let table = child.value as? [String: Figure] {
                    figures += table.sorted { $0.key < $1.key }.map { ("\(path).\($0.key)", $0.value) }
                } else if let diseases = child.value as? [String: DiseaseBiology] {
                    for (key, biology) in diseases.sorted(by: { $0.key < $1.key }) { add("\(path).\(key)", biology) }
                } else if let products = child.value as? [String: Exposure] {
                    for (key, product) in products.sorted(by: { $0.key < $1.key }) {
                        figures += product.patients.sorted { $0.key < $1.key }.map {
                            ("\(path).\(key).\($0.key)", $0.value)
                        }
                    }
                } else if let nested = child.value as? [String: [String: Figure]] {
                    for (key, table) in nested.sorted(by: { $0.key < $1.key }) {
                        figures += table.sorted { $0.key < $1.key }.map { ("\(path).\(key).\($0.key)", $0.value) }
                    }
                } else if !(child.value is Int || child.value is String || child.value is [String]) {
                    add(path, child.value)
                }
            }
        }
        add("", self)
        return figures
    }
}
