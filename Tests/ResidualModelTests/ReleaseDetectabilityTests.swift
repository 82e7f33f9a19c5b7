import Foundation
import ProcessModel
import Testing

@testable import ResidualModel

/// The release test read as Poisson sampling of malignant events, against closed forms.
struct ReleaseDetectabilityTests {
    /// P(K < k) for K ~ Poisson(μ), summed term by term in log space: the definition, for comparison.
    static func directSum(_ k: Int, _ mean: Double) -> Double {
        (0..<k).reduce(0) { $0 + exp(-mean + Double($1) * log(mean) - lgamma(Double($1) + 1)) }
    }

    @Test(arguments: [1e-6, 0.01, 0.5, 1, 2.9957, 10, 50, 700, 2000])
    func oneEventPassesWithTheChanceOfSeeingNone(mean: Double) {
        // A method that calls a sample positive on one event misses it only when it sees none: e^(−N f).
        let passing = PoissonSampling.fewerThan(1, mean: mean)
        #expect(abs(passing - exp(-mean)) <= 1e-12 * max(exp(-mean), 1e-300))
    }

    @Test(arguments: [
        (20, 5.0), (20, 19.5), (20, 27.9), (20, 60.0), (3, 0.4), (3, 9.0), (10_001, 9_800.0), (10_001, 10_200.0),
    ])
    func eventsThresholdMatchesTheSumOfPoissonTerms(k: Int, mean: Double) {
        let expected = Self.directSum(k, mean)
        #expect(abs(PoissonSampling.fewerThan(Double(k), mean: mean) - expected) <= 1e-9 * max(expected, 1e-12))
    }

    @Test func limitOfDetectionIsTheFractionSeenInNineteenTestsOfTwenty() {
        // One event: P(K ≥ 1) = 1 − e^(−μ) = 0.95 at μ = ln 20.
        #expect(abs(PoissonSampling.mean(seeingAtLeast: 1) - log(20)) < 1e-9)
        let flow = ReleaseDetectability.Method(acquiredEvents: 1e6, events: 20)
        let atLimit = flow.limitOfDetection * flow.acquiredEvents
        #expect(abs(Self.directSum(20, atLimit) - 0.05) < 1e-9)
        #expect(abs(flow.passProbability(fraction: flow.limitOfDetection) - 0.05) < 1e-9)
    }

    @Test func aSpecificationLimitAboveTheMethodsLetsLotsUnderItPass() {
        // 1e-2 of 1e5 events is 1000: a lot fails only from 1001 events on, whatever the method could see.
        let method = ReleaseDetectability.Method(acquiredEvents: 1e5, events: 1, specification: 1e-2)
        #expect(method.failingEvents == 1001)
        #expect(abs(method.passProbability(fraction: 0.009) - Self.directSum(1001, 900)) < 1e-9)
        #expect(method.limit > 1e-2 && method.limit < 1.1e-2)
        // A specification under what the method can see changes nothing.
        let tight = ReleaseDetectability.Method(acquiredEvents: 1e5, events: 20, specification: 1e-7)
        #expect(tight.failingEvents == 20 && tight.limit == tight.limitOfDetection)
    }

    /// The bundled catalogue with every range removed: each figure a single value, so the estimate is one number
    /// and its detectability a closed form.
    static let pointEstimator: ResidualEstimator = {
        let data = try! Data(
            contentsOf: URL(fileURLWithPath: Support.path("Sources/ResidualModel/Resources/catalogue.json")))
        func point(_ value: Any) -> Any {
            if let array = value as? [Any] { return array.map(point) }
            guard var table = value as? [String: Any] else { return value }
            guard table["central"] is Double, table["unit"] is String else { return table.mapValues(point) }
            table["low"] = nil
            table["high"] = nil
            return table
        }
        let json = point(try! JSONSerialization.jsonObject(with: data))
        let catalogue = try! JSONDecoder().decode(Catalogue.self, from: JSONSerialization.data(withJSONObject: json))
        var estimator = ResidualEstimator(catalogue: catalogue, calibrationReference: Calibration.referenceDesign)
        estimator.draws = 2_000
        return estimator
    }()

    /// A gene transfer alone moves cells into the CAR-carrying state without changing any count, so the product's
    /// malignant share is the starting material's: 0.05 of the 0.82 the composition states.
    static func transductionOnly(detection: String) throws -> ProcessDesign {
        try Support.design(
            """
            processlint: 1
            name: transduction only
            product: {car_target: CD19, vector: lentiviral}
            indication: B-ALL
            starting_material:
              kind: leukapheresis
              total_nucleated_cells: 1.0e10
              composition: {T: 0.4, B: 0.02, NK: 0.05, monocyte: 0.2, granulocyte: 0.1, malignant: 0.05}
              malignant_markers: [CD19, CD10]
            steps:
              - {id: transduce, operation: transduction}
            dose: {car_t_cells: 1.0e8}
            release_tests: [{test: residual-malignant-cells, detection: \(detection)}]
            """)
    }

    @Test func onAFixedDesignThePassChanceIsPoissonSamplingOfTheProductsShare() throws {
        let share = 0.05 / 0.82
        let oneEvent = try #require(
            Self.pointEstimator.releaseDetectability(of: Self.transductionOnly(detection: "{acquired_events: 20}")))
        #expect(abs(oneEvent.fractionOverLimit.median * oneEvent.limit - share) < 1e-12)
        #expect(abs(try #require(oneEvent.passGivenCarrying) - exp(-20 * share)) < 1e-12)
        let threeEvents = try #require(
            Self.pointEstimator.releaseDetectability(
                of: Self.transductionOnly(detection: "{events: 3, acquired_events: 40}")))
        #expect(abs(try #require(threeEvents.passGivenCarrying) - Self.directSum(3, 40 * share)) < 1e-12)
        // A fraction as the limit: the acquisition that sees it 19 times in 20, so a lot at it passes 1 in 20.
        let fraction = try #require(
            Self.pointEstimator.releaseDetectability(
                of: Self.transductionOnly(detection: "{limit_of_detection: \(share)}")))
        #expect(abs(fraction.limitOfDetection - share) < 1e-12)
        #expect(abs(try #require(fraction.passGivenCarrying) - 0.05) < 1e-9)
    }

    @Test func theInProcessControlIsTheLastStepThatLeavesMalignantCellsAtTheLimit() throws {
        let design = try Support.process(
            steps: """
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-magnetic-beads}
                  - {id: transduce, operation: transduction}
                  - {id: expand, operation: expansion, days: 9}
                """)
        let dose = try #require(Support.estimator.doseMalignancy(of: design))
        let limit = 1e-4
        let last = try #require(dose.steps.last { $0.fraction >= limit })
        // The central trace: culture dilutes and kills blasts, so they fall under the limit only in the expansion.
        #expect(last.stepID == "transduce")
        #expect(try #require(dose.steps.last).fraction < limit)
    }
}

/// Every malignant cell in the dose, and the share that lacks the CAR's target.
struct DoseMalignancyTests {
    @Test func withoutANegativeShareTheCARCarryingPartIsLambda() throws {
        let design = try Support.process(
            steps: """
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-magnetic-beads}
                  - {id: transduce, operation: transduction}
                  - {id: expand, operation: expansion, days: 9}
                """)
        let (dose, samples) = try #require(Support.estimator.doseSamples(of: design))
        #expect(dose.targetNegative == nil && dose.targetNegativeShare == nil)
        // The same draws of the same figures as the risk's Monte Carlo (its first 20,000 of 100,000).
        var lambda = samples.lambda
        let median = MonteCarlo.spread(&lambda).median
        let risk = try #require(Support.estimator.risk(of: design))
        #expect(abs(log10(median) - log10(risk.lambda.median)) < 0.1)
        // Untransduced malignant cells outnumber the CAR-carrying ones in every draw.
        #expect(zip(samples.malignant, samples.lambda).allSatisfy { $0 >= $1 })
        #expect(dose.malignant.median > 5 * risk.lambda.median)
    }

    @Test func whenNoStepActsOnTheTargetTheNegativeShareReachesTheDoseUnchanged() throws {
        let design = try Support.design(
            """
            processlint: 1
            name: an unmodified cell product
            product: {car_target: CD19, vector: none}
            indication: B-ALL
            starting_material:
              kind: leukapheresis
              total_nucleated_cells: 1.0e10
              composition: {T: 0.4, malignant: 0.05}
              malignant_markers: [CD19, CD10]
              malignant_marker_negative: [{marker: CD19, fraction: 0.15}]
            steps:
              - {id: wash, operation: wash}
              - {id: expand, operation: expansion, days: 5}
            """)
        let dose = try #require(Support.estimator.doseMalignancy(of: design))
        let share = try #require(dose.targetNegativeShare)
        #expect(abs(share.low - 0.15) < 1e-9 && abs(share.high - 0.15) < 1e-9)
    }

    @Test func aDepletionOnTheTargetLeavesMostlyTheNegativeCells() throws {
        func design(negative: String) throws -> ProcessDesign {
            try Support.process(
                steps: """
                      - {id: deplete, operation: depletion, markers: [CD19]}
                      - {id: activate, operation: activation, reagent: anti-cd3-cd28-nanomatrix}
                      - {id: transduce, operation: transduction}
                      - {id: expand, operation: expansion, days: 9}
                    """,
                malignantMarkers: "[CD19, CD10]\n  malignant_marker_negative: \(negative)")
        }
        let mixed = try #require(
            Support.estimator.doseMalignancy(of: design(negative: "[{marker: CD19, fraction: 0.1}]")))
        let uniform = try #require(Support.estimator.doseMalignancy(of: design(negative: "[]")))
        // A CD19 depletion removes about two logs of the CD19-positive cells: the 10% that lack CD19 pass it and are
        // most of what is left, and more malignant cells reach the dose than if all carried CD19.
        #expect(try #require(mixed.targetNegativeShare).median > 0.8)
        #expect(mixed.malignant.median > 3 * uniform.malignant.median)
        // The risk sees the escape too: the CAR-carrying cells that lack CD19 passed the depletion.
        let riskMixed = try #require(Support.estimator.risk(of: design(negative: "[{marker: CD19, fraction: 0.1}]")))
        let riskUniform = try #require(Support.estimator.risk(of: design(negative: "[]")))
        #expect(riskMixed.lambda.median > 3 * riskUniform.lambda.median)
    }
}
