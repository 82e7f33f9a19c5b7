/// Turns a file's bytes into text, or says exactly where they stop being UTF-8 text.
enum SourceText {
    /// The decoded text, or the position of the first byte that is not UTF-8 text (a NUL byte counts,
    /// since it marks a binary file and libyaml would stop there silently).
    static func decode(_ bytes: [UInt8]) -> Result<String, DecodingFailure> {
        if let nul = bytes.firstIndex(of: 0) {
            return .failure(DecodingFailure(position: position(ofByte: nul, in: bytes), isBinary: true))
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return .success(text)
        }
        return .failure(DecodingFailure(position: position(ofByte: firstInvalidByte(in: bytes), in: bytes), isBinary: false))
    }

    struct DecodingFailure: Error {
        let position: SourcePosition
        let isBinary: Bool
    }

    /// The offset of the first byte where UTF-8 decoding fails.
    private static func firstInvalidByte(in bytes: [UInt8]) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    /// Line and column (in Unicode scalars, as libyaml counts) of a byte offset.
    private static func position(ofByte offset: Int, in bytes: [UInt8]) -> SourcePosition {
        let before = bytes[..<offset]
        let lineStart = (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        // Count scalars, not bytes: continuation bytes (10xxxxxx) do not start a character.
        let column = bytes[lineStart..<offset].reduce(1) { ($1 & 0xC0) == 0x80 ? $0 : $0 + 1 }
        return SourcePosition(line: line, column: column)
    }
}
