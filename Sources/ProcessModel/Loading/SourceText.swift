/// Turns a file's bytes into text, or says exactly where and why they stop being UTF-8 text.
enum SourceText {
    /// The decoded text without a leading byte-order mark, or why the bytes are not UTF-8 text (a NUL byte
    /// counts, since it marks a binary file and libyaml would stop there silently).
    static func decode(_ bytes: [UInt8]) -> Result<String, DecodingFailure> {
        if let encoding = WideEncoding(bytes) {
            return .failure(
                DecodingFailure(
                    position: .fileStart,
                    message:
                        "file is \(encoding.rawValue) text: save it as UTF-8, the encoding process files are read in"))
        }
        if let nul = bytes.firstIndex(of: 0) {
            return .failure(
                DecodingFailure(
                    position: position(ofByte: nul, in: bytes),
                    message: "file holds a NUL byte: it looks binary, not a YAML text file"))
        }
        // A UTF-8 byte-order mark is allowed by YAML and written by some editors; it is not part of the text,
        // and libyaml's positions do not count it.
        let body = bytes.starts(with: byteOrderMark) ? bytes[byteOrderMark.count...] : bytes[...]
        if let text = String(validating: body, as: UTF8.self) {
            return .success(text)
        }
        return .failure(
            DecodingFailure(
                position: position(ofByte: firstInvalidByte(in: bytes), in: bytes),
                message: "file is not UTF-8 text: the byte here cannot be decoded; save the file as UTF-8"))
    }

    struct DecodingFailure: Error {
        let position: SourcePosition
        let message: String
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The UTF-16 and UTF-32 encodings an editor may save a file in, told by their byte-order mark or, without
    /// one, by the NUL bytes ASCII text has in them. Named so the user knows what to convert from.
    enum WideEncoding: String {
        case utf16LittleEndian = "UTF-16 (little-endian)", utf16BigEndian = "UTF-16 (big-endian)"
        case utf32LittleEndian = "UTF-32 (little-endian)", utf32BigEndian = "UTF-32 (big-endian)"

        init?(_ bytes: [UInt8]) {
            let head = Array(bytes.prefix(4)) + Array(repeating: 0xAA, count: max(0, 4 - bytes.count))
            switch (head[0], head[1], head[2], head[3]) {
            case (0xFF, 0xFE, 0, 0), (0x01...0x7F, 0, 0, 0): self = .utf32LittleEndian
            case (0, 0, 0xFE, 0xFF), (0, 0, 0, 0x01...0x7F): self = .utf32BigEndian
            case (0xFF, 0xFE, _, _), (0x01...0x7F, 0, 0x01...0x7F, 0): self = .utf16LittleEndian
            case (0xFE, 0xFF, _, _), (0, 0x01...0x7F, 0, 0x01...0x7F): self = .utf16BigEndian
            default: return nil
            }
        }
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
