import Foundation
import ProcessModel
import TestSupport
import Testing

/// The generated artefacts are current, and an independent validator agrees with the loader.
@Suite struct SchemaTests {
    @Test func committedJSONSchemaIsCurrent() throws {
        let committed = try String(contentsOfFile: Repository.path("docs/process-1.schema.json"), encoding: .utf8)
        #expect(
            committed == JSONSchemaGenerator.processSchemaText(),
            "regenerate it: swift run processlint schema > docs/process-1.schema.json")
    }

    @Test func referenceTablesInTheFormatDocAreCurrent() throws {
        let docs = try String(contentsOfFile: Repository.path("docs/format.md"), encoding: .utf8)
        let begin = "<!-- BEGIN GENERATED REFERENCE -->\n"
        let start = try #require(docs.range(of: begin))
        let end = try #require(docs.range(of: "<!-- END GENERATED REFERENCE -->"))
        #expect(
            String(docs[start.upperBound..<end.lowerBound]) == FormatReference.markdown(),
            "regenerate the section with: swift run processlint schema --format markdown")
    }

    @Test func everyOperationAndFigureIsInTheSchema() throws {
        let text = JSONSchemaGenerator.processSchemaText()
        for kind in OperationKind.allCases { #expect(text.contains("\"\(kind.rawValue)\""), "\(kind)") }
        for figure in PerformanceFigure.allCases { #expect(text.contains("\"\(figure.rawValue)\""), "\(figure)") }
        for test in ReleaseTestKind.allCases { #expect(text.contains("\"\(test.rawValue)\""), "\(test)") }
    }

    // MARK: - Against check-jsonschema, an independent validator

    struct Outcome: Decodable {
        struct Failure: Decodable { let filename: String }
        let status: String
        let errors: [Failure]?
        let parse_errors: [Failure]?

        var failedFiles: [String] { ((errors ?? []) + (parse_errors ?? [])).map(\.filename) }
    }

    func checkJSONSchema(_ arguments: [String]) throws -> Outcome {
        let (_, output) = try JSONSchemaCheck.run(["--output-format", "json"] + arguments)
        return try JSONDecoder().decode(Outcome.self, from: Data(output.utf8))
    }

    @Test(.enabled(if: JSONSchemaCheck.isRequired))
    func generatedSchemaIsAValidDraft202012Schema() throws {
        #expect(
            try checkJSONSchema(["--check-metaschema", Repository.path("docs/process-1.schema.json")]).status == "ok")
    }

    @Test(.enabled(if: JSONSchemaCheck.isRequired))
    func referenceProcessesAndValidFixturesPassTheSchema() throws {
        let files =
            Repository.yamlFiles(in: "processes") + Repository.yamlFiles(in: "processes/flawed")
            + Repository.yamlFiles(in: "Tests/Fixtures/ok")
        #expect(files.count >= 10)
        let outcome = try checkJSONSchema(["--schemafile", Repository.path("docs/process-1.schema.json")] + files)
        #expect(outcome.failedFiles == [])
        #expect(outcome.status == "ok")
    }

    /// Every broken fixture is rejected by the schema too, except those whose fault JSON Schema cannot
    /// express (`semantic-*`: duplicates, sums, agreement), that only warn (`warning-*`), that are valid but in
    /// another encoding (`encoding-*`: check-jsonschema reads UTF-16 and UTF-32 too), or that attack the YAML
    /// parser itself (`hostile-*`: check-jsonschema expands the alias bomb and never finishes).
    @Test(.enabled(if: JSONSchemaCheck.isRequired))
    func brokenFixturesAreRejectedByTheSchemaToo() throws {
        let files = Repository.yamlFiles(in: "Tests/Fixtures/err").filter {
            let name = ($0 as NSString).lastPathComponent
            return !["semantic-", "warning-", "encoding-", "hostile-"].contains { name.hasPrefix($0) }
        }
        let outcome = try checkJSONSchema(["--schemafile", Repository.path("docs/process-1.schema.json")] + files)
        let rejected = Set(outcome.failedFiles)
        for file in files {
            #expect(rejected.contains(file), "check-jsonschema accepted \(file)")
        }
    }
}
