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

    static let rows: [Row] = {
        let catalogue = Catalogue.bundled
        let estimator = Support.estimator
        return catalogue.exposure.sorted { $0.key < $1.key }.map { product, exposure in
            let design = try! Support.design(file: "processes/\(product).yaml")
            let balance = Support.balance(design)
            let fileFraction = design.startingMaterial.composition[.malignant]!.value
            let fileDose = balance.dose ?? catalogue.calibration.cohortDose.central
            // Expected events per patient scale with the blast load (and, for B-ALL, the cohort's dose).
            let scale = exposure.patients.reduce(0.0) { sum, entry in
                let (indication, patients) = entry
                let fraction =
                    indication == "B-ALL"
                    ? catalogue.calibration.cohortMalignantFraction : catalogue.circulatingFraction[indication]!
                let dose = indication == "B-ALL" ? catalogue.calibration.cohortDose.central / fileDose : 1
                return sum + patients.central * Calibration.mean(of: fraction) / fileFraction * dose
            }
            let means = estimator.calibratedLambdas(of: design).map { $0 * scale }
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
                product: product, patients: exposure.patients.values.reduce(0) { $0 + $1.central }, expected: expected,
                zeroChance: zeroChance, interval: low...high, observed: exposure.observedEvents)
        }
    }()

    /// Products the record rejects today: each names the figure that would have to change. The test fails
    /// when one of them stops being rejected, so the list cannot go stale.
    static let knownRejections: [String: String] = [
        "kymriah":
            "its enrichment is stated as elutriation, the public CTL019 description; only the listed alternatives that "
            + "remove blasts (CD4/CD8 or CD3 selection, CD19 depletion) fit the record, as Novartis's statement would",
        "yescarta":
            "LBCL cells take assumed culture and gamma-retroviral figures (none found for primary LBCL cells), slower "
            + "to die than B-ALL's on which κ is fitted, and the LBCL blast load is an assumption with a heavy upper tail",
        "tecartus":
            "MCL cells may grow with CD40 ligand (an assumed rate), the MCL blast load is an assumption, and the "
            + "selection chemistry is not public (alternatives listed)",
        "abecma":
            "myeloma cells die slowly in culture in the sources found and take up lentiviral vector well (median 28%); "
            + "the circulating myeloma fraction is an assumption",
        "carvykti": "as Abecma, and its enrichment is stated as a wash crediting nothing (alternatives listed)",
        "breyanzi":
            "rejected since the disease biology (issue 10, item 4): LBCL cells take an assumed culture loss of 0.15 log "
            + "a day (no source), slower than the 0.23 of B-ALL blasts on which κ is fitted",
    ]

    @Test func theRecordDoesNotRejectTheModel() {
        for row in Self.rows {
            if let reason = Self.knownRejections[row.product] {
                #expect(
                    row.rejected, "\(row.product) is no longer rejected (\(reason)): remove it from knownRejections")
            } else {
                #expect(!row.rejected, "the record rejects the model for \(row.product): \(row.markdown)")
            }
        }
    }

    @Test func theTableInTheDocsIsCurrent() throws {
        let docs = try String(contentsOfFile: Support.path("docs/estimate.md"), encoding: .utf8)
        for row in Self.rows {
            #expect(docs.contains(row.markdown), "docs/estimate.md lacks the credibility row: \(row.markdown)")
        }
    }
}
