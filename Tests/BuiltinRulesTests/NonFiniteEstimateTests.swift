import BuiltinRules
import Foundation
import LintKit
import ProcessModel
import ResidualModel
import TestSupport
import Testing

/// A computed risk that is not finite fails the file with a finding that names its inputs; it never passes
/// because `NaN > threshold` is false. The loader keeps stated numbers finite, so the test breaks the estimate
/// from the other side: a catalogue whose assumed body weight is out of its domain makes λ NaN for a per-kg dose.
@Suite struct NonFiniteEstimateTests {
    static func estimator(bodyWeight: Double) throws -> ResidualEstimator {
        var catalogue = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(Catalogue.bundled)) as? [String: Any])
        var weight = try #require(catalogue["defaultBodyWeightKilograms"] as? [String: Any])
        weight["central"] = bodyWeight
        catalogue["defaultBodyWeightKilograms"] = weight
        let broken = try JSONDecoder().decode(Catalogue.self, from: JSONSerialization.data(withJSONObject: catalogue))
        let reference = try #require(ProcessLoader().load(file: Repository.path("Sources/ResidualModel/Resources/calibration-reference.yaml")).design)
        var estimator = ResidualEstimator(catalogue: broken, calibrationReference: reference)
        estimator.draws = 2_000
        return estimator
    }

    static let process = """
        processlint: 1
        name: per-kg dose
        product: {car_target: CD19, vector: lentiviral}
        indication: B-ALL
        starting_material: {kind: leukapheresis, total_nucleated_cells: 1.0e10, composition: {T: 0.4, malignant: 0.05}, malignant_markers: [CD19]}
        steps:
          - {id: activate, operation: activation, reagent: anti-cd3-antibody}
          - {id: transduce, operation: transduction}
        dose: {car_t_cells_per_kg: 2.0e6}
        """

    @Test func aNonFiniteEstimateIsAnErrorNamingItsInputs() throws {
        let design = try #require(ProcessLoader().load(bytes: Array(Self.process.utf8), file: "p.yaml").design)
        let linter = Linter(registry: BuiltinRules.registry, estimator: try Self.estimator(bodyWeight: -70))
        let risk = try #require(linter.check(design, configuration: Configuration()).risk)
        #expect(!risk.lambda.median.isFinite, "the broken catalogue must make the estimate non-finite, or this test proves nothing")
        let found = linter.lint(design).filter { $0.message.contains("not a finite number") }
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.severity == .error && finding.ruleID == "residual-tumour-risk")
        #expect(finding.message.contains("car_t_cells_per_kg 2000000, body_weight_kg not stated"), "\(finding.message)")
        #expect(finding.location.range.start.line == 9, "at the dose")
    }

    @Test func aFiniteEstimateAddsNothing() throws {
        let design = try #require(ProcessLoader().load(bytes: Array(Self.process.utf8), file: "p.yaml").design)
        let linter = Linter(registry: BuiltinRules.registry, estimator: try Self.estimator(bodyWeight: 70))
        #expect(!linter.lint(design).contains { $0.message.contains("not a finite number") })
    }
}
