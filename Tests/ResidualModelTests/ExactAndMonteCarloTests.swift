import Foundation
import ProcessModel
import Testing

@testable import ResidualModel

/// The exact log-normal path and the Monte Carlo path read one model; on a pure product of normal figures
/// they must agree within Monte Carlo error. The bundled catalogue's figures are mostly skewed, so these
/// tests run on a copy whose ranges are made symmetric (`Support.symmetricCatalogue`).
@Suite struct ExactAndMonteCarloTests {
    let estimator = Support.symmetricEstimator

    @Test(arguments: [
        "processes/ctl019-academic-2018.yaml", "processes/kymriah.yaml",
        "processes/flawed/cd19-depletion-cd19-negative-relapse.yaml",
        "processes/flawed/transduction-before-tumour-depletion.yaml",
    ])
    func bothPathsAgreeWithinMonteCarloError(file: String) throws {
        let design = try Support.design(file: file)
        let exact = try #require(estimator.risk(of: design))
        #expect(exact.method == .exact)
        let sampled = estimator.monteCarloRisk(of: design, draws: 100_000, seed: 7)
        // The standard error of a median of log10 λ is about 1.25 σ / √n: under 0.01 log here.
        #expect(abs(log10(sampled.lambda.median / exact.lambda.median)) < 0.03)
        #expect(abs(log10(sampled.lambda.high / exact.lambda.high)) < 0.05)
        #expect(abs(log10(sampled.calibratedLambda.median / exact.calibratedLambda.median)) < 0.03)
        // A mean of values in [0, 1] over 100,000 draws has a standard error below 0.0016.
        #expect(abs(sampled.calibratedProbability.mean - exact.calibratedProbability.mean) < 0.01)
        #expect(abs(sampled.probability.mean - exact.probability.mean) < 0.01)
        #expect(abs(log10(sampled.relativeRisk.median / exact.relativeRisk.median)) < 0.03)
    }

    /// Under the record's update the streams are correlated: the exact path's covariances and Monte Carlo's
    /// Cholesky draws must still agree.
    @Test(arguments: ["processes/ctl019-academic-2018.yaml", "processes/yescarta.yaml"])
    func bothPathsAgreeOnCorrelatedStreams(file: String) throws {
        let estimator = Support.symmetricUpdatedEstimator
        #expect(estimator.posterior != nil)
        let design = try Support.design(file: file)
        let exact = try #require(estimator.risk(of: design))
        #expect(exact.method == .exact, "\(exact.methodNote ?? "")")
        let sampled = estimator.monteCarloRisk(of: design, draws: 100_000, seed: 5)
        #expect(abs(log10(sampled.lambda.median / exact.lambda.median)) < 0.03)
        #expect(abs(log10(sampled.lambda.high / exact.lambda.high)) < 0.05)
        #expect(abs(log10(sampled.calibratedLambda.median / exact.calibratedLambda.median)) < 0.03)
        #expect(abs(log10(sampled.calibratedLambda.low / exact.calibratedLambda.low)) < 0.05)
        #expect(abs(sampled.calibratedProbability.mean - exact.calibratedProbability.mean) < 0.01)
    }

    /// Another disease's malignant figures share the reference's streams of draws (one culture, kind or harsh to both):
    /// the exact path adds their loadings on the shared stream, and agrees with Monte Carlo over the same streams.
    @Test(arguments: ["processes/yescarta.yaml", "processes/breyanzi.yaml"])
    func anotherDiseaseSharesTheReferenceStreamsExactly(file: String) throws {
        let design = try Support.design(file: file)
        let exact = try #require(estimator.risk(of: design))
        #expect(exact.method == .exact, "\(exact.methodNote ?? "")")
        let sampled = estimator.monteCarloRisk(of: design, draws: 100_000, seed: 11)
        #expect(abs(log10(sampled.calibratedLambda.median / exact.calibratedLambda.median)) < 0.03)
        #expect(abs(log10(sampled.relativeRisk.high / exact.relativeRisk.high)) < 0.05)
        #expect(abs(sampled.calibratedProbability.mean - exact.calibratedProbability.mean) < 0.01)
    }

    /// A dose close to all the product makes: the share's cap at 1 matters, and the exact path integrates it.
    @Test(arguments: ["1.0e9", "5.0e8", "2.0e8"])
    func theCappedShareIsIntegratedExactly(dose: String) throws {
        let design = try Support.process(
            steps: """
                  - {id: t, operation: transduction}
                  - {id: e, operation: expansion, days: 1}
                """, dose: "car_t_cells: \(dose)")
        let exact = try #require(estimator.risk(of: design))
        #expect(exact.method == .exact)
        let sampled = estimator.monteCarloRisk(of: design, draws: 100_000, seed: 3)
        #expect(abs(log10(sampled.lambda.median / exact.lambda.median)) < 0.03)
        #expect(abs(log10(sampled.lambda.low / exact.lambda.low)) < 0.05)
        #expect(abs(log10(sampled.lambda.high / exact.lambda.high)) < 0.05)
        #expect(abs(log10(sampled.lambda.mean / exact.lambda.mean)) < 0.1)
        #expect(abs(sampled.calibratedProbability.mean - exact.calibratedProbability.mean) < 0.01)
        #expect(abs(sampled.doseShare.median - exact.doseShare.median) < 0.02)
    }

    @Test func monteCarloIsReproducibleForASeed() throws {
        let design = try Support.design(file: "processes/breyanzi.yaml")
        let first = Support.estimator.monteCarloRisk(of: design, draws: 5_000, seed: 11)
        let second = Support.estimator.monteCarloRisk(of: design, draws: 5_000, seed: 11)
        let other = Support.estimator.monteCarloRisk(of: design, draws: 5_000, seed: 12)
        #expect(first.lambda == second.lambda)
        #expect(first.lambda != other.lambda)
    }

    /// With the bundled catalogue's skewed figures the exact path does not apply, and the estimate says why.
    @Test func skewedFiguresHandTheRiskToMonteCarloWhichSaysWhy() throws {
        let risk = try #require(
            Support.estimator.risk(of: try Support.design(file: "processes/ctl019-academic-2018.yaml")))
        guard case .monteCarlo = risk.method else {
            Issue.record("expected Monte Carlo")
            return
        }
        #expect(risk.methodNote?.contains("asymmetric") == true)
    }

    @Test func partialMarkerCoverageFallsBackToMonteCarlo() throws {
        // A CD4 depletion removes the 60% of T cells that carry CD4 at one rate and passes the other 40% at
        // another: no term dominates. (A small dose keeps the dose share far from its cap.)
        let design = try Support.process(
            steps: """
                  - {id: s, operation: depletion, markers: [CD4]}
                  - {id: t, operation: transduction}
                """, dose: "car_t_cells: 1.0e5")
        let balance = Support.balance(design)
        #expect(balance.chain(.T, through: 1, carrying: false).logLinear(at: balance.centralDraw) == nil)
        guard case .monteCarlo = try #require(Support.estimator.risk(of: design)).method else {
            Issue.record("expected Monte Carlo")
            return
        }
    }

    @Test func normalExpectationMatchesAKnownClosedForm() {
        // E[10^X] for X ~ N(m, s) is 10^(m + s² ln10 / 2).
        let normal = Normal(mean: 0.3, deviation: 0.4)
        let expected = pow10(0.3 + 0.16 * log(10) / 2)
        #expect(abs(normal.expectation { pow10($0) } / expected - 1) < 1e-6)
    }
}

/// The step table propagates every population in counts; the risk propagates T and malignant cells in
/// log10 counts. Both must give the same λ for any draw.
@Suite struct PropagationAgreementTests {
    @Test(arguments: ["ctl019-academic-2018", "breyanzi", "tecartus", "kymriah"])
    func stepTableAndRiskPropagateAlike(name: String) throws {
        let balance = Support.balance(try Support.design(file: "processes/\(name).yaml"))
        var generator = SplitMix64(seed: 99)
        for _ in 0..<200 {
            let draw = balance.variables.map { $0.distribution.value(generator.nextStandardNormal()) }
            let final = try #require(balance.trace(at: draw).counts.last)
            let carT = try #require(final[.T]?.carrying)
            let share = min(1, try #require(balance.dose) / carT)
            let fromTrace = share * (final[.malignant]?.carrying ?? 0)
            let fromProgram = balance.lambda(at: draw).lambda
            #expect(abs(fromProgram / fromTrace - 1) < 1e-9)
        }
    }
}
