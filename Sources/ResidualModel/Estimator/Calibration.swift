import Foundation
import ProcessModel

/// Turns the physical λ into the clinical one, within each draw.
///
/// The physical mass balance leaves many CAR-carrying malignant cells in a product that the clinical
/// record shows almost never causes a relapse from one. What the physical model does not hold (most
/// such cells die in the patient or never regrow the disease) is one factor κ: expected relapses from
/// CAR-carrying malignant cells = κ·λ. It is fitted in the open, in every draw of the figures: κ·λ of
/// the reference process (academic CTL019), averaged over its cohort's patients (their blast load and
/// dose), equals the cohort's recorded event rate. An assessed process reads the same draws, so its
/// calibrated λ is the recorded rate times its λ relative to the reference: figures the two share cancel,
/// and only what differs from the reference adds spread. κ is assumed not to depend on the process.
struct Calibration: Sendable {
    /// The reference process's mass balance, at the file's own malignant fraction and dose.
    let reference: MassBalance
    /// log10 of the reference's λ over the cohort's average patient against λ at the file's own figures.
    let log10CohortScale: Double
    /// Events per patient of the cohort (Poisson mean), on log10.
    let rate: MassBalance.Variable
    /// The cohort, as the output names it, and the indications it stands for.
    let cohort: String
    let indications: [String]
    /// log10 of the reference's cohort λ over the reference's own variables, when it is a pure product (its dose
    /// share not capped: λ stays proportional to the dose it is scaled by). The same for every file: formed once.
    private let referenceProduct: LogLinear?

    static let rateKey = "calibration.recordedRate"

    init(catalogue: Catalogue, reference design: ProcessDesign) {
        var builder = MassBalanceBuilder(design: design, catalogue: catalogue)
        reference = builder.build(steps: design.steps)
        let settings = catalogue.calibration
        let fileFraction =
            design.startingMaterial.composition[.malignant]?.value ?? settings.cohortMalignantFraction.central
        let fileDose = reference.dose ?? settings.cohortDose.central
        // λ is proportional to the malignant fraction, and to the dose while the share stays below 1.
        log10CohortScale =
            log10(Self.mean(of: settings.cohortMalignantFraction) / fileFraction)
            + log10(settings.cohortDose.central / fileDose)
        rate = MassBalance.Variable(key: Self.rateKey, distribution: settings.recordedRate.distribution, stepIDs: [])
        cohort = settings.cohort
        indications = settings.indications
        let scale = log10CohortScale
        referenceProduct = LambdaForm(reference).map { $0.uncapped + .constant(scale) }
    }

    /// Whether the indication has a calibration cohort, so an absolute calibrated P can be printed. The indication
    /// is resolved as the malignant biology is ("B-ALL, CD19-negative relapse" and "BCP-ALL" are B-ALL).
    func covers(_ indication: ResolvedIndication) -> Bool {
        indication.isKnown && indications.contains { $0.caseInsensitiveCompare(indication.name) == .orderedSame }
    }

    /// The mean of a fraction across patients: a numerical integral of its split normal on log10, capped at 1.
    static func mean(of figure: Figure) -> Double {
        let distribution = figure.distribution
        let steps = 400
        let width = 16.0 / Double(steps)
        var sum = 0.0
        for index in 0...steps {
            let z = -8 + Double(index) * width
            let weight = (index == 0 || index == steps) ? 0.5 : 1
            sum += weight * exp(-z * z / 2) * pow10(distribution.value(z))
        }
        return sum * width / (2 * Double.pi).squareRoot()
    }

    /// log10 of the reference's cohort λ for every draw of the run, computed once per run.
    func referenceColumn(_ draws: Draws) -> [Double] {
        draws.memo("calibration reference") {
            let program = LambdaProgram(reference, capsShare: false)
            let columns = reference.variables.map { draws.column($0.column) }
            var draw = reference.centralDraw
            return (0..<draws.count).map { index in
                for variable in program.variables {
                    draw[variable] = reference.variables[variable].distribution.value(columns[variable][index])
                }
                return log10(draw.withUnsafeBufferPointer { program.lambda($0).lambda }) + log10CohortScale
            }
        }
    }

    /// The cohort's event rate for every draw of the run.
    func rateColumn(_ draws: Draws) -> [Double] {
        draws.memo(Self.rateKey) { draws.column(Self.rateKey).map { pow10(rate.distribution.value($0)) } }
    }

    /// log10 of the reference's cohort λ as a form over `variables` (extended with the reference's own), when
    /// it is a pure product.
    func referenceForm(joining variables: inout [MassBalance.Variable]) -> LogLinear? {
        guard let referenceProduct else { return nil }
        return referenceProduct.reindexed(MassBalance.Variable.join(reference.variables, into: &variables))
    }

    /// The reference process shipped with the tool: the academic CTL019 design (a copy of
    /// `processes/ctl019-academic-2018.yaml`; a test keeps the two in step).
    static let referenceDesign: ProcessDesign = {
        let url = Bundle.module.url(
            forResource: "calibration-reference", withExtension: "yaml", subdirectory: "Resources")!
        let result = ProcessLoader().load(file: url.path)
        guard let design = result.design else {
            fatalError("the calibration reference does not load: \(result.diagnostics)")
        }
        return design
    }()
}
