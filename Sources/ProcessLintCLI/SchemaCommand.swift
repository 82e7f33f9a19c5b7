import ArgumentParser
import CustomRules
import LintKit
import ProcessModel

/// `processlint schema`: prints the JSON Schema of the process format, or its reference tables.
struct SchemaCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the process file format, or of rule files.",
        discussion:
            "Point an editor's YAML language server at it for completion and validation while writing process files."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json
        case markdown
        case externalRuleRequest = "external-rule-request"
        case externalRuleResponse = "external-rule-response"
    }

    @Option(
        help: """
            json: the JSON Schema; markdown: the field reference tables of docs/format.md (docs/custom-rules.md with \
            --rules); external-rule-request and external-rule-response: the schemas of what an external rule reads and \
            prints (docs/custom-rules.md).
            """)
    var format: Format = .json

    @Flag(help: "The schema of declarative rule files (docs/custom-rules.md) instead of process files.")
    var rules = false

    func run(console: Console, registry: RuleRegistry) -> ExitStatus {
        switch (format, rules) {
        case (.json, false): console.out(JSONSchemaGenerator.processSchemaText())
        case (.markdown, false): console.out(FormatReference.markdown())
        case (.json, true): console.out(RuleFileSchema.jsonSchemaText())
        case (.markdown, true): console.out(RuleFileSchema.referenceMarkdown())
        case (.externalRuleRequest, _): console.out(ExternalRuleSchema.requestText())
        case (.externalRuleResponse, _): console.out(ExternalRuleSchema.responseText())
        }
        return .success
    }
}
