import Foundation
import LanguageServerProtocol

/// What the supervisor keeps of a session to start it again in a new worker: the `initialize` the worker accepted,
/// the `initialized` notification, and the current text and version of every open document. The text is kept by the
/// server's own `TextDocument`, applying the same changes in the same order the worker applies them, so a restarted
/// worker sees exactly the text the editor has.
struct SessionRecord {
    /// The `initialize` request sent and not yet answered, then the one the worker accepted.
    private var initializeSent: (id: RequestID, body: [UInt8])?
    private var initializeAccepted: (id: RequestID, body: [UInt8])?
    private var initialized: [UInt8]?
    private var encoding = PositionEncodingKind.utf16
    private var documents: [String: (document: TextDocument, languageId: String)] = [:]

    /// Notes a message the editor sent on its way to the worker. A notification the worker will refuse (a change to a
    /// document that is not open, invalid params) is left out here too.
    mutating func sent(_ message: IncomingMessage, body: [UInt8]) {
        switch message {
        case .request(let id, "initialize", _):
            initializeSent = (id, body)
        case .notification("initialized", _):
            initialized = body
        case .notification("textDocument/didOpen", let data):
            guard let item = try? decodeParams(DidOpenTextDocumentParams.self, from: data).textDocument else { return }
            documents[item.uri] = (TextDocument(uri: item.uri, version: item.version, text: item.text), item.languageId)
        case .notification("textDocument/didChange", let data):
            guard let params = try? decodeParams(DidChangeTextDocumentParams.self, from: data),
                var open = documents[params.textDocument.uri]
            else { return }
            // Released first, so the text is changed in place rather than copied.
            documents[params.textDocument.uri] = nil
            open.document.apply(params.contentChanges, version: params.textDocument.version, encoding: encoding)
            documents[params.textDocument.uri] = open
        case .notification("textDocument/didClose", let data):
            guard let params = try? decodeParams(DidCloseTextDocumentParams.self, from: data) else { return }
            documents[params.textDocument.uri] = nil
        default:
            break
        }
    }

    /// Notes the worker's answer to `initialize`: accepted, it is replayed after a crash, and its position encoding
    /// is the one changes count in.
    mutating func answeredInitialize(_ body: [UInt8]) {
        guard let sent = initializeSent else { return }
        initializeSent = nil
        guard let answer = try? JSONDecoder().decode(InitializeAnswer.self, from: Data(body)),
            let result = answer.result
        else { return }
        initializeAccepted = sent
        encoding = result.capabilities.positionEncoding ?? .utf16
    }

    /// The messages that bring a new worker to where the last one was, in order, and the id of the `initialize`
    /// among them (its answer is the supervisor's, not the editor's); nothing before the session was initialized.
    func replay() -> (initializeID: RequestID?, messages: [[UInt8]]) {
        guard let initialize = initializeAccepted else { return (nil, []) }
        var messages = [initialize.body]
        if let initialized { messages.append(initialized) }
        // Sorted, so a replay is the same whatever the dictionary's order.
        for uri in documents.keys.sorted() {
            guard let open = documents[uri] else { continue }
            let item = TextDocumentItem(
                uri: uri, languageId: open.languageId, version: open.document.version, text: open.document.text)
            messages.append(
                OutgoingMessage.notification("textDocument/didOpen", DidOpenTextDocumentParams(textDocument: item)))
        }
        return (initialize.id, messages)
    }

    /// The part of an `initialize` response the record reads.
    private struct InitializeAnswer: Decodable {
        let result: Result?

        struct Result: Decodable {
            let capabilities: Capabilities
        }

        struct Capabilities: Decodable {
            let positionEncoding: PositionEncodingKind?
        }
    }
}
