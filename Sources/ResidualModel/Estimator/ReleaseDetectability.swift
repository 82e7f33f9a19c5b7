import Foundation
import ProcessModel

/// Whether the release test for residual malignant cells can see what the estimate says may be in the product.
///
/// The test is read as Poisson sampling: it acquires N events (cells, or genome equivalents for a qPCR or ddPCR of a
/// clonal marker) and sees K ~ Poisson(N f) malignant ones, f the malignant share of the product; it fails the lot
/// when K reaches the method's `events` and, with a specification limit, when K/N is above it. A limit of detection
/// stated as a fraction is the fraction seen in 95% of tests (CLSI EP17), which fixes N.
public struct ReleaseDetectability: Sendable {
    /// The events the test is taken to read: as stated, or what a stated limit of detection implies.
    public let acquiredEvents: Double
    /// Malignant events the method needs to call a test positive.
    public let events: Double
    /// The specification's upper limit (a fraction of cells), when the file gives one.
    public let specification: Double?
    /// The malignant fraction the method detects in 95% of tests.
    public let limitOfDetection: Double
    /// The malignant fraction at which the test fails a lot in 95% of tests: the limit of detection, or the
    /// specification where that is higher (a lot under its specification passes, seen or not).
    public let limit: Double
    /// The chance that a lot whose dose carries at least one CAR-carrying malignant cell passes the test, over the
    /// uncertainty of the figures; `nil` when no draw leaves one (a CAR that does not integrate).
    public let passGivenCarrying: Double?
    /// The malignant share of the product over the test's limit.
    public let fractionOverLimit: Spread
    /// The last step after which malignant cells are still at least the method's limit of detection of all cells
    /// (central figures): the place for an in-process test with this method. `nil` when no step leaves that many.
    public let inProcessStep: StepFraction?

    /// The model of the test alone, without an estimate: what the closed-form tests check.
    public struct Method: Sendable, Hashable {
        public let acquiredEvents: Double
        public let events: Double
        public let specification: Double?

        public init(acquiredEvents: Double, events: Double = 1, specification: Double? = nil) {
            self.acquiredEvents = acquiredEvents
            // A count of events is whole: needing 2.5 of them is needing 3.
            self.events = max(1, events.rounded(.up))
            self.specification = specification
        }

        /// The method a release test states, or `nil` when it states no limit of detection.
        public init?(_ test: ReleaseTest) {
            guard let detection = test.detection else { return nil }
            let events = max(1, (detection.events?.value ?? 1).rounded(.up))
            if let acquired = detection.acquiredEvents?.value {
                self.init(acquiredEvents: acquired, events: events, specification: test.maximum?.value)
            } else if let fraction = detection.limitOfDetection?.value {
                self.init(
                    acquiredEvents: PoissonSampling.mean(seeingAtLeast: events) / fraction, events: events,
                    specification: test.maximum?.value)
            } else {
                return nil
            }
        }

        /// The events at which the lot fails: the method's own, or more when a specification limit lets a lot with
        /// fewer pass (K/N above the limit means K at least ⌊limit·N⌋ + 1).
        public var failingEvents: Double {
            max(events, specification.map { ($0 * acquiredEvents).rounded(.down) + 1 } ?? 0)
        }

        /// The chance that a lot with malignant fraction `fraction` passes.
        public func passProbability(fraction: Double) -> Double {
            PoissonSampling.fewerThan(failingEvents, mean: acquiredEvents * fraction)
        }

        /// The fraction detected in 95% of tests.
        public var limitOfDetection: Double { PoissonSampling.mean(seeingAtLeast: events) / acquiredEvents }

        /// The fraction at which a lot fails in 95% of tests.
        public var limit: Double { PoissonSampling.mean(seeingAtLeast: failingEvents) / acquiredEvents }
    }
}

extension ResidualEstimator {
    /// How well the design's residual-malignant-cells release test sees the malignant cells the estimate leaves;
    /// `nil` when the file lists no such test with a limit of detection, or states no malignant fraction.
    public func releaseDetectability(of design: ProcessDesign) -> ReleaseDetectability? {
        guard design.releaseTest(.residualMalignantCells)?.detection != nil,
            let (dose, samples) = doseSamples(of: design)
        else { return nil }
        return ReleaseDetectability(design, dose: dose, samples: samples)
    }
}

extension ReleaseDetectability {
    /// The detectability of the design's test from draws already made; `nil` when it states no limit of detection.
    init?(_ design: ProcessDesign, dose: DoseMalignancy, samples: DoseSamples) {
        guard let test = design.releaseTest(.residualMalignantCells), let method = Method(test) else { return nil }
        self.init(method: method, dose: dose, samples: samples)
    }
}

extension ReleaseDetectability {
    /// P(pass | at least one CAR-carrying malignant cell in the dose) = E[P(pass | f) · P(≥1 | λ)] / E[P(≥1 | λ)]
    /// over the draws: a draw that leaves more such cells weighs more. Within a draw the test's events and the
    /// CAR-carrying count are taken as independent: the test samples a small part of the product.
    init(method: Method, dose: DoseMalignancy, samples: DoseSamples) {
        var passing = 0.0
        var carrying = 0.0
        for (fraction, lambda) in zip(samples.fraction, samples.lambda) {
            let atLeastOne = -expm1(-lambda)
            carrying += atLeastOne
            passing += atLeastOne * method.passProbability(fraction: fraction)
        }
        let limit = method.limit
        let detection = method.limitOfDetection
        self.init(
            acquiredEvents: method.acquiredEvents, events: method.events, specification: method.specification,
            limitOfDetection: detection, limit: limit,
            passGivenCarrying: carrying > 0 ? passing / carrying : nil,
            fractionOverLimit: Spread(
                median: dose.productFraction.median / limit, low: dose.productFraction.low / limit,
                high: dose.productFraction.high / limit, mean: dose.productFraction.mean / limit),
            inProcessStep: dose.steps.last { $0.fraction >= detection })
    }
}
