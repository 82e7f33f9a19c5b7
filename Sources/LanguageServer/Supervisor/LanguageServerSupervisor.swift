import Foundation
import LanguageServerProtocol

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `processlint lsp`: relays messages between the editor and the language server, which runs as a child process
/// (`processlint lsp --worker`), so that a crash of the server (a trap, which no `catch` sees) does not end the
/// session. When the worker dies unexpectedly, the supervisor answers every request still in flight with an error,
/// starts a new worker and replays what it keeps of the session (`SessionRecord`), so diagnostics come back for every
/// open document. A worker that keeps crashing is given up, with a message to the user, rather than restarted forever.
///
/// Threads: the caller's thread reads the editor's messages and forwards them; one thread per worker reads its
/// messages and forwards them back, and recovers when its output ends. The state is guarded by one lock, under which
/// every write to a worker happens, so a message goes either to the worker that died (and is answered or replayed) or
/// to its successor.
public final class LanguageServerSupervisor: @unchecked Sendable {
    /// What a front end configures.
    public struct Options: Sendable {
        /// The worker's command line, the program first (an absolute path).
        public var workerCommand: [String]
        /// This many crashes within `crashWindow` and the worker is not started again.
        public var crashLimit: Int
        public var crashWindow: Duration

        public init(workerCommand: [String], crashLimit: Int = 5, crashWindow: Duration = .seconds(60)) {
            self.workerCommand = workerCommand
            self.crashLimit = crashLimit
            self.crashWindow = crashWindow
        }
    }

    private let options: Options
    private let client: MessageWriter
    private let log: @Sendable (String) -> Void
    private let lock = NSLock()

    // State, touched only under `lock`.
    private var worker: WorkerProcess?
    private var session = SessionRecord()
    /// The editor's requests the worker has not answered, with their methods.
    private var inFlight: [RequestID: String] = [:]
    /// The replayed `initialize`, whose answer the editor already has.
    private var replayedInitialize: RequestID?
    /// Workers started after the first: the editor holds the first one's registrations already.
    private var restarts = 0
    private var crashes: [ContinuousClock.Instant] = []
    /// The worker answered `shutdown`: its end is no crash, and `exit` ends with 0.
    private var shutDown = false
    /// Crashed too often: requests are answered here, with an error.
    private var gaveUp = false
    /// `exit` came, or the editor's input ended.
    private var ending = false

    public init(options: Options, writer: MessageWriter, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.client = writer
        self.log = log
    }

    /// Relays messages from `reader` until `exit` or the end of input; returns the exit code the specification asks
    /// for: 0 after `shutdown`, 1 otherwise.
    public func run(reader: inout MessageReader) -> Int32 {
        // A write to a worker that has just died must fail, not end the supervisor with it.
        signal(SIGPIPE, SIG_IGN)
        do {
            try lock.withLock { try startWorker() }
        } catch {
            log(
                "processlint lsp: cannot start the language server (\(options.workerCommand.joined(separator: " "))): \(error)"
            )
            return 1
        }
        while let frame = reader.next() {
            guard case .message(let body) = frame else {
                if case .malformedHeader(let why) = frame { log("processlint lsp: skipped a malformed header: \(why)") }
                continue
            }
            let message = IncomingMessage(body: body)
            if case .notification("exit", _) = message { return end(exit: body) }
            let answer = lock.withLock { fromEditor(message, body: body) }
            if let answer { client.write(body: answer) }
        }
        return end(exit: nil)
    }

    // MARK: Relay

    /// Forwards one message of the editor's to the worker, noting what recovery needs; returns the supervisor's own
    /// answer when there is no worker to give one.
    private func fromEditor(_ message: IncomingMessage, body: [UInt8]) -> [UInt8]? {
        session.sent(message, body: body)
        guard let worker else {
            guard case .request(let id, let method, _) = message else { return nil }
            return answerWithoutWorker(method, id: id)
        }
        if case .request(let id, let method, _) = message { inFlight[id] = method }
        worker.send(body)
        return nil
    }

    /// Answers a request when the worker has been given up, or has ended after `shutdown`.
    private func answerWithoutWorker(_ method: String, id: RequestID) -> [UInt8] {
        if method == "shutdown" {
            shutDown = true
            return OutgoingMessage.result(LSPAny.null, id: id)
        }
        if gaveUp {
            return OutgoingMessage.error(
                ResponseError(
                    code: ResponseError.internalError,
                    message: "the language server stopped after crashing \(options.crashLimit) times; restart it"),
                id: id)
        }
        return OutgoingMessage.error(
            ResponseError(
                code: ResponseError.invalidRequest, message: "the server is shutting down: only 'exit' is accepted"),
            id: id)
    }

    /// What to pass on to the editor of one message of `from`'s, noting answers; `nil` to pass nothing.
    private func fromWorker(_ from: WorkerProcess, body: [UInt8]) -> [UInt8]? {
        guard from === worker else { return nil }
        switch IncomingMessage(body: body) {
        case .response(let id?, _):
            if id == replayedInitialize {
                replayedInitialize = nil
                return nil
            }
            switch inFlight.removeValue(forKey: id) {
            case "initialize":
                session.answeredInitialize(body)
            case "shutdown":
                shutDown = (try? JSONDecoder().decode(Answer.self, from: Data(body)))?.error == nil
            case "processlint/statistics":
                return withSupervisorStatistics(body)
            default:
                break
            }
            return body
        case .request(let id, "client/registerCapability", _) where restarts > 0:
            // The editor still holds the first worker's registration; a second one of the same id would be refused.
            from.send(OutgoingMessage.result(LSPAny.null, id: id))
            return nil
        default:
            return body
        }
    }

    private struct Answer: Decodable {
        let error: ResponseError?
    }

    /// The worker's `processlint/statistics` with the supervisor's own figures added: its memory (it holds a copy of
    /// every open document) and how often the worker was restarted.
    private func withSupervisorStatistics(_ body: [UInt8]) -> [UInt8] {
        struct Statistics: Decodable {
            let id: RequestID
            let result: [String: LSPAny]
        }
        guard let statistics = try? JSONDecoder().decode(Statistics.self, from: Data(body)) else { return body }
        let result = statistics.result.merging([
            "supervisorResidentBytes": .number(Double(ResidentMemory.bytes())),
            "workerRestarts": .number(Double(restarts)),
        ]) { _, supervisor in supervisor }
        return OutgoingMessage.result(result, id: statistics.id)
    }

    // MARK: Workers

    /// Starts a worker and replays the session into it. Called under `lock`.
    private func startWorker() throws {
        let started = try WorkerProcess(command: options.workerCommand)
        worker = started
        let replay = session.replay()
        replayedInitialize = replay.initializeID
        for message in replay.messages { started.send(message) }
        started.serve(
            message: { [self] body in
                if let forward = lock.withLock({ fromWorker(started, body: body) }) { client.write(body: forward) }
            },
            ended: { [self] in workerEnded(started) })
    }

    /// A worker's output ended: the end of the session, or a crash to recover from.
    private func workerEnded(_ ended: WorkerProcess) {
        let how = ended.waitForExit()
        var messages: [[UInt8]] = []
        lock.withLock {
            guard ended === worker else { return }
            worker = nil
            // After `shutdown` the worker has nothing left to do; its end needs no recovery.
            guard !ending, !shutDown else { return }
            log("processlint lsp: the language server \(how)")
            let now = ContinuousClock.now
            crashes = crashes.filter { now - $0 < options.crashWindow } + [now]
            gaveUp = crashes.count >= options.crashLimit
            let outcome = gaveUp ? "it was not restarted (it crashed too often)" : "it was restarted"
            let failure = ResponseError(
                code: ResponseError.internalError,
                message:
                    "the language server crashed (it \(how)) while this request was in progress; \(outcome), so the request may be sent again"
            )
            for id in inFlight.keys.sorted(by: { $0.description < $1.description }) {
                messages.append(OutgoingMessage.error(failure, id: id))
            }
            inFlight.removeAll()
            var why = "crashed \(crashes.count) times within \(options.crashWindow.components.seconds) seconds"
            if !gaveUp {
                do {
                    restarts += 1
                    try startWorker()
                    messages.append(
                        notification(
                            "window/logMessage", type: 2,
                            "processlint: the language server crashed (it \(how)) and was restarted; its log (standard error) says why"
                        ))
                    return
                } catch {
                    gaveUp = true
                    why = "crashed and could not be started again (\(error))"
                }
            }
            log("processlint lsp: the language server \(why): not restarted")
            messages.append(
                notification(
                    "window/showMessage", type: 1,
                    "processlint: the language server \(why) and was not restarted; its log (standard error) says why. Restart the server to try again."
                ))
        }
        for message in messages { client.write(body: message) }
    }

    private func notification(_ method: String, type: Int, _ text: String) -> [UInt8] {
        OutgoingMessage.notification(method, ShowMessageParams(type: type, message: text))
    }

    /// Ends the session: passes `exit` on (when it came), ends the worker's input and waits for it to end.
    private func end(exit: [UInt8]?) -> Int32 {
        let last = lock.withLock {
            ending = true
            if let exit { worker?.send(exit) }
            worker?.closeInput()
            return worker
        }
        last?.waitForExit()
        return lock.withLock { shutDown ? 0 : 1 }
    }
}
