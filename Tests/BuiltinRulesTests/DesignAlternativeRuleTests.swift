import BuiltinRules
import LintKit
import ProcessModel
import Testing

/// `residual-tumour-risk` judges a design with undecided steps by its worst choice and names it; an indication the
/// catalogue does not hold is a warning naming the closest diseases.
@Suite struct DesignAlternativeRuleTests {
    /// A CD4/CD8 selection keeps this design (10% blasts) under the threshold; elutriation in its place would not.
    static func file(alternatives: String) -> String {
        """
        processlint: 1
        name: selection, or perhaps only elutriation
        product: {car_target: CD19, vector: lentiviral}
        indication: B-ALL
        starting_material: {kind: leukapheresis, total_nucleated_cells: 1.0e10, composition: {T: 0.3, malignant: 0.1}, malignant_markers: [CD19, CD10]}
        steps:
          - {id: select, operation: positive-selection, markers: [CD4, CD8]\(alternatives)}
          - {id: activate, operation: activation, reagent: anti-cd3-cd28-nanomatrix}
          - {id: transduce, operation: transduction}
          - {id: expand, operation: expansion, days: 9}
        dose: {car_t_cells: 1.0e8}
        """
    }

    static func findings(_ text: String, rule: String) throws -> [Diagnostic] {
        let loaded = ProcessLoader().load(bytes: Array(text.utf8), file: "alternatives.yaml")
        let design = try #require(loaded.design, "\(loaded.diagnostics)")
        #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
        return Linter(registry: BuiltinRules.registry).lint(design).filter { $0.ruleID == rule }
    }

    @Test func theWorstAlternativeDrivesTheFindingAndIsNamed() throws {
        #expect(try Self.findings(Self.file(alternatives: ""), rule: "residual-tumour-risk").isEmpty)
        let open = try Self.findings(
            Self.file(
                alternatives:
                    ", alternatives: [{operation: elutriation}, {operation: positive-selection, markers: [CD3]}]"),
            rule: "residual-tumour-risk")
        let finding = try #require(open.first)
        #expect(finding.message.hasPrefix("with select: elutriation, the worst of 3 choices"), "\(finding.message)")
        #expect(finding.severity == .error)
    }

    @Test func anUnknownIndicationIsAWarningThatNamesTheClosest() throws {
        let text = Self.file(alternatives: "").replacingOccurrences(of: "indication: B-ALL", with: "indication: ALL")
        let finding = try #require(try Self.findings(text, rule: "indication-not-in-catalogue").first)
        #expect(finding.severity == .warning)
        #expect(finding.message.contains("did you mean 'B-ALL' or 'T-ALL'?"), "\(finding.message)")
        #expect(finding.location.range.start.line == 4)
        #expect(try Self.findings(Self.file(alternatives: ""), rule: "indication-not-in-catalogue").isEmpty)
    }
}
