import Foundation
import LintKit
import ProcessModel
import TestSupport
import Testing

@testable import CustomRules

/// A program names places as a step id and a path into the design; the tool turns them into the text's
/// line and column, and refuses a place that does not exist.
@Suite struct ExternalRuleLocationTests {
    let process: GovernedProcess

    init() throws {
        let scratch = try ScratchFolder()
        try scratch.write(
            "p.yaml",
            """
            processlint: 1
            name: places
            product: {car_target: CD19, vector: lentiviral}
            indication: B-ALL
            starting_material: {kind: leukapheresis, composition: {T: 0.5, malignant: 0.1}}
            steps:
              - id: selection
                operation: positive-selection
                markers: [CD4, CD8]
              - id: freeze
                operation: cryopreservation
                dmso_percent: 7.5
            dose:
              car_t_cells: 1.0e8
            """)
        process = GovernedProcess(design: try scratch.design("p.yaml"), risk: nil, severities: [:])
    }

    func locate(step: String? = nil, field: String? = nil) throws(ExternalRuleResponse.Violation) -> SourceRange {
        try ExternalRuleResponse.locate(step: step, field: field, in: process, "diagnostics[0]")
    }

    func position(_ range: SourceRange) -> String { "\(range.start.line):\(range.start.column)" }

    @Test func aFieldOfAStepIsItsValue() throws {
        #expect(position(try locate(step: "freeze", field: "dmso_percent")) == "12:19")
        #expect(position(try locate(step: "selection", field: "markers.1")) == "9:20")
    }

    @Test func aStepAloneIsTheStep() throws {
        #expect(position(try locate(step: "freeze")) == "10:5")
    }

    @Test func aTopLevelPathIsItsValue() throws {
        #expect(position(try locate(field: "dose.car_t_cells")) == "14:16")
        #expect(position(try locate(field: "starting_material.composition.malignant")) == "5:75")
        #expect(position(try locate(field: "steps.1.dmso_percent")) == "12:19")
    }

    @Test func noLocationIsTheWholeProcess() throws {
        #expect(try locate() == SourceRange(at: .fileStart))
    }

    @Test func anUnknownStepIsRefusedWithTheSteps() {
        #expect(throws: ExternalRuleResponse.Violation.self) { try locate(step: "freze") }
        do {
            _ = try locate(step: "freze", field: "dmso_percent")
        } catch {
            #expect(
                error.reason.hasSuffix(
                    "is not a step of \(process.design.file); did you mean 'freeze'? its steps are: selection, freeze"))
        }
    }

    @Test func anUnknownFieldIsRefusedWithTheFieldsThere() {
        do {
            _ = try locate(step: "freeze", field: "dmso")
            Issue.record("accepted an unknown field")
        } catch {
            #expect(error.reason.contains("'dmso' is not a value in step 'freeze'"))
            #expect(error.reason.hasSuffix("there are: dmso_percent, id, operation"))
        }
        #expect(throws: ExternalRuleResponse.Violation.self) { try locate(field: "dose.car_t_cell") }
        #expect(throws: ExternalRuleResponse.Violation.self) { try locate(step: "selection", field: "markers.2") }
    }
}
