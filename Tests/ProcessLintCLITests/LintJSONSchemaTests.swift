import Foundation
import Testing

/// The JSON output matches its documented schema, checked by an independent validator (check-jsonschema,
/// installed by .ci/run; without it these tests are skipped locally and fail in CI).
@Suite struct LintJSONSchemaTests {
    static let validator: String? = {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["CHECK_JSONSCHEMA"]].compactMap { $0 }
            + (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/check-jsonschema" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let validatorRequired = validator != nil || ProcessInfo.processInfo.environment["CI"] != nil

    @Test(.enabled(if: validatorRequired))
    func lintOutputValidatesAgainstItsSchema() throws {
        let repository = CommandRunner.repository
        let output = CommandRunner.run(["lint", "--format", "json", "--fail-on", "never", repository + "/processes",
                                        repository + "/Tests/Fixtures/lint", repository + "/Tests/Fixtures/err/typical-mistakes.yaml"])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("processlint-\(UUID()).json")
        try Data(output.out.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.validator, "check-jsonschema is not installed"))
        process.arguments = ["--schemafile", repository + "/docs/lint-json.schema.json", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let report = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(report)")
        #expect(output.out.contains("\"suppressed\""), "the output exercises suppressions")
        #expect(output.out.contains("\"risk\""), "the output exercises risk figures")
    }
}
