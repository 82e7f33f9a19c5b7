/// A JSON document as a value, for generated artefacts such as the JSON Schema.
public indirect enum JSONValue: Encodable, Equatable, Sendable {
    case string(String)
    case number(Double)
    case integer(Int)
    case boolean(Bool)
    case array([JSONValue])
    case object([String: JSONValue])

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value):
            // Whole numbers print without a fraction, as a person writes bounds such as 0 and 100.
            if let integer = Int(exactly: value) { try container.encode(integer) } else { try container.encode(value) }
        case .integer(let value): try container.encode(value)
        case .boolean(let value): try container.encode(value)
        case .array(let values): try container.encode(values)
        case .object(let members): try container.encode(members)
        }
    }
}
