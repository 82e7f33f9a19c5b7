import Foundation
import ProcessModel
import Testing

/// The generated artefacts are current, and an independent validator agrees with the loader.
@Suite struct SchemaTests {
    @Test func committedJSONSchemaIsCurrent() throws {
        let committed = try String(contentsOfFile: Repository.path("docs/process-1.schema.json"), encoding: .utf8)
        #expect(committed == JSONSchemaGenerator.processSchemaText(),
                "regenerate it: swift run processlint schema > docs/process-1.schema.json")
    }

    @Test func referenceTablesInTheFormatDocAreCurrent() throws {
        let docs = try String(contentsOfFile: Repository.path("docs/format.md"), encoding: .utf8)
        let begin = "<!-- BEGIN GENERATED REFERENCE -->\n"
        let start = try #require(docs.range(of: begin))
        let end = try #require(docs.range(of: "<!-- END GENERATED REFERENCE -->"))
        #expect(String(docs[start.upperBound..<end.lowerBound]) == FormatReference.markdown(),
                "regenerate the section with: swift run processlint schema --format markdown")
    }

    @Test func everyOperationAndFigureIsInTheSchema() throws {
        let text = JSONSchemaGenerator.processSchemaText()
        for kind in OperationKind.allCases { #expect(text.contains("\"\(kind.rawValue)\""), "\(kind)") }
        for figure in PerformanceFigure.allCases { #expect(text.contains("\"\(figure.rawValue)\""), "\(figure)") }
        for test in ReleaseTestKind.allCases { #expect(text.contains("\"\(test.rawValue)\""), "\(test)") }
    }

    // MARK: - Against check-jsonschema, an independent validator (installed by .ci/run)

    /// `CHECK_JSONSCHEMA` if set (as `.ci/run` sets it), else the first on `PATH`.
    static let validator: String? = {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["CHECK_JSONSCHEMA"]].compactMap { $0 }
            + (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/check-jsonschema" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Missing locally, the validator's tests are skipped; in CI (`CI` set) its absence fails them.
    static let validatorRequired = validator != nil || ProcessInfo.processInfo.environment["CI"] != nil

    struct Outcome: Decodable {
        struct Failure: Decodable { let filename: String }
        let status: String
        let errors: [Failure]?
        let parse_errors: [Failure]?

        var failedFiles: [String] { ((errors ?? []) + (parse_errors ?? [])).map(\.filename) }
    }

    func checkJSONSchema(_ arguments: [String]) throws -> Outcome {
        let validator = try #require(Self.validator, "check-jsonschema is not installed: pip install check-jsonschema")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: validator)
        process.arguments = ["--output-format", "json"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode(Outcome.self, from: data)
    }

    @Test(.enabled(if: validatorRequired))
    func generatedSchemaIsAValidDraft202012Schema() throws {
        #expect(try checkJSONSchema(["--check-metaschema", Repository.path("docs/process-1.schema.json")]).status == "ok")
    }

    @Test(.enabled(if: validatorRequired))
    func referenceProcessesAndValidFixturesPassTheSchema() throws {
        let files = Repository.yamlFiles(in: "processes") + Repository.yamlFiles(in: "processes/flawed")
            + Repository.yamlFiles(in: "Tests/Fixtures/ok")
        #expect(files.count >= 10)
        let outcome = try checkJSONSchema(["--schemafile", Repository.path("docs/process-1.schema.json")] + files)
        #expect(outcome.failedFiles == [])
        #expect(outcome.status == "ok")
    }

    /// Every broken fixture is rejected by the schema too, except those whose fault JSON Schema cannot
    /// express (`semantic-*`: duplicates, sums, agreement), that only warn (`warning-*`), or that attack
    /// the YAML parser itself (`hostile-*`: check-jsonschema expands the alias bomb and never finishes).
    @Test(.enabled(if: validatorRequired))
    func brokenFixturesAreRejectedByTheSchemaToo() throws {
        let files = Repository.yamlFiles(in: "Tests/Fixtures/err").filter {
            let name = ($0 as NSString).lastPathComponent
            return !["semantic-", "warning-", "hostile-"].contains { name.hasPrefix($0) }
        }
        let outcome = try checkJSONSchema(["--schemafile", Repository.path("docs/process-1.schema.json")] + files)
        let rejected = Set(outcome.failedFiles)
        for file in files {
            #expect(rejected.contains(file), "check-jsonschema accepted \(file)")
        }
    }
}
