import Foundation
import ProcessModel
@testable import ResidualModel
import Testing

/// The calibration is fitted in the open; these tests show what it does to the reference processes.
@Suite struct CalibrationTests {
    let catalogue = Catalogue.bundled

    func calibratedMedian(_ design: ProcessDesign, steps: [Step]? = nil, malignantFraction: Double? = nil) -> Double {
        let lambda = Support.centralLambda(Support.balance(design, steps: steps, malignantFraction: malignantFraction))
        return -expm1(-lambda * pow10(Support.estimator.calibration.log10Kappa.mean))
    }

    @Test func theFitReproducesTheRecordedRateForTheReferencePatient() throws {
        let design = try Support.design(file: "processes/ctl019-academic-2018.yaml")
        let rate = catalogue.calibration.recordedRate.central
        let fitted = calibratedMedian(design, malignantFraction: catalogue.calibration.referenceMalignantFraction.central)
        #expect(abs(fitted / rate - 1) < 1e-9)
    }

    /// The reference file states a worst-case blast load (20%); its risk must stay within the record's range
    /// scaled to that load, and far above the record's floor.
    @Test func theAcademicProcessLandsWithinTheRangeTheRecordSupports() throws {
        let design = try Support.design(file: "processes/ctl019-academic-2018.yaml")
        let fraction = try #require(design.startingMaterial.composition[.malignant]?.value)
        let load = fraction / catalogue.calibration.referenceMalignantFraction.central
        let p = calibratedMedian(design)
        let low = try #require(catalogue.calibration.recordedRate.low)
        let high = try #require(catalogue.calibration.recordedRate.high)
        #expect(p >= low)
        #expect(p <= high * load)
    }

    @Test func depletingTumourBeforeTransductionLandsWellBelowTheRecord() throws {
        let academic = try Support.design(file: "processes/ctl019-academic-2018.yaml")
        let depleted = try Support.design(file: "processes/ctl019-academic-2018.yaml")
        var steps = depleted.steps
        let anchor = SourceRange(at: .fileStart)
        let index = try #require(steps.firstIndex { $0.kind == .activation })
        steps.insert(Step(id: Located("cd19-depletion", at: anchor),
                          operation: Located(.depletion(.init(markers: [Located(Marker(normalising: "CD19"), at: anchor)], device: nil)), at: anchor),
                          note: nil, performance: nil, range: anchor, index: index), at: index)
        let reference = catalogue.calibration.referenceMalignantFraction.central
        let before = calibratedMedian(academic, malignantFraction: reference)
        let after = calibratedMedian(academic, steps: steps, malignantFraction: reference)
        let floor = try #require(catalogue.calibration.recordedRate.low)
        #expect(after < before / 50)
        #expect(after < floor)
    }

    @Test func calibrationFactorIsSmallAndItsSpreadComesFromTheRecord() {
        let kappa = Support.estimator.calibrationFactor
        #expect(kappa.median < 1e-3)
        #expect(kappa.high / kappa.low > 10)
    }
}
