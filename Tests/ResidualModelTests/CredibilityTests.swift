import Foundation
import ProcessModel
import Testing

@testable import ResidualModel

/// The estimate held against the clinical record: for each reference product, the events the tool's figures
/// expect over the product's published exposure and its indications' blast loads, against the events seen
/// (none for the commercial products, one for academic CTL019). The table in docs/estimate.md is this one.
@Suite struct CredibilityTests {
    struct Row {
        let product: String
        let patients: Double
        let expected: Double
        /// P(no event | the model), averaged over the uncertainty of its figures (the predictive chance).
        let zeroChance: Double
        /// The model's 90% predictive interval of the count of events.
        let interval: ClosedRange<Int>
        let observed: Int

        /// Whether the record rejects the model at the 5% level: for no events, P(0 | expected) = exp(−expected)
        /// below 0.05; for events seen, their count outside the model's 90% predictive interval.
        var rejected: Bool { observed == 0 ? exp(-expected) < 0.05 : !interval.contains(observed) }

        var markdown: String {
            let verdict = rejected ? "**rejects the model**" : "consistent"
            return
                "| \(product) | \(Int(patients)) | \(String(format: "%.2g", expected)) | \(String(format: "%.2g", exp(-expected))) | "
                + "\(String(format: "%.2g", zeroChance)) | \(interval.lowerBound)–\(interval.upperBound) | \(observed) | \(verdict) |"
        }
    }

    /// The rows at the estimator's figures: the shipped estimate (the catalogue updated on the record), or the
    /// catalogue's priors alone (`ResidualEstimator(..., posterior: nil)`), to show what the update did.
    static func rows(_ estimator: ResidualEstimator) -> [Row] {
        PosteriorTests.record.products.map { product in
            let means = estimator.calibratedLambdas(of: product.design).map { $0 * product.exposureScale }
            let count = Double(means.count)
            let expected = means.reduce(0, +) / count
            // The predictive distribution of the count: a Poisson draw for each draw of the figures.
            var generator = SplitMix64(seed: 10)
            var counts = means.map { mean -> Int in
                if mean > 1_000 {
                    return max(0, Int((mean + mean.squareRoot() * generator.nextStandardNormal()).rounded()))
                }
                // Knuth's method, by exponential waiting times.
                var k = 0
                var sum = -log(1 - Double(generator.next() >> 11) * 0x1p-53)
                while sum < mean {
                    k += 1
                    sum -= log(1 - Double(generator.next() >> 11) * 0x1p-53)
                }
                return k
            }
            counts.sort()
            let (low, high) = (counts[Int(0.05 * (count - 1))], counts[Int(0.95 * (count - 1))])
            let zeroChance = means.reduce(0.0) { $0 + exp(-$1) } / count
            return Row(
                product: product.name, patients: product.patients, expected: expected, zeroChance: zeroChance,
                interval: low...high, observed: product.observedEvents)
        }
    }

    static let rows = rows(Support.estimator)
    static let priorRows = rows(
        ResidualEstimator(catalogue: .bundled, calibrationReference: Calibration.referenceDesign, posterior: nil))

    @Test func theRecordDoesNotRejectTheModel() {
        for row in Self.rows {
            #expect(!row.rejected, "the record rejects the model for \(row.product): \(row.markdown)")
        }
    }

    /// The update is what reconciles the figures with the record: the priors alone are rejected for most products.
    /// Should that stop (new sources narrowing the priors), the docs' account of the update must change with it.
    @Test func thePriorsAloneAreRejected() {
        #expect(Self.priorRows.filter(\.rejected).count >= 4)
    }

    @Test func theTableInTheDocsIsCurrent() throws {
        let docs = try String(contentsOfFile: Support.path("docs/estimate.md"), encoding: .utf8)
        for row in Self.rows + Self.priorRows {
            #expect(docs.contains(row.markdown), "docs/estimate.md lacks the credibility row: \(row.markdown)")
        }
    }
}
