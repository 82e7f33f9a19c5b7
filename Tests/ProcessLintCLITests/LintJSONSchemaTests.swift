import Foundation
import ProcessModel
import TestSupport
import Testing

/// The JSON output matches its documented schema, checked by an independent validator (check-jsonschema,
/// installed by .ci/run; without it these tests are skipped locally and fail in CI).
@Suite struct LintJSONSchemaTests {
    @Test(.enabled(if: JSONSchemaCheck.isRequired))
    func lintOutputValidatesAgainstItsSchema() throws {
        let repository = CommandRunner.repository
        let output = CommandRunner.run([
            "lint", "--format", "json", "--fail-on", "never", repository + "/processes",
            repository + "/Tests/Fixtures/lint", repository + "/Tests/Fixtures/err/typical-mistakes.yaml",
        ])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("processlint-\(UUID()).json")
        try Data(output.out.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, report) = try JSONSchemaCheck.run([
            "--schemafile", repository + "/docs/lint-json.schema.json", file.path,
        ])
        #expect(status == 0, "\(report)")
        #expect(output.out.contains("\"suppressed\""), "the output exercises suppressions")
        #expect(output.out.contains("\"risk\""), "the output exercises risk figures")
        #expect(output.out.contains("\"code\":\"unknown-key\""), "the output exercises load problems' codes")
    }

    /// The schema lists every kind of load problem as a `code`, and nothing else.
    @Test func theSchemaListsEveryLoadProblemCode() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: CommandRunner.repository + "/docs/lint-json.schema.json"))
        let text = String(decoding: data, as: UTF8.self)
        let line = try #require(text.split(separator: "\n").first { $0.contains("\"code\": {\"enum\"") })
        let listed = line.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map(\.element).dropFirst(2)
            .map(String.init)
        #expect(listed == LoadDiagnostic.Kind.allCases.map(\.rawValue))
    }
}
