import ArgumentParser
import Foundation
import LanguageServer
import LanguageServerProtocol
import LintKit

/// `processlint lsp`: the language server, speaking LSP over standard input and output (docs/editors.md). By default
/// a supervisor that runs the server as a child process (`lsp --worker`) and restarts it after a crash.
struct LSPCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP 3.17 over standard input and output) for editors.",
        discussion:
            "Findings as you type, hover with the estimate's figures, completion and quick fixes. See docs/editors.md."
    )

    @Flag(
        help:
            "Serve in this process, without the supervisor that restarts the server after a crash (the supervisor runs the server so)."
    )
    var worker = false

    func run(console: Console, registry: RuleRegistry) -> ExitStatus {
        // Standard output carries the protocol alone: the server logs to standard error.
        let writer = MessageWriter(fileDescriptor: STDOUT_FILENO)
        let log: @Sendable (String) -> Void = { console.err($0 + "\n") }
        var reader = MessageReader(fileDescriptor: STDIN_FILENO)
        let code: Int32
        if worker {
            let options = LanguageServer.Options(
                registry: registry, documentationHome: LintCommand.Format.informationURI,
                version: ProcessLintCommand.configuration.version,
                testHooks: console.environment["PROCESSLINT_LSP_TEST_HOOKS"] == "1")
            code = LanguageServer(options: options, writer: writer, log: log).run(reader: &reader)
        } else {
            // The same executable, so a site's own build of processlint serves its own rules in the worker too.
            let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
            let options = LanguageServerSupervisor.Options(workerCommand: [executable, "lsp", "--worker"])
            code = LanguageServerSupervisor(options: options, writer: writer, log: log).run(reader: &reader)
        }
        // The specification's exit codes: 0 when `exit` follows `shutdown`, 1 otherwise (the code `findings` has).
        return code == 0 ? .success : .findings
    }
}
