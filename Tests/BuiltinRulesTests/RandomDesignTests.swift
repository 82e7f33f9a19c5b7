import BuiltinRules
import Foundation
import LintKit
import ProcessModel
import Reporters
import ResidualModel
import Testing

/// Every rule, the estimator and the HTML report on designs in random orders, as real files get them wrong:
/// whatever the order and however few malignant cells (none, say), linting and drawing finish and every finding
/// points into the file.
@Suite struct RandomDesignTests {
    static let operations = [
        "{operation: density-gradient}", "{operation: elutriation}", "{operation: adherence}",
        "{operation: positive-selection, markers: [CD4, CD8]}", "{operation: positive-selection, markers: [CD4]}",
        "{operation: depletion, markers: [CD19]}", "{operation: depletion, markers: [CD3]}",
        "{operation: activation, reagent: anti-cd3-cd28-magnetic-beads}",
        "{operation: activation, reagent: anti-cd3-antibody}",
        "{operation: transduction}", "{operation: expansion, days: 9}", "{operation: expansion, days: 0}",
        "{operation: bead-removal}", "{operation: wash}", "{operation: harvest}", "{operation: formulation}",
        "{operation: cryopreservation}", "{operation: thaw}", "{operation: hold}",
    ]

    @Test func lintingRandomDesignsNeverFailsAndStaysInTheFile() throws {
        var generator = SplitMix64(seed: 2018)
        let linter = Linter(registry: BuiltinRules.registry)
        for round in 0..<120 {
            let count = Int.random(in: 1...12, using: &generator)
            let steps = (0..<count).map { index in
                "  - "
                    + Self.operations.randomElement(using: &generator)!.replacingOccurrences(
                        of: "{", with: "{id: s\(index), ")
            }
            let malignant = [0, 1e-4, 0.05, 0.5].randomElement(using: &generator)!
            let dose = ["", "dose: {car_t_cells: 1.0e8}\n", "dose: {car_t_cells: 1.0e12}\n"].randomElement(
                using: &generator)!
            let text = """
                processlint: 1
                name: random \(round)
                product: {car_target: CD19, vector: \(["lentiviral", "gamma-retroviral", "transposon"].randomElement(using: &generator)!)}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.3, malignant: \(malignant)}, malignant_markers: [CD19, CD10]}
                steps:
                \(steps.joined(separator: "\n"))
                \(dose)
                """
            let result = ProcessLoader().load(bytes: Array(text.utf8), file: "random.yaml")
            guard let design = result.design else {
                // A transduction step in a transposon product is a consistency error: the loader's business.
                #expect(result.diagnostics.allSatisfy { $0.kind == .inconsistent }, "\(result.diagnostics)")
                continue
            }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            let diagnostics = linter.lint(design)
            for diagnostic in diagnostics {
                #expect((1...lines).contains(diagnostic.location.range.start.line), "\(diagnostic)")
            }
            let detail = ProcessDetail(design: design, estimate: linter.estimator.estimate(design), gateThreshold: 1e-3)
            var reporter = HTMLReporter(
                rules: BuiltinRules.registry.descriptions, catalogue: linter.estimator.catalogue, version: "test")
            let page =
                reporter.report(FileReport(file: "random.yaml", diagnostics: diagnostics, text: text, process: detail))
                + reporter.finish(RunSummary(files: 1))
            #expect(page.contains("class=\"chart population\""), "round \(round) draws its populations")
        }
    }
}
