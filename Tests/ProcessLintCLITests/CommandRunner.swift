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
            outLines.filter {
                $0.range(of: #"^\S.*:\d+:\d+: (error|warning|note): "#, options: .regularExpression) != nil
            }
        }
    }

    static let repository = Repository.root.path

    /// What the README shows after the line `$ command`, up to `end` (the next command, or the end of the
    /// example): the output a test compares with a real run. `nil` when the README has no such example.
    /// With `real`, and `RECORD_GOLDEN=1`, the README's block is first rewritten to the real output (for a change
    /// of output made on purpose; the diff of README.md then shows it).
    static func readmeOutput(after command: String, upTo end: String = "```", real: String? = nil) throws -> String? {
        let path = repository + "/README.md"
        var readme = try String(contentsOfFile: path, encoding: .utf8)
        guard let start = readme.range(of: "$ " + command + "\n"),
            let stop = readme.range(of: end, range: start.upperBound..<readme.endIndex)
        else { return nil }
        if let real, ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            readme.replaceSubrange(start.upperBound..<stop.lowerBound, with: real)
            try readme.write(toFile: path, atomically: true, encoding: .utf8)
            return real
        }
        return String(readme[start.upperBound..<stop.lowerBound])
    }

    static func run(_ arguments: String...) -> Output { run(arguments) }

    static func run(_ arguments: [String]) -> Output {
        let out = Mutex("")
        let err = Mutex("")
        let status = ProcessLintCommand.run(
            arguments,
            console: Console(
                out: { text in out.withLock { $0 += text } },
                err: { text in err.withLock { $0 += text } }
            ))
        return Output(status: status, out: out.withLock { $0 }, err: err.withLock { $0 })
    }
}
