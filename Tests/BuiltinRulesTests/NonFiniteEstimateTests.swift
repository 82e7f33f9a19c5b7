import BuiltinRules
import Foundation
import LintKit
import ProcessModel
import ResidualModel
import TestSupport
import Testing

/// A computed risk that is not finite fails the file with a finding that names its inputs; it never passes
/// because `NaN > threshold` is false. The loader keeps stated numbers finite, so the test breaks the estimate
/// from the other side: a catalogue whose malignant culture rate is out of its domain (400 logs a day) makes λ
/// overflow over a 9-day expansion.
@Suite struct NonFiniteEstimateTests {
    static func estimator(malignantLogFoldPerDay: Double) throws -> ResidualEstimator {
        var catalogue = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(Catalogue.bundled)) as? [String: Any])
        var diseases = try #require(catalogue["malignantBiology"] as? [String: Any])
        var biology = try #require(diseases["B-ALL"] as? [String: Any])
        var rate = try #require(biology["culturePerDay"] as? [String: Any])
        (rate["central"], rate["low"], rate["high"]) = (
            malignantLogFoldPerDay, malignantLogFoldPerDay - 1, malignantLogFoldPerDay + 1
        )
        biology["culturePerDay"] = rate
        diseases["B-ALL"] = biology
        catalogue["malignantBiology"] = diseases
        let broken = try JSONDecoder().decode(Catalogue.self, from: JSONSerialization.data(withJSONObject: catalogue))
        let reference = try #require(
            ProcessLoader().load(file: Repository.path("Sources/ResidualModel/Resources/calibration-reference.yaml"))
                .design)
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
          - {id: expand, operation: expansion, days: 9}
        dose: {car_t_cells_per_kg: 2.0e6}
        """

    @Test func aNonFiniteEstimateIsAnErrorNamingItsInputs() throws {
        let design = try #require(ProcessLoader().load(bytes: Array(Self.process.utf8), file: "p.yaml").design)
        let linter = Linter(registry: BuiltinRules.registry, estimator: try Self.estimator(malignantLogFoldPerDay: 400))
        let risk = try #require(
            linter.lint(LoadResult(file: design.file, design: design), configuration: Configuration()).risk)
        #expect(
            !risk.lambda.median.isFinite,
            "the broken catalogue must make the estimate non-finite, or this test proves nothing")
        let found = linter.lint(design).filter { $0.message.contains("not a finite number") }
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.severity == .error && finding.ruleID == "residual-tumour-risk")
        #expect(finding.message.contains("car_t_cells_per_kg 2000000, body_weight_kg not stated"), "\(finding.message)")
        #expect(finding.location.range.start.line == 10, "at the dose")
    }

    /// The estimate is computed when a rule asks for it: with the two rules that read it turned off, nothing
    /// reads it, so nothing is misled and no finding is added, yet the outcome still gives it to a caller.
    @Test func anEstimateNoRuleReadsIsNotComputedForTheRules() throws {
        let design = try #require(ProcessLoader().load(bytes: Array(Self.process.utf8), file: "p.yaml").design)
        let linter = Linter(registry: BuiltinRules.registry, estimator: try Self.estimator(malignantLogFoldPerDay: 400))
        var configuration = Configuration()
        configuration.disabled = ["residual-tumour-risk", "dose-exceeds-product"]
        let outcome = linter.lint(LoadResult(file: design.file, design: design), configuration: configuration)
        #expect(!outcome.diagnostics.contains { $0.message.contains("not a finite number") })
        #expect(outcome.risk.map { !$0.lambda.median.isFinite } == true)
    }

    @Test func aFiniteEstimateAddsNothing() throws {
        let design = try #require(ProcessLoader().load(bytes: Array(Self.process.utf8), file: "p.yaml").design)
        let linter = Linter(
            registry: BuiltinRules.registry, estimator: try Self.estimator(malignantLogFoldPerDay: -0.15))
        #expect(!linter.lint(design).contains { $0.message.contains("not a finite number") })
    }
}
