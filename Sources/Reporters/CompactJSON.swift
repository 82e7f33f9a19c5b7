import Foundation

/// JSON text on one line with sorted keys, for the streamed formats (json, sarif), which write one object at a time.
enum CompactJSON {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // An overflowing figure must not crash the output: write it as JSON Schema-style text.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        // Plain structs of strings and numbers always encode.
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }
}
