import Foundation
import ProcessLintCLI

/// Runs `processlint` in-process, as a user runs it from a shell, with its output captured.
public enum ProcessLintRun {
    public struct Output: Equatable {
        public let status: Int32
        public let out: String
        public let err: String
    }

    public static func run(_ arguments: [String]) -> Output {
        let out = Capture()
        let err = Capture()
        let status = ProcessLintCommand.run(arguments, console: Console(out: out.append, err: err.append))
        return Output(status: status, out: out.text, err: err.text)
    }

    /// Text written from any thread, kept in order.
    private final class Capture: @unchecked Sendable {
        private let lock = NSLock()
        private var buffer = ""

        func append(_ text: String) { lock.withLock { buffer += text } }
        var text: String { lock.withLock { buffer } }
    }
}
