import Foundation
import LanguageServerProtocol
import Testing

/// The base protocol's framing and message classification, without a server.
struct FramingTests {
    func frames(_ text: String) -> [Frame] {
        var reader = MessageReader(bytes: Array(text.utf8))
        var frames: [Frame] = []
        while let frame = reader.next() { frames.append(frame) }
        return frames
    }

    @Test func readsMessagesByTheirLengthWhateverOtherHeadersSay() {
        let frames = frames(
            "Content-Length: 2\r\n\r\n{}Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 4\r\n\r\n[1,2]"
        )
        #expect(frames == [.message(Array("{}".utf8)), .message(Array("[1,2".utf8))])
    }

    @Test func aHeaderWithoutLengthIsSkippedAndTheNextMessageRead() {
        let frames = frames("Content-Type: x\r\n\r\nContent-Length: 2\r\n\r\n{}")
        #expect(frames.count == 2)
        #expect(frames.last == .message(Array("{}".utf8)))
        if case .malformedHeader = frames.first {} else { Issue.record("expected a malformed header first") }
    }

    @Test func aBodyCutShortEndsTheInput() {
        #expect(frames("Content-Length: 10\r\n\r\n{}") == [])
    }

    @Test func bodiesCountBytesNotCharacters() {
        let body = #"{"t":"µ×é"}"#
        #expect(frames("Content-Length: \(body.utf8.count)\r\n\r\n\(body)") == [.message(Array(body.utf8))])
    }

    @Test func writerFramesWithTheByteLength() {
        final class Sink: @unchecked Sendable { var bytes: [UInt8] = [] }
        let sink = Sink()
        MessageWriter { sink.bytes += $0 }.write(body: Array("µ".utf8))
        #expect(String(decoding: sink.bytes, as: UTF8.self) == "Content-Length: 2\r\n\r\nµ")
    }

    @Test func messagesAreClassified() {
        func classify(_ text: String) -> String {
            switch IncomingMessage(body: Array(text.utf8)) {
            case .request(let id, let method, _): "request \(id) \(method)"
            case .notification(let method, _): "notification \(method)"
            case .response(let id, _): "response \(id.map(\.description) ?? "nil")"
            case .invalid(_, let error): "invalid \(error.code)"
            }
        }
        #expect(classify(#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#) == "request 1 shutdown")
        #expect(classify(#"{"jsonrpc":"2.0","id":"a","method":"x"}"#) == #"request "a" x"#)
        #expect(classify(#"{"jsonrpc":"2.0","method":"exit"}"#) == "notification exit")
        #expect(classify(#"{"jsonrpc":"2.0","id":7,"result":null}"#) == "response 7")
        #expect(classify("{oops") == "invalid -32700")
        #expect(classify("[]") == "invalid -32600")
    }

    @Test func shutdownsNullResultIsWrittenOut() {
        let text = String(decoding: OutgoingMessage.result(LSPAny.null, id: .number(3)), as: UTF8.self)
        #expect(text == #"{"id":3,"jsonrpc":"2.0","result":null}"#)
    }
}
