import ArgumentParser
import Foundation
import LanguageServer
import LanguageServerProtocol
import LintKit

/// `processlint lsp`: the language server, speaking LSP over standard input and output (docs/editors.md).
struct LSPCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP 3.17 over standard input and output) for editors.",
        discussion:
            "Findings as you type, hover with the estimate's figures, completion and quick fixes. See docs/editors.md."
    )

    func run(console: Console, registry: RuleRegistry) -> ExitStatus {
        // Standard output carries the protocol alone: the server logs to standard error.
        let options = LanguageServer.Options(
            registry: registry, documentationHome: LintCommand.Format.informationURI,
            version: ProcessLintCommand.configuration.version,
            testHooks: console.environment["PROCESSLINT_LSP_TEST_HOOKS"] == "1")
        let server = LanguageServer(
            options: options, writer: MessageWriter(fileDescriptor: STDOUT_FILENO), log: { console.err($0 + "\n") })
        var reader = MessageReader(fileDescriptor: STDIN_FILENO)
        // The specification's exit codes: 0 when `exit` follows `shutdown`, 1 otherwise (the code `findings` has).
        return server.run(reader: &reader) == 0 ? .success : .findings
    }
}
