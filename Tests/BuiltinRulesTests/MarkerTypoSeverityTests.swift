import BuiltinRules
import LintKit
import ProcessModel
import Testing

/// A typo in a marker field that a safety rule reads must never lower a severity. Before, `car_target: CD-22`
/// was only a warning and silently removed the `car-target-on-tumour` escalation, so `residual-tumour-risk`
/// fell from error to warning and the run exited 0. Each field (docs/format.md lists them) is checked with
/// spellings that normalise to the same marker (same findings) and typos that do not (the file stops).
@Suite struct MarkerTypoSeverityTests {
    struct Field: CustomTestStringConvertible, Sendable {
        let name: String
        let placeholder: String
        let marker: String
        var testDescription: String { name }
    }

    static let fields = [
        Field(name: "product.car_target", placeholder: "{CAR}", marker: "CD22"),
        Field(name: "starting_material.malignant_markers", placeholder: "{MALIGNANT}", marker: "CD22"),
        Field(name: "markers of a positive-selection", placeholder: "{SELECTED}", marker: "CD8"),
        Field(name: "markers of a depletion", placeholder: "{DEPLETED}", marker: "CD14"),
    ]

    /// A CD22 CAR for a CD19+ CD22+ leukaemia: residual-tumour-risk is an error because the malignant cells carry the target.
    static let template = """
        processlint: 1
        name: CD22 CAR
        product: {car_target: {CAR}, vector: lentiviral}
        indication: B-ALL
        starting_material:
          kind: leukapheresis
          total_nucleated_cells: 1.0e10
          composition: {T: 0.4, malignant: 0.05}
          malignant_markers: [CD19, {MALIGNANT}]
        steps:
          - {id: select, operation: positive-selection, markers: [CD4, {SELECTED}]}
          - {id: deplete, operation: depletion, markers: [{DEPLETED}]}
          - {id: activate, operation: activation, reagent: anti-cd3-cd28-nanomatrix}
          - {id: transduce, operation: transduction}
          - {id: expand, operation: expansion, days: 9}
        dose: {car_t_cells: 1.0e8}
        """

    /// What linting the file ends in: `nil` when it does not load (exit 2, stricter than any finding), else the
    /// highest severity of each rule's findings.
    static func outcome(_ text: String) -> [String: Severity]? {
        let loaded = ProcessLoader().load(bytes: Array(text.utf8), file: "typo.yaml")
        guard let design = loaded.design, !loaded.hasErrors else { return nil }
        var worst: [String: Severity] = [:]
        // A site threshold low enough that this selected design's risk crosses it: the test is about severities.
        var configuration = Configuration()
        configuration.options["residual-tumour-risk"] = ["threshold": 1e-5]
        for finding in Linter(registry: BuiltinRules.registry).lint(design, configuration: configuration) {
            worst[finding.ruleID] = max(worst[finding.ruleID] ?? finding.severity, finding.severity)
        }
        return worst
    }

    static func file(_ field: Field, written: String) -> String {
        fields.reduce(template) { text, other in
            text.replacingOccurrences(of: other.placeholder, with: other.name == field.name ? written : other.marker)
        }
    }

    @Test func theBaseDesignIsAnErrorBecauseTheTargetIsOnTheMalignantCells() throws {
        let base = try #require(Self.outcome(Self.file(Self.fields[0], written: "CD22")))
        #expect(base["residual-tumour-risk"] == .error)
        #expect(base["car-target-on-tumour"] != nil)
    }

    @Test(arguments: fields)
    func otherSpellingsOfTheSameMarkerGiveTheSameFindings(_ field: Field) throws {
        let base = Self.outcome(Self.file(field, written: field.marker))
        let number = field.marker.dropFirst(2)
        for written in ["CD-\(number)", "CD \(number)", "cd\(number)+", "Cd-\(number)"] {
            #expect(Self.outcome(Self.file(field, written: written)) == base, "\(field.name): \(written)")
        }
    }

    @Test(arguments: fields)
    func aTypoStopsTheFileAndSoNeverLowersASeverity(_ field: Field) throws {
        let base = try #require(Self.outcome(Self.file(field, written: field.marker)))
        let number = field.marker.dropFirst(2)
        for written in [String(number), "CD-\(number)1", "CD\(number)x", "CD\(number) CD3", "CD_\(number)"] {
            let outcome = Self.outcome(Self.file(field, written: written))
            #expect(outcome == nil, "\(field.name): '\(written)' loaded with \(outcome ?? [:])")
            // Should a typo ever load, no rule may end lower than with the right marker.
            for (rule, severity) in base {
                #expect(
                    outcome.map { ($0[rule] ?? .note) >= severity } ?? true,
                    "\(field.name): '\(written)' lowers \(rule)")
            }
        }
    }
}
