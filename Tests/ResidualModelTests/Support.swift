import Foundation
import ProcessModel
import TestSupport
import Testing

@testable import ResidualModel

/// Small helpers for building designs in tests.
enum Support {
    static func path(_ relative: String) -> String { Repository.path(relative) }

    static func design(file relative: String) throws -> ProcessDesign {
        let result = ProcessLoader().load(file: path(relative))
        return try #require(result.design, "\(relative): \(result.diagnostics)")
    }

    static func design(_ text: String) throws -> ProcessDesign {
        let result = ProcessLoader().load(bytes: Array(text.utf8), file: "test.yaml")
        return try #require(result.design, "\(result.diagnostics)")
    }

    /// A B-ALL process around the given steps (YAML list items, indented two spaces).
    static func process(
        steps: String, malignantMarkers: String = "[CD19, CD10, CD34]", carTarget: String = "CD19",
        vector: String = "lentiviral", malignant: Double = 0.05, dose: String = "car_t_cells: 1.0e8"
    ) throws -> ProcessDesign {
        try design(
            """
            processlint: 1
            name: test
            product: {car_target: \(carTarget), vector: \(vector)}
            indication: B-ALL
            starting_material:
              kind: leukapheresis
              total_nucleated_cells: 1.0e10
              composition: {T: 0.4, B: 0.02, NK: 0.05, monocyte: 0.2, granulocyte: 0.1, malignant: \(malignant)}
              malignant_markers: \(malignantMarkers)
            steps:
            \(steps)
            dose: {\(dose)}
            """)
    }

    static let estimator = ResidualEstimator.standard

    /// The estimator on the catalogue's priors alone, without the update on the clinical record.
    static let priorEstimator = ResidualEstimator(
        catalogue: .bundled, calibrationReference: Calibration.referenceDesign, posterior: nil)

    static func balance(
        _ design: ProcessDesign, steps: [Step]? = nil, malignantFraction: Double? = nil, indication: String? = nil
    ) -> MassBalance {
        var builder = MassBalanceBuilder(design: design, catalogue: .bundled, indication: indication)
        return builder.build(steps: steps ?? design.steps, malignantFraction: malignantFraction)
    }

    /// λ at every figure's central value.
    static func centralLambda(_ balance: MassBalance) -> Double {
        balance.lambda(at: balance.centralDraw).lambda
    }

    /// The central factor of one step on one population.
    static func centralFactor(_ balance: MassBalance, step: Int, _ population: Population, carrying: Bool = false)
        -> Double
    {
        balance.steps[step].factor(for: population, carrying: carrying)?.value(at: balance.centralDraw) ?? 1
    }
}

extension Support {
    /// The bundled catalogue with every range made symmetric on its working scale and kept five deviations
    /// from its bound: a catalogue on which the exact path applies, so it can be checked against Monte Carlo.
    static let symmetricCatalogue: Catalogue = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: path("Sources/ResidualModel/Resources/catalogue.json")))
        func symmetric(_ value: Any) -> Any {
            if let array = value as? [Any] { return array.map(symmetric) }
            guard var table = value as? [String: Any] else { return value }
            guard let central = table["central"] as? Double, let low = table["low"] as? Double,
                let high = table["high"] as? Double,
                let unit = table["unit"] as? String
            else {
                return table.mapValues(symmetric)
            }
            let (median, half): (Double, Double) =
                switch unit {
                case "fraction", "per patient":
                    (log10(central), min((log10(high) - log10(low)) / 2, -log10(central) * Normal.z95 / 5))
                case "log10": (central, min((high - low) / 2, central * Normal.z95 / 5))
                default: (central, (high - low) / 2)
                }
            let logScale = unit == "fraction" || unit == "per patient"
            if half <= 0 {
                table["low"] = nil
                table["high"] = nil
            } else {
                table["low"] = logScale ? pow10(median - half) : median - half
                table["high"] = logScale ? pow10(median + half) : median + half
            }
            return table
        }
        let json = symmetric(try! JSONSerialization.jsonObject(with: data))
        return try! JSONDecoder().decode(Catalogue.self, from: JSONSerialization.data(withJSONObject: json))
    }()

    /// An estimator on the symmetric catalogue, drawing from the bundled update as if it had been fitted on that
    /// catalogue: its correlated streams, for checking the exact path against Monte Carlo under correlation.
    static let symmetricUpdatedEstimator: ResidualEstimator = {
        let shipped = Posterior.bundled!
        let posterior = Posterior(
            method: shipped.method, cohorts: shipped.cohorts, columns: shipped.columns, mean: shipped.mean,
            covariance: shipped.covariance, effectiveSampleSize: shipped.effectiveSampleSize,
            alternativeProbabilities: shipped.alternativeProbabilities,
            catalogueFingerprint: Posterior.fingerprint(of: symmetricCatalogue))
        return ResidualEstimator(
            catalogue: symmetricCatalogue, calibrationReference: Calibration.referenceDesign, posterior: posterior)
    }()

    /// An estimator on the symmetric catalogue.
    static let symmetricEstimator = ResidualEstimator(
        catalogue: symmetricCatalogue, calibrationReference: Calibration.referenceDesign)
}
