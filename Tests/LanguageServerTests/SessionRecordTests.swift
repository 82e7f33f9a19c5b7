import Foundation
import LanguageServerProtocol
import Testing

@testable import LanguageServer

/// What the supervisor keeps to start a crashed server again: the accepted `initialize`, `initialized`, and every open
/// document's current text, changed as the server changes it.
struct SessionRecordTests {
    func send(_ record: inout SessionRecord, _ json: String) {
        let body = Array(json.utf8)
        record.sent(IncomingMessage(body: body), body: body)
    }

    static let initialize = #"{"jsonrpc":"2.0","id":7,"method":"initialize","params":{"capabilities":{}}}"#
    static let initialized = #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#

    func opened(_ message: [UInt8]) throws -> TextDocumentItem {
        let incoming = IncomingMessage(body: message)
        guard case .notification("textDocument/didOpen", let body) = incoming else {
            throw Failure("not a didOpen: \(String(decoding: message, as: UTF8.self))")
        }
        return try decodeParams(DidOpenTextDocumentParams.self, from: body).textDocument
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    @Test func replaysTheAcceptedSessionWithEachOpenDocumentsLatestText() throws {
        var record = SessionRecord()
        send(&record, Self.initialize)
        record.answeredInitialize(
            Array(#"{"jsonrpc":"2.0","id":7,"result":{"capabilities":{"positionEncoding":"utf-8"}}}"#.utf8))
        send(&record, Self.initialized)
        send(
            &record,
            #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///b.yaml","languageId":"yaml","version":1,"text":"dose: 1 µL\nname: x\n"}}}"#
        )
        send(
            &record,
            #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.yaml","languageId":"yaml","version":1,"text":"gone\n"}}}"#
        )
        // In UTF-8 code units, as negotiated: `µ` is two, so "L" starts at 10.
        send(
            &record,
            #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///b.yaml","version":4},"contentChanges":[{"range":{"start":{"line":0,"character":10},"end":{"line":0,"character":11}},"text":"mL"}]}}"#
        )
        send(
            &record,
            #"{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"file:///a.yaml"}}}"#)
        // A change to a document never opened is refused by the server: nothing to keep.
        send(
            &record,
            #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///c.yaml","version":2},"contentChanges":[{"text":"x"}]}}"#
        )

        let replay = record.replay()
        #expect(replay.initializeID == .number(7))
        try #require(replay.messages.count == 3)
        #expect(replay.messages[0] == Array(Self.initialize.utf8))
        #expect(replay.messages[1] == Array(Self.initialized.utf8))
        let document = try opened(replay.messages[2])
        #expect(document.uri == "file:///b.yaml")
        #expect(document.version == 4)
        #expect(document.languageId == "yaml")
        #expect(document.text == "dose: 1 µmL\nname: x\n")
    }

    @Test func nothingIsReplayedBeforeTheServerAcceptedInitialize() {
        var record = SessionRecord()
        send(&record, Self.initialize)
        #expect(record.replay().messages.isEmpty)
        record.answeredInitialize(
            Array(#"{"jsonrpc":"2.0","id":7,"error":{"code":-32603,"message":"crashed"}}"#.utf8))
        send(&record, Self.initialized)
        #expect(record.replay().messages.isEmpty)
        #expect(record.replay().initializeID == nil)
    }
}
