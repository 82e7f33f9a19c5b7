import Dispatch
import Foundation
import LanguageServerProtocol
import LintKit
import ProcessModel
import ResidualModel
import Synchronization

/// `processlint lsp`: a language server for process files over standard input and output. Findings of the one lint
/// pipeline as diagnostics while one types, hover with the estimate's figures, completion from the format's `Shape`,
/// and quick fixes.
///
/// Threads: the caller's thread reads messages (and acts on `$/cancelRequest` and `exit` at once); everything else
/// runs in order on one state queue, except linting, which runs on its own queue so that a long lint never holds up
/// a hover. A lint's result is published only if its document has not changed since: never a stale result after a
/// newer one.
public final class LanguageServer: @unchecked Sendable {
    /// What a front end configures.
    public struct Options: Sendable {
        public var registry: RuleRegistry
        /// The project's home, for links to rule documentation.
        public var documentationHome: String
        public var version: String
        /// Requests named `processlint/test/...` that fail on purpose, for the robustness tests: `fail` throws,
        /// `crash` traps (which ends the process: what the supervisor recovers from).
        public var testHooks: Bool

        public init(registry: RuleRegistry, documentationHome: String, version: String, testHooks: Bool = false) {
            self.registry = registry
            self.documentationHome = documentationHome
            self.version = version
            self.testHooks = testHooks
        }
    }

    private let options: Options
    private let writer: MessageWriter
    private let log: @Sendable (String) -> Void
    private let stateQueue = DispatchQueue(label: "processlint.lsp.state")
    private let lintQueue = DispatchQueue(label: "processlint.lsp.lint")
    /// Requests the client cancelled before the state queue reached them.
    private let cancelled = Mutex<Set<RequestID>>([])

    // State, touched only on `stateQueue`.
    private enum Phase { case uninitialized, running, shutDown }
    private var phase = Phase.uninitialized
    private var encoding = PositionEncodingKind.utf16
    private var documents: [String: TextDocument] = [:]
    /// The documents being linted, and those changed while they were.
    private var linting: Set<String> = []
    private var dirty: Set<String> = []
    /// When the oldest change not yet published arrived, per document, for the latency figures.
    private var changedAt: [String: ContinuousClock.Instant] = [:]
    /// The version of each document when it was last saved: the text external rules run on (`lint(uri)`).
    private var saved: [String: Int] = [:]
    /// The last lint of each document, with the version it was of.
    private var linted: [String: (version: Int, outcome: FileOutcome?)] = [:]
    private var statistics = Statistics()
    private var debounce: Duration = .zero
    private var features: Features!
    private var nextRequestID = 0

    // Touched only on `lintQueue`.
    private let documentLinter: DocumentLinter

    public init(options: Options, writer: MessageWriter, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.writer = writer
        self.log = log
        documentLinter = DocumentLinter(registry: options.registry)
    }

    /// Serves messages from `reader` until `exit` or the end of input; returns the exit code the specification
    /// asks for: 0 after `shutdown`, 1 otherwise.
    public func run(reader: inout MessageReader) -> Int32 {
        while let frame = reader.next() {
            guard case .message(let body) = frame else {
                if case .malformedHeader(let why) = frame { log("processlint lsp: skipped a malformed header: \(why)") }
                continue
            }
            let message = IncomingMessage(body: body)
            switch message {
            case .notification("$/cancelRequest", let body):
                // Acted on at once, so a request still queued behind a slow one is answered as cancelled.
                // A cancellation of a request already answered is never looked up: the set is emptied now and then.
                if let params = try? decodeParams(CancelParams.self, from: body) {
                    cancelled.withLock {
                        if $0.count > 1_000 { $0.removeAll() }
                        $0.insert(params.id)
                    }
                }
            case .notification("exit", _):
                return stateQueue.sync { phase == .shutDown ? 0 : 1 }
            default:
                stateQueue.async { self.handle(message) }
            }
        }
        return stateQueue.sync { phase == .shutDown ? 0 : 1 }
    }

    // MARK: Dispatch

    private func handle(_ message: IncomingMessage) {
        switch message {
        case .request(let id, let method, let body):
            if cancelled.withLock({ $0.remove(id) }) != nil {
                return send(
                    .error(
                        ResponseError(code: ResponseError.requestCancelled, message: "the request was cancelled"),
                        id: id))
            }
            switch (phase, method) {
            case (.uninitialized, "initialize"), (.running, _): break
            case (.uninitialized, _):
                return send(
                    .error(
                        ResponseError(
                            code: ResponseError.serverNotInitialized, message: "the server is not initialized yet"),
                        id: id))
            case (.running, "initialize"):
                return send(
                    .error(
                        ResponseError(code: ResponseError.invalidRequest, message: "the server is initialized already"),
                        id: id))
            case (.shutDown, _):
                return send(
                    .error(
                        ResponseError(
                            code: ResponseError.invalidRequest,
                            message: "the server is shutting down: only 'exit' is accepted"), id: id))
            }
            do {
                send(try respond(to: method, id: id, body: body))
            } catch let error as ResponseError {
                send(.error(error, id: id))
            } catch {
                // One request failing must not end the session: the client gets the error, the server goes on.
                log("processlint lsp: \(method) failed: \(error)")
                send(
                    .error(
                        ResponseError(code: ResponseError.internalError, message: "\(method) failed: \(error)"), id: id)
                )
            }
        case .notification(let method, let body):
            guard phase == .running else { return }
            do {
                try notify(method, body: body)
            } catch {
                log("processlint lsp: \(method) ignored: \(error)")
                sendLog("processlint: \(method) ignored: \(error)", type: 1)
            }
        case .response:
            break
        case .invalid(let id, let error):
            send(.error(error, id: id))
        }
    }

    private enum Reply {
        case bytes([UInt8])
        static func error(_ error: ResponseError, id: RequestID?) -> Reply {
            .bytes(OutgoingMessage.error(error, id: id))
        }
    }

    private func send(_ reply: Reply) {
        if case .bytes(let bytes) = reply { writer.write(body: bytes) }
    }

    private func sendLog(_ message: String, type: Int) {
        writer.write(
            body: OutgoingMessage.notification("window/logMessage", LogMessageParams(type: type, message: message)))
    }

    private func respond(to method: String, id: RequestID, body: Data) throws -> Reply {
        func result(_ value: some Encodable) -> Reply { .bytes(OutgoingMessage.result(value, id: id)) }
        switch method {
        case "initialize":
            return result(try initialize(decodeParams(InitializeParams.self, from: body)))
        case "shutdown":
            phase = .shutDown
            return result(LSPAny.null)
        case "textDocument/hover":
            let params = try decodeParams(TextDocumentPositionParams.self, from: body)
            return result(
                try features.hover(
                    in: document(params.textDocument.uri), at: params.position,
                    design: design(of: params.textDocument.uri)))
        case "textDocument/completion":
            let params = try decodeParams(TextDocumentPositionParams.self, from: body)
            return result(try features.completion(in: document(params.textDocument.uri), at: params.position))
        case "textDocument/codeAction":
            let params = try decodeParams(CodeActionParams.self, from: body)
            let uri = params.textDocument.uri
            return result(
                try features.codeActions(
                    in: document(uri), range: params.range, diagnostics: params.context.diagnostics,
                    design: design(of: uri)))
        case "processlint/statistics":
            statistics.residentBytes = ResidentMemory.bytes()
            statistics.openDocuments = documents.count
            return result(statistics)
        case "processlint/test/fail" where options.testHooks:
            throw TestFailure()
        case "processlint/test/crash" where options.testHooks:
            fatalError("processlint/test/crash: a crash asked for by the test hook")
        default:
            throw ResponseError(code: ResponseError.methodNotFound, message: "unknown method '\(method)'")
        }
    }

    private struct TestFailure: Error, CustomStringConvertible {
        var description: String { "a failure asked for by the test hook" }
    }

    private func notify(_ method: String, body: Data) throws {
        switch method {
        case "initialized":
            registerWatchers()
        case "textDocument/didOpen":
            let params = try decodeParams(DidOpenTextDocumentParams.self, from: body)
            let item = params.textDocument
            documents[item.uri] = TextDocument(uri: item.uri, version: item.version, text: item.text)
            changed(item.uri)
        case "textDocument/didChange":
            let params = try decodeParams(DidChangeTextDocumentParams.self, from: body)
            let uri = params.textDocument.uri
            guard var document = documents[uri] else {
                throw ResponseError(
                    code: ResponseError.invalidParams, message: "change to a document that is not open: \(uri)")
            }
            document.apply(params.contentChanges, version: params.textDocument.version, encoding: encoding)
            documents[uri] = document
            changed(uri)
        case "textDocument/didClose":
            let params = try decodeParams(DidCloseTextDocumentParams.self, from: body)
            let uri = params.textDocument.uri
            documents[uri] = nil
            saved[uri] = nil
            linted[uri] = nil
            changedAt[uri] = nil
            features.forget(uri)
            writer.write(
                body: OutgoingMessage.notification(
                    "textDocument/publishDiagnostics",
                    PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: [])))
        case "textDocument/didSave":
            let params = try decodeParams(DidSaveTextDocumentParams.self, from: body)
            let uri = params.textDocument.uri
            if let document = documents[uri] { saved[uri] = document.version }
            if let path = DocumentURI.path(of: uri), Self.isConfigurationOrRuleFile(path) {
                // Every open document, this one with its external rules, is linted again.
                configurationChanged(path)
            } else if documents[uri] != nil {
                changed(uri)
            }
        case "workspace/didChangeWatchedFiles":
            let params = try decodeParams(DidChangeWatchedFilesParams.self, from: body)
            for change in params.changes {
                if let path = DocumentURI.path(of: change.uri) { configurationChanged(path) }
            }
        default:
            break // Other notifications (`$/setTrace`, `workspace/didChangeConfiguration`) are not needed.
        }
    }

    private func document(_ uri: String) throws -> TextDocument {
        guard let document = documents[uri] else {
            throw ResponseError(code: ResponseError.invalidParams, message: "the document is not open: \(uri)")
        }
        return document
    }

    // MARK: Lifecycle

    private func initialize(_ params: InitializeParams) -> InitializeResult {
        // UTF-16 unless the client offers UTF-8, which spares converting every column.
        let offered = params.capabilities.general?.positionEncodings ?? []
        encoding = offered.contains(PositionEncodingKind.utf8.rawValue) ? .utf8 : .utf16
        if let milliseconds = params.initializationOptions?["debounceMilliseconds"]?.number, milliseconds >= 0 {
            debounce = .milliseconds(Int(milliseconds))
        }
        watchesFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration == true
        features = Features(encoding: encoding, registry: options.registry, estimator: Linter.defaultEstimator)
        phase = .running
        return InitializeResult(
            capabilities: ServerCapabilities(
                positionEncoding: encoding,
                textDocumentSync: .init(openClose: true, change: 2, save: .init(includeText: false)),
                hoverProvider: true,
                completionProvider: .init(triggerCharacters: [":", " ", "-", "["]),
                codeActionProvider: .init(codeActionKinds: [CodeAction.quickFix])),
            serverInfo: .init(name: "processlint", version: options.version))
    }

    private var watchesFiles = false

    /// Asks the client to report changes to configuration and rule files, when it can register watchers.
    private func registerWatchers() {
        guard watchesFiles else { return }
        nextRequestID += 1
        let watchers: LSPAny = .object([
            "watchers": .array([
                .object(["globPattern": .string("**/\(Configuration.fileName)")]),
                .object(["globPattern": .string("**/\(Configuration.alternativeFileName)")]),
                .object(["globPattern": .string("**/*.{yml,yaml}")]),
            ])
        ])
        let params = RegistrationParams(registrations: [
            .init(id: "processlint-configuration", method: "workspace/didChangeWatchedFiles", registerOptions: watchers)
        ])
        writer.write(
            body: OutgoingMessage.request(
                "client/registerCapability", params, id: .string("processlint-\(nextRequestID)")))
    }

    private static func isConfigurationOrRuleFile(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return name == Configuration.fileName || name == Configuration.alternativeFileName || name.hasSuffix(".yml")
            || name.hasSuffix(".yaml")
    }

    /// A configuration, or any YAML file that may be a rule file, changed on disk: read configurations again and
    /// lint every open document anew.
    private func configurationChanged(_ path: String) {
        lintQueue.async { self.documentLinter.forget(path) }
        for uri in documents.keys { changed(uri) }
    }

    // MARK: Diagnostics

    /// Schedules a lint of the document's latest text. A lint already running finishes first; then the latest
    /// text is linted once, however many changes came meanwhile (after the debounce delay, if one was asked for).
    private func changed(_ uri: String) {
        if changedAt[uri] == nil { changedAt[uri] = .now }
        guard !linting.contains(uri) else {
            dirty.insert(uri)
            return
        }
        lint(uri)
    }

    private func lint(_ uri: String) {
        guard let document = documents[uri] else { return }
        linting.insert(uri)
        let conversion = DiagnosticConversion(
            encoding: encoding, documentation: .init(home: options.documentationHome),
            knownRules: options.registry.ids)
        // The text as saved gets the external rules too; an edit after the save drops their findings until the next.
        let externalRules = saved[uri] == document.version
        lintQueue.async {
            let started = ContinuousClock.now
            let verdict = self.documentLinter.lint(document, externalRules: externalRules)
            let published: [LanguageServerProtocol.Diagnostic]
            let outcome: FileOutcome?
            switch verdict {
            case .ignored:
                (published, outcome) = ([], nil)
            case .linted(let result, let problems, let external):
                (published, outcome) = (
                    conversion.diagnostics(
                        of: result, in: document, configurationProblems: problems, external: external),
                    result
                )
            }
            let lintTime = ContinuousClock.now - started
            self.stateQueue.async {
                self.finished(document, diagnostics: published, outcome: outcome, lintTime: lintTime)
            }
        }
    }

    private func finished(
        _ document: TextDocument, diagnostics: [LanguageServerProtocol.Diagnostic], outcome: FileOutcome?,
        lintTime: Duration
    ) {
        let uri = document.uri
        linting.remove(uri)
        // A result of an older version is dropped: the newer one is on its way.
        if documents[uri]?.version == document.version {
            linted[uri] = (document.version, outcome)
            writer.write(
                body: OutgoingMessage.notification(
                    "textDocument/publishDiagnostics",
                    PublishDiagnosticsParams(uri: uri, version: document.version, diagnostics: diagnostics)))
            if let since = changedAt.removeValue(forKey: uri) {
                statistics.record(latency: ContinuousClock.now - since, lint: lintTime)
            }
        }
        guard dirty.remove(uri) != nil else { return }
        if debounce == .zero {
            lint(uri)
        } else {
            linting.insert(uri)
            stateQueue.asyncAfter(
                deadline: .now()
                    + .nanoseconds(
                        Int(debounce.components.attoseconds / 1_000_000_000) + Int(debounce.components.seconds)
                            * 1_000_000_000)
            ) {
                self.linting.remove(uri)
                self.lint(uri)
            }
        }
    }

    /// The design of the document's current text: the last lint's when it is current, else loaded now.
    private func design(of uri: String) -> ProcessDesign? {
        if let last = linted[uri], last.version == documents[uri]?.version { return last.outcome?.design }
        guard let document = documents[uri] else { return nil }
        return ProcessLoader().load(bytes: document.bytes, file: DocumentURI.path(of: uri) ?? uri).design
    }
}
