import CustomRules
import Foundation
import LintKit
import ProcessModel
import TestSupport
import Testing

/// The generated JSON Schema of rule files and the reference tables stay current, and agree with an independent validator.
@Suite struct RuleFileSchemaTests {
    @Test func committedSchemaIsCurrent() throws {
        let committed = try String(contentsOfFile: Repository.path("docs/rules-1.schema.json"), encoding: .utf8)
        #expect(
            committed == RuleFileSchema.jsonSchemaText(),
            "regenerate it: swift run processlint schema --rules > docs/rules-1.schema.json")
    }

    @Test func docsHoldTheCurrentReferenceTables() throws {
        let docs = try String(contentsOfFile: Repository.path("docs/custom-rules.md"), encoding: .utf8)
        #expect(
            docs.contains(RuleFileSchema.referenceMarkdown()),
            "regenerate the reference section of docs/custom-rules.md with: swift run processlint schema --rules --format markdown"
        )
    }

    struct Outcome: Decodable {
        struct Failure: Decodable { let filename: String }
        let status: String
        let errors: [Failure]?
    }

    func check(_ files: [String]) throws -> Outcome {
        let (_, output) = try JSONSchemaCheck.run(
            ["--output-format", "json", "--schemafile", Repository.path("docs/rules-1.schema.json")] + files)
        return try JSONDecoder().decode(Outcome.self, from: Data(output.utf8))
    }

    @Test(.enabled(if: JSONSchemaCheck.isRequired))
    func theExamplePackPassesTheSchemaAndABrokenRuleFileDoesNot() throws {
        let schema = try JSONSchemaCheck.run([
            "--output-format", "json", "--check-metaschema", Repository.path("docs/rules-1.schema.json"),
        ])
        #expect(schema.status == 0)
        #expect(try check([Repository.path("examples/site-policy/rules/northwind.yaml")]).status == "ok")
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent(
            "two-checks-\(UUID().uuidString).yaml"
        ).path
        try RuleFiles.rule("forbid: {operation: wash}\nrequire: {operation: harvest}").write(
            toFile: broken, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: broken) }
        #expect(try check([broken]).errors?.map(\.filename) == [broken], "a rule has exactly one check")
    }
}

/// Each declarative rule of the example pack runs its own examples, in isolation and through the whole engine,
/// with identical results, as the built-in rules' examples do.
@Suite struct DeclarativeRuleExampleTests {
    static let rules: [DeclarativeRule] =
        (try? RuleFileReader().read(file: Repository.path("examples/site-policy/rules/northwind.yaml")).get().rules)
        ?? []

    struct Subject: CustomTestStringConvertible, Sendable {
        let rule: DeclarativeRule
        var testDescription: String { rule.description.id }
    }

    @Test func thePackLoads() {
        #expect(
            Self.rules.map { $0.description.id }.sorted() == [
                "northwind-cd25-depletion-before-activation", "northwind-dmso-limit", "northwind-risk-ceiling",
                "northwind-vcn-limit",
            ])
    }

    func positions(_ rule: DeclarativeRule, _ example: RuleExample) throws -> (
        expected: [SourcePosition], alone: [SourcePosition], engine: [SourcePosition]
    ) {
        let (text, expected) = example.unmarked
        let loaded = ProcessLoader().load(bytes: Array(text.utf8), file: example.file)
        let design = try #require(loaded.design, "example at \(example.file):\(example.line) does not load")
        let alone = rule.check(LintContext(design: design, estimator: Linter.defaultEstimator)).map(\.range.start)
            .sorted()
        var configuration = Configuration()
        configuration.customRules = [rule]
        let engine = Linter(registry: RuleRegistry()).lint(design, configuration: configuration).map(
            \.location.range.start
        ).sorted()
        return (expected.sorted(), alone, engine)
    }

    @Test(arguments: rules.map(Subject.init))
    func examplesReportExactlyAtTheirMarkers(_ subject: Subject) throws {
        for example in subject.rule.description.triggering {
            let found = try positions(subject.rule, example)
            #expect(!found.expected.isEmpty, "example at \(example.file):\(example.line) has no ↓ marker")
            #expect(found.alone == found.expected, "example at \(example.file):\(example.line)")
            #expect(
                found.engine == found.alone, "example at \(example.file):\(example.line): engine and isolation differ")
        }
        for example in subject.rule.description.nonTriggering {
            let found = try positions(subject.rule, example)
            #expect(found.alone.isEmpty && found.engine.isEmpty, "example at \(example.file):\(example.line)")
        }
    }
}
