import Foundation
import ProcessModel
import Testing

@testable import ResidualModel

/// The calibration is fitted in the open, within each draw; these tests show that it agrees with the record
/// it is fitted to and what it does to the reference processes.
@Suite struct CalibrationTests {
    let catalogue = Catalogue.bundled
    let calibration = Support.estimator.calibration

    func risk(_ design: ProcessDesign, steps: [Step]? = nil, estimator: ResidualEstimator = Support.estimator) throws
        -> Risk
    {
        try #require(estimator.risk(of: Support.balance(design, steps: steps), design: design) as Risk?)
    }

    /// The reference process shares every figure with itself: its relative risk is one number (its blast
    /// load and dose against the cohort's), with no spread, so its calibrated λ is the recorded rate scaled by it.
    @Test func theReferenceSharesEveryDrawWithItselfSoNothingAddsSpread() throws {
        let reference = try risk(
            Support.design(file: "processes/ctl019-academic-2018.yaml"), estimator: Support.priorEstimator)
        let expected = pow10(-calibration.log10CohortScale)
        #expect(abs(reference.relativeRisk.low / expected - 1) < 1e-9)
        #expect(abs(reference.relativeRisk.high / expected - 1) < 1e-9)
        // The median of rate × constant is the constant times the rate's median (5e-3), up to Monte Carlo error.
        let rate = catalogue.calibration.recordedRate.central
        #expect(abs(reference.calibratedLambda.median / (rate * expected) - 1) < 0.02)
    }

    /// The first edition fitted κ at central figures and then drew it independently of the figures it was
    /// fitted against: at the reference it gave 6.4% against the recorded 0.17%. Now, over the reference's
    /// own cohort, the averaged chance is the mean of the recorded rate: inside its 90% range.
    @Test func theAveragedRiskOfTheReferenceCohortIsTheRecordedRate() throws {
        let design = try Support.design(file: "processes/ctl019-academic-2018.yaml")
        let reference = try risk(design, estimator: Support.priorEstimator)
        let perCohortPatient = reference.calibratedProbability.mean * pow10(calibration.log10CohortScale)
        let low = try #require(catalogue.calibration.recordedRate.low)
        let high = try #require(catalogue.calibration.recordedRate.high)
        #expect(perCohortPatient > catalogue.calibration.recordedRate.central && perCohortPatient < high)
        #expect(perCohortPatient > low)
        // The mean of the recorded rate's own distribution, to Monte Carlo error.
        let rates = calibration.rateColumn(Draws(count: 100_000, seed: 2018))
        let meanRate = rates.reduce(0, +) / Double(rates.count)
        #expect(abs(perCohortPatient / meanRate - 1) < 0.1)
    }

    /// Updated on the record, the reference cohort's averaged risk is the mean of the rate's posterior: the zero
    /// events of the commercial cohorts pull it below the academic cohort's one event in 201, and inside its range.
    @Test func updatedOnTheRecordTheReferenceCohortTakesThePosteriorRate() throws {
        let design = try Support.design(file: "processes/ctl019-academic-2018.yaml")
        let perCohortPatient =
            try risk(design).calibratedProbability.mean * pow10(calibration.log10CohortScale)
        let posterior = try #require(Support.estimator.posterior)
        let rates = calibration.rateColumn(Draws(count: 100_000, seed: 2018, posterior: PosteriorDraws(posterior)))
        let meanRate = rates.reduce(0, +) / Double(rates.count)
        #expect(abs(perCohortPatient / meanRate - 1) < 0.1)
        let recorded = catalogue.calibration.recordedRate
        #expect(perCohortPatient < recorded.central && perCohortPatient > (recorded.low ?? 0))
    }

    @Test func depletingTumourBeforeTransductionLowersTheCalibratedRiskFiftyFold() throws {
        let design = try Support.design(file: "processes/ctl019-academic-2018.yaml")
        var steps = design.steps
        let anchor = SourceRange(at: .fileStart)
        let index = try #require(steps.firstIndex { $0.kind == .activation })
        steps.insert(
            Step(
                id: Located("cd19-depletion", at: anchor),
                operation: Located(
                    .depletion(.init(markers: [Located(Marker(normalising: "CD19"), at: anchor)], device: nil)),
                    at: anchor),
                note: nil, performance: nil, range: anchor, index: index), at: index)
        let before = try risk(design)
        let after = try risk(design, steps: steps)
        #expect(after.calibratedLambda.median < before.calibratedLambda.median / 50)
        #expect(after.calibratedProbability.mean < before.calibratedProbability.mean / 10)
    }

    /// The cohort's blast load enters through its mean, far above its median: the upper tail of patients
    /// carries the cohort's λ.
    @Test func theCohortBlastLoadEntersThroughItsMean() {
        let figure = catalogue.calibration.cohortMalignantFraction
        let mean = Calibration.mean(of: figure)
        #expect(mean > 0.05 && mean < 0.11, "cohort mean blast fraction \(mean)")
    }

    /// An absolute calibrated P is labelled with its cohort only where the indication has one.
    @Test func onlyAnIndicationWithACohortIsCalibratedByName() throws {
        let bALL = try #require(Support.estimator.risk(of: try Support.design(file: "processes/kymriah.yaml")))
        let myeloma = try #require(Support.estimator.risk(of: try Support.design(file: "processes/abecma.yaml")))
        #expect(bALL.calibrationCohort == catalogue.calibration.cohort)
        #expect(myeloma.calibrationCohort == nil)
    }
}
