import Foundation
import TestSupport
import Testing

/// The estimate's JSON matches its documented schema (docs/estimate-json.schema.json), checked by the independent
/// validator the lint JSON is held to (check-jsonschema; skipped locally without it, required in CI).
@Suite struct EstimateJSONSchemaTests {
    static func validate(_ output: CommandRunner.Output) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("processlint-\(UUID()).json")
        try Data(output.out.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, report) = try JSONSchemaCheck.run([
            "--schemafile", CommandRunner.repository + "/docs/estimate-json.schema.json", file.path,
        ])
        #expect(status == 0, "\(report)")
    }

    @Test(.enabled(if: JSONSchemaCheck.isRequired))
    func everyReferenceProcessValidates() throws {
        let repository = CommandRunner.repository
        let output = CommandRunner.run([
            "estimate", "--format", "json", repository + "/processes", repository + "/Tests/Fixtures/ok/minimal.yaml",
        ])
        try Self.validate(output)
        #expect(output.out.contains("\"unavailable\""), "the output exercises a process without a risk")
        #expect(output.out.contains("\"alternatives\""), "the output exercises design alternatives")
    }

    @Test(.enabled(if: JSONSchemaCheck.isRequired))
    func theTargetAndComparisonAnswersValidate() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write("answers.yaml", EstimateCommandTests.answersProcess())
        let target = CommandRunner.run(["estimate", "--format", "json", "--target", "1e-4", file])
        try Self.validate(target)
        #expect(target.out.contains("\"requiredLog10Reduction\"") && target.out.contains("\"eligibility\""))
        let comparison = CommandRunner.run(["estimate", "--format", "json", "--compare", file, file])
        try Self.validate(comparison)
        #expect(comparison.out.contains("\"comparison\""))
    }
}
