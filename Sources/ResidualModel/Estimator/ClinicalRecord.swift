import Foundation
import ProcessModel

/// The reference products held against what happened to their patients: for each, the designs its file may
/// stand for, and what turns its calibrated λ (expected events per patient at the file's own blast load and
/// dose) into the events expected over its whole published exposure.
///
/// Both the update of the catalogue on the record (`PosteriorFit`) and the credibility check read it, so the
/// two cannot count a cohort differently.
public struct ClinicalRecord: Sendable {
    public struct Product: Sendable {
        /// The product's reference process file name, as the catalogue's `exposure` keys it.
        public let name: String
        public let design: ProcessDesign
        public let observedEvents: Int
        public let patients: Double
        /// Events over the exposure per unit of calibrated λ at the file's figures: Σ over indications of the
        /// patients times the indication's mean blast load over the file's (and, for B-ALL, the calibration
        /// cohort's mean dose over the file's: λ is proportional to both while the dose share stays below 1).
        public let exposureScale: Double
        /// Every design the file may stand for (one when no step lists alternatives), with its choices.
        let designs: [(label: String, steps: [Step])]
        /// Whether this is the calibration reference's own cohort, whose event the recorded rate already holds.
        public let isCalibrationCohort: Bool

        public var alternativeLabels: [String] { designs.map(\.label) }
    }

    public let products: [Product]

    /// The products of the catalogue's `exposure`, each with its reference process; a product without a design
    /// given is left out.
    public init(catalogue: Catalogue, designs: [String: ProcessDesign], calibrationReference: ProcessDesign) {
        let settings = catalogue.calibration
        products = catalogue.exposure.sorted { $0.key < $1.key }.compactMap { name, exposure in
            guard let design = designs[name], let fileFraction = design.startingMaterial.composition[.malignant]?.value,
                fileFraction > 0
            else { return nil }
            var builder = MassBalanceBuilder(design: design, catalogue: catalogue)
            let fileDose = builder.build(steps: design.steps).dose ?? settings.cohortDose.central
            // In a fixed order: a dictionary's changes from run to run, and a sum's last digit with it.
            let scale = exposure.patients.sorted { $0.key < $1.key }.reduce(0.0) { sum, entry in
                let (indication, patients) = entry
                let bALL = indication == "B-ALL"
                guard let fraction = bALL ? settings.cohortMalignantFraction : catalogue.circulatingFraction[indication]
                else { return sum }
                let dose = bALL ? settings.cohortDose.central / fileDose : 1
                return sum + patients.central * Calibration.mean(of: fraction) / fileFraction * dose
            }
            let alternatives = DesignAlternatives.choices(of: design).map { choices, steps in
                (choices.map { "\($0.stepID): \($0.label)" }.joined(separator: "; "), steps)
            }
            return Product(
                name: name, design: design, observedEvents: exposure.observedEvents,
                patients: exposure.patients.values.reduce(0) { $0 + $1.central }, exposureScale: scale,
                designs: alternatives.isEmpty ? [("as stated", design.steps)] : alternatives,
                isCalibrationCohort: design.name.value == calibrationReference.name.value)
        }
    }
}
