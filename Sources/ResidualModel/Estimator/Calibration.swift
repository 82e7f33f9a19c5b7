import Foundation
import ProcessModel

/// Turns the physical λ into the clinical one.
///
/// The physical mass balance leaves many CAR-carrying malignant cells in a product that the clinical
/// record shows almost never causes a relapse from one (one case among hundreds of patients). What
/// the physical model does not hold (most such cells die in the patient or never regrow the disease)
/// is one factor κ, fitted in the open: κ·λ for the academic CTL019 process at a typical patient's
/// malignant fraction equals the recorded rate. κ is a calibration, not a measurement.
struct Calibration: Sendable {
    /// log10 κ, with the spread of the recorded rate and of the reference patient's malignant fraction.
    let log10Kappa: Normal

    init(catalogue: Catalogue, reference: ProcessDesign) {
        var builder = MassBalanceBuilder(design: reference, catalogue: catalogue)
        let balance = builder.build(steps: reference.steps, malignantFraction: catalogue.calibration.referenceMalignantFraction.central)
        let referenceLambda = balance.lambda(at: balance.centralDraw).lambda
        let rate = catalogue.calibration.recordedRate
        // Solve 1 − exp(−κλ) = rate for κ at the central figures.
        let kappa = -log(1 - rate.central) / referenceLambda
        let spread = catalogue.calibration.recordedRate.log10Normal.deviation
        let fractionSpread = catalogue.calibration.referenceMalignantFraction.log10Normal.deviation
        log10Kappa = Normal(mean: log10(kappa), deviation: (spread * spread + fractionSpread * fractionSpread).squareRoot())
    }

    /// The reference process shipped with the tool: the academic CTL019 design (a copy of
    /// `processes/ctl019-academic-2018.yaml`; a test keeps the two in step).
    static let referenceDesign: ProcessDesign = {
        let url = Bundle.module.url(forResource: "calibration-reference", withExtension: "yaml", subdirectory: "Resources")!
        let result = ProcessLoader().load(file: url.path)
        guard let design = result.design else { fatalError("the calibration reference does not load: \(result.diagnostics)") }
        return design
    }()
}
