import Foundation
import ProcessLintCLI
import Synchronization
import TestSupport

/// Runs `processlint` in-process with captured output, as a user would run it from a shell.
struct CommandRunner {
    struct Output {
        let status: Int32
        let out: String
        let err: String

        var outLines: [String] { out.split(separator: "\n").map(String.init) }

        /// The `path:line:col: severity: message [rule]` lines, without the quoted source and why/fix lines under them.
        var diagnosticLines: [String] {
            outLines.filter { $0.range(of: #"^\S.*:\d+:\d+: (error|warning|note): "#, options: .regularExpression) != nil }
        }
    }

    static let repository = Repository.root.path

    static func run(_ arguments: String...) -> Output { run(arguments) }

    static func run(_ arguments: [String]) -> Output {
        let out = Mutex("")
        let err = Mutex("")
        let status = ProcessLintCommand.run(arguments, console: Console(
            out: { text in out.withLock { $0 += text } },
            err: { text in err.withLock { $0 += text } }
        ))
        return Output(status: status, out: out.withLock { $0 }, err: err.withLock { $0 })
    }
}
