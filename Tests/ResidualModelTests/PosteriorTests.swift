import Foundation
import ProcessModel
import Testing

@testable import ResidualModel

/// The update of the catalogue on the clinical record (`Resources/posterior.json`): recomputed here from the
/// catalogue and the reference processes, and compared with the shipped one, so that a changed figure or
/// process cannot leave a stale posterior behind. `RECORD_POSTERIOR=1 swift test --filter PosteriorTests`
/// rewrites it.
@Suite struct PosteriorTests {
    static let record = ClinicalRecord(
        catalogue: .bundled,
        designs: Dictionary(
            uniqueKeysWithValues: Catalogue.bundled.exposure.keys.map {
                ($0, try! Support.design(file: "processes/\($0).yaml"))
            }),
        calibrationReference: Calibration.referenceDesign)

    static let fit: PosteriorFit.Result = PosteriorFit(
        catalogue: .bundled, calibration: Calibration(catalogue: .bundled, reference: Calibration.referenceDesign),
        record: record
    ).run()

    static let resource = Support.path("Sources/ResidualModel/Resources/posterior.json")

    @Test func theShippedPosteriorIsTheOneTheRecordGives() throws {
        let fitted = Self.fit.posterior
        if ProcessInfo.processInfo.environment["RECORD_POSTERIOR"] == "1" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(fitted).write(to: URL(fileURLWithPath: Self.resource))
        }
        let shipped = try JSONDecoder().decode(
            Posterior.self, from: Data(contentsOf: URL(fileURLWithPath: Self.resource)))
        #expect(shipped.catalogueFingerprint == Posterior.fingerprint(of: .bundled), "the catalogue changed: refit")
        #expect(shipped.columns == fitted.columns)
        // The chain is seeded, but its sums may round differently on another machine's libm.
        for (a, b) in zip(shipped.mean, fitted.mean) { #expect(abs(a - b) < 1e-6) }
        for (rowA, rowB) in zip(shipped.covariance, fitted.covariance) {
            for (a, b) in zip(rowA, rowB) { #expect(abs(a - b) < 1e-6) }
        }
        #expect(Posterior.bundled != nil && ResidualEstimator.standard.posterior != nil)
    }

    @Test func theChainMixes() {
        #expect(Self.fit.acceptance > 0.1 && Self.fit.acceptance < 0.5)
        #expect(Self.fit.posterior.effectiveSampleSize > 200)
    }

    @Test func theCovarianceIsAValidOne() {
        let posterior = Self.fit.posterior
        let factor = PosteriorDraws.cholesky(posterior.covariance)
        for i in posterior.columns.indices {
            #expect(factor[i][i] > 0, "\(posterior.columns[i]) has no spread left")
            for j in 0...i {
                let product = (0...j).reduce(0.0) { $0 + factor[i][$1] * factor[j][$1] }
                #expect(abs(product - posterior.covariance[i][j]) < 1e-9)
            }
        }
    }

    @Test func aChangedCatalogueLeavesThePriorsInForce() {
        #expect(ResidualEstimator.standard.posterior != nil)
        #expect(Support.symmetricEstimator.posterior == nil)
    }

    /// The figures the record moved, each as its prior (the catalogue's median and 90% range) and its posterior:
    /// the table in docs/estimate.md is this one.
    static var movedFigures: [String] {
        let posterior = Self.fit.posterior
        let catalogue = Catalogue.bundled
        return posterior.columns.enumerated().flatMap { index, column -> [String] in
            let (mean, deviation) = (posterior.mean[index], posterior.covariance[index][index].squareRoot())
            guard abs(mean) >= 0.1 || abs(deviation - 1) >= 0.1 else { return [] }
            return catalogue.allFigures.filter { MassBalance.Variable.column(of: $0.path) == column }.map {
                path, figure in
                let distribution = figure.distribution
                let shown = { (z: Double) -> String in
                    let value = distribution.value(z)
                    return figure.unit == "fraction" || figure.unit == "per patient"
                        ? String(format: "%.2g", pow10(value)) : String(format: "%.3g", value)
                }
                let range = { (centre: Double, spread: Double) in
                    "\(shown(centre)) (\(shown(centre - Normal.z95 * spread))–\(shown(centre + Normal.z95 * spread)))"
                }
                return "| \(path) | \(figure.unit) | \(range(0, 1)) | \(range(mean, deviation)) | "
                    + String(format: "%+.2f, %.2f |", mean, deviation)
            }
        }
    }

    @Test func theDocsShowWhatTheRecordMoved() throws {
        let docs = try String(contentsOfFile: Support.path("docs/estimate.md"), encoding: .utf8)
        #expect(!Self.movedFigures.isEmpty)
        for row in Self.movedFigures {
            #expect(docs.contains(row), "docs/estimate.md lacks the update row: \(row)")
        }
        for (product, choices) in Self.fit.posterior.alternativeProbabilities {
            for (label, probability) in choices {
                let row = "| \(product) | \(label) | \(String(format: "%.0f%%", probability * 100)) |"
                #expect(docs.contains(row), "docs/estimate.md lacks the alternative row: \(row)")
            }
        }
    }
}
