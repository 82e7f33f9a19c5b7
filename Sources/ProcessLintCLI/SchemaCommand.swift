import ArgumentParser
import ProcessModel

/// `processlint schema`: prints the JSON Schema of the process format, or its reference tables.
struct SchemaCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the process file format.",
        discussion: "Point an editor's YAML language server at it for completion and validation while writing process files."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json
        case markdown
    }

    @Option(help: "json: the JSON Schema; markdown: the field reference tables of docs/format.md.")
    var format: Format = .json

    func run(console: Console) -> ExitStatus {
        switch format {
        case .json: console.out(JSONSchemaGenerator.processSchemaText())
        case .markdown: console.out(FormatReference.markdown())
        }
        return .success
    }
}
