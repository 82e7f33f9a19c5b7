import Foundation

/// A request id: the specification allows a number or a string.
public enum RequestID: Codable, Hashable, Sendable, CustomStringConvertible {
    case number(Int)
    case string(String)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .string(let string): try container.encode(string)
        }
    }

    public var description: String {
        switch self {
        case .number(let number): "\(number)"
        case .string(let string): "\"\(string)\""
        }
    }
}

/// An error of a request, with the codes JSON-RPC and LSP define.
public struct ResponseError: Error, Codable, Sendable, Equatable {
    public let code: Int
    public let message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603
    public static let serverNotInitialized = -32002
    public static let requestCancelled = -32800
    public static let contentModified = -32801
}

/// One message read from the client, classified; its parameters are decoded later, by the handler that knows their type.
public enum IncomingMessage: Sendable {
    case request(id: RequestID, method: String, body: Data)
    case notification(method: String, body: Data)
    /// A response to a request the server sent (`client/registerCapability`).
    case response(id: RequestID?, body: Data)
    /// Not JSON at all (`parseError`), or JSON that is no message (`invalidRequest`); `id` when one could be read.
    case invalid(id: RequestID?, error: ResponseError)

    private struct Envelope: Decodable {
        let id: RequestID?
        let method: String?
        let hasResult: Bool

        enum CodingKeys: String, CodingKey { case id, method, result, error }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try? container.decodeIfPresent(RequestID.self, forKey: .id)
            method = try container.decodeIfPresent(String.self, forKey: .method)
            hasResult = container.contains(.result) || container.contains(.error)
        }
    }

    /// Classifies a message body.
    public init(body: [UInt8]) {
        let data = Data(body)
        guard (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil else {
            self = .invalid(
                id: nil, error: ResponseError(code: ResponseError.parseError, message: "the message is not valid JSON"))
            return
        }
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: data) else {
            self = .invalid(
                id: nil,
                error: ResponseError(
                    code: ResponseError.invalidRequest, message: "the message is not a JSON-RPC object"))
            return
        }
        switch (envelope.method, envelope.id) {
        case (let method?, let id?): self = .request(id: id, method: method, body: data)
        case (let method?, nil): self = .notification(method: method, body: data)
        case (nil, let id) where envelope.hasResult: self = .response(id: id, body: data)
        case (nil, let id):
            self = .invalid(
                id: id, error: ResponseError(code: ResponseError.invalidRequest, message: "the message has no 'method'")
            )
        }
    }
}

/// Decodes the `params` of a message body as `P`; an absent `params` decodes as `P` from `null` (for optional types).
public func decodeParams<P: Decodable>(_ type: P.Type, from body: Data) throws(ResponseError) -> P {
    do {
        return try JSONDecoder().decode(ParamsHolder<P>.self, from: body).params
    } catch {
        throw ResponseError(code: ResponseError.invalidParams, message: "invalid params: \(describe(error))")
    }
}

/// A message with `params` of type `P`.
private struct ParamsHolder<P: Decodable>: Decodable {
    let params: P
    enum CodingKeys: String, CodingKey { case params }
    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.params) {
            params = try container.decode(P.self, forKey: .params)
        } else {
            params = try P(from: NullDecoder(codingPath: decoder.codingPath))
        }
    }
}

/// The decoding error in a sentence: the path of the offending field, then what was wrong.
private func describe(_ error: Error) -> String {
    guard let error = error as? DecodingError else { return "\(error)" }
    func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(
            in: ["."])
    }
    switch error {
    case .keyNotFound(let key, let context):
        return "'\(path(context).isEmpty ? "" : path(context) + ".")\(key.stringValue)' is missing"
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
        return "'\(path(context))': \(context.debugDescription)"
    @unknown default: return "\(error)"
    }
}

/// Decodes a value from JSON `null`: `Optional` becomes `nil`, anything else fails.
private struct NullDecoder: Decoder {
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        throw DecodingError.valueNotFound(
            [String: String].self, .init(codingPath: codingPath, debugDescription: "params are missing"))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        throw DecodingError.valueNotFound(
            [String].self, .init(codingPath: codingPath, debugDescription: "params are missing"))
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { Null(codingPath: codingPath) }

    struct Null: SingleValueDecodingContainer {
        let codingPath: [CodingKey]
        func decodeNil() -> Bool { true }
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            throw DecodingError.valueNotFound(
                type, .init(codingPath: codingPath, debugDescription: "params are missing"))
        }
    }
}

/// Encodes the messages the server sends.
public enum OutgoingMessage {
    private struct Response<R: Encodable>: Encodable {
        let id: RequestID?
        let result: R?
        let error: ResponseError?

        enum CodingKeys: String, CodingKey { case jsonrpc, id, result, error }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("2.0", forKey: .jsonrpc)
            // A response to a message whose id could not be read carries `id: null`.
            try container.encode(id, forKey: .id)
            if let error {
                try container.encode(error, forKey: .error)
            } else {
                // `result: null` is a result (shutdown's), not a missing one.
                try container.encode(result, forKey: .result)
            }
        }
    }

    private struct Notification<P: Encodable>: Encodable {
        let jsonrpc = "2.0"
        let method: String
        let params: P
    }

    private struct Request<P: Encodable>: Encodable {
        let jsonrpc = "2.0"
        let id: RequestID
        let method: String
        let params: P
    }

    private static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every type here encodes; a failure would be a bug in a type, reported as an internal error instead.
        if let data = try? encoder.encode(value) { return Array(data) }
        return Array(
            #"{"jsonrpc":"2.0","id":null,"error":{"code":-32603,"message":"the server could not encode its answer"}}"#
                .utf8)
    }

    public static func result(_ result: some Encodable, id: RequestID) -> [UInt8] {
        encode(Response(id: id, result: result, error: nil))
    }

    public static func error(_ error: ResponseError, id: RequestID?) -> [UInt8] {
        encode(Response<Int>(id: id, result: nil, error: error))
    }

    public static func notification(_ method: String, _ params: some Encodable) -> [UInt8] {
        encode(Notification(method: method, params: params))
    }

    public static func request(_ method: String, _ params: some Encodable, id: RequestID) -> [UInt8] {
        encode(Request(id: id, method: method, params: params))
    }
}
