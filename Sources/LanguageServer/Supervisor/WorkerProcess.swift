import Foundation
import LanguageServerProtocol

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One run of the language server as a child process (`processlint lsp --worker`): its standard input and output
/// are pipes to the supervisor, its standard error is the supervisor's own, so its log and a crash's report reach
/// the editor's log unchanged.
final class WorkerProcess: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let writer: MessageWriter
    /// Set once the input is closed: its descriptor may then be reused by another file, so nothing more is written.
    /// Guarded by the supervisor's lock, under which every `send` and `closeInput` happens.
    private var inputClosed = false

    /// Starts the worker.
    init(command: [String]) throws {
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        writer = MessageWriter(fileDescriptor: input.fileHandleForWriting.fileDescriptor)
    }

    /// Frames and writes one message body; a worker that has died loses it (the supervisor notices the death on
    /// the output side and recovers).
    func send(_ body: [UInt8]) {
        guard !inputClosed else { return }
        writer.write(body: body)
    }

    /// Ends the worker's input: after `exit`, or when the editor's input ended.
    func closeInput() {
        guard !inputClosed else { return }
        inputClosed = true
        try? input.fileHandleForWriting.close()
    }

    /// Reads the worker's messages on a thread of its own, handing each body to `message`, until its output ends
    /// (it exited or died); then calls `ended`.
    func serve(message: @escaping @Sendable ([UInt8]) -> Void, ended: @escaping @Sendable () -> Void) {
        let descriptor = output.fileHandleForReading.fileDescriptor
        let thread = Thread {
            var reader = MessageReader(fileDescriptor: descriptor)
            while let frame = reader.next() {
                if case .message(let body) = frame { message(body) }
            }
            // Keeps the pipe (and so the descriptor just read) open until reading is over.
            withExtendedLifetime(self) {}
            ended()
        }
        thread.name = "processlint.lsp.worker-output"
        thread.start()
    }

    /// Waits for the worker to end, killing it after `timeout`: its output has closed, so it is ending or hung.
    /// Returns how it ended, in words.
    @discardableResult
    func waitForExit(timeout: Duration = .seconds(5)) -> String {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { usleep(5_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        return process.terminationReason == .uncaughtSignal
            ? "ended by signal \(process.terminationStatus)" : "exited with status \(process.terminationStatus)"
    }
}
