#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the reader found next on the stream: a message body, or a header it could not use (skipped, with why).
public enum Frame: Sendable, Equatable {
    case message([UInt8])
    case malformedHeader(String)
}

/// Reads JSON-RPC messages framed as the base protocol frames them: `Content-Length: N`, other headers, a blank
/// line (CRLF CRLF), then N bytes of JSON. A header block without a usable length is reported and skipped, so a
/// confused client cannot stop the server.
public struct MessageReader {
    /// Fills the buffer with up to its count of bytes and returns how many it read; 0 at the end of input.
    public typealias Source = (UnsafeMutableRawBufferPointer) -> Int

    private let source: Source
    private var buffer: [UInt8] = []
    private var start = 0
    /// A header block longer than this is no header block: what follows is read as a new one.
    public static let maximumHeaderBytes = 64 * 1024
    /// A message body longer than this is refused (and its bytes skipped): 256 MB, far above any editor's file.
    public static let maximumBodyBytes = 256 * 1024 * 1024

    public init(source: @escaping Source) {
        self.source = source
    }

    /// A reader of a file descriptor (standard input: 0).
    public init(fileDescriptor: Int32) {
        self.init { buffer in
            while true {
                let count = read(fileDescriptor, buffer.baseAddress, buffer.count)
                if count < 0 && errno == EINTR { continue }
                return max(count, 0)
            }
        }
    }

    /// A reader of bytes already in memory, for tests.
    public init(bytes: [UInt8]) {
        var remaining = bytes[...]
        self.init { buffer in
            let count = min(buffer.count, remaining.count)
            for (index, byte) in remaining.prefix(count).enumerated() { buffer[index] = byte }
            remaining = remaining.dropFirst(count)
            return count
        }
    }

    /// The next frame, or `nil` at the end of input.
    public mutating func next() -> Frame? {
        guard let headerEnd = find(terminator: [13, 10, 13, 10], limit: Self.maximumHeaderBytes) else {
            if available > 0 && !endOfInput {
                // A run of bytes with no blank line: drop it so the next header can be found.
                let dropped = available
                consume(dropped)
                return .malformedHeader("no header block end in \(dropped) bytes")
            }
            return nil
        }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        consume(headerEnd + 4 - start)
        var length: Int?
        for line in header.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { continue }
            length = Int(parts[1].trimmingCharacters(in: " \t"))
        }
        guard let length, length >= 0 else { return .malformedHeader("no valid Content-Length in header '\(header)'") }
        guard length <= Self.maximumBodyBytes else {
            skip(length)
            return .malformedHeader("message of \(length) bytes is over the limit")
        }
        guard fill(upTo: length) else { return nil }
        let body = Array(buffer[start..<(start + length)])
        consume(length)
        return .message(body)
    }

    private var available: Int { buffer.count - start }
    private var endOfInput = false

    private mutating func consume(_ count: Int) {
        start += count
        // Compact once the read part is most of the buffer, so memory stays bounded over a long session.
        if start > 65_536 && start * 2 > buffer.count {
            buffer.removeSubrange(0..<start)
            start = 0
        }
    }

    /// Reads until `count` bytes are available; false at the end of input.
    private mutating func fill(upTo count: Int) -> Bool {
        while available < count {
            guard readMore() else { return false }
        }
        return true
    }

    private mutating func skip(_ count: Int) {
        var left = count
        while left > 0 {
            if available == 0, !readMore() { return }
            let step = min(left, available)
            consume(step)
            left -= step
        }
    }

    private mutating func readMore() -> Bool {
        guard !endOfInput else { return false }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { source($0) }
        guard count > 0 else {
            endOfInput = true
            return false
        }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }

    /// The absolute index where `terminator` starts, reading more as needed, within `limit` bytes of the start.
    private mutating func find(terminator: [UInt8], limit: Int) -> Int? {
        var searched = start
        while true {
            let end = buffer.count - terminator.count
            if searched <= end {
                var index = searched
                while index <= end {
                    if buffer[index] == terminator[0] && buffer[index + 1] == terminator[1]
                        && buffer[index + 2] == terminator[2]
                        && buffer[index + 3] == terminator[3]
                    {
                        return index
                    }
                    index += 1
                }
                searched = end + 1
            }
            if available > limit { return nil }
            guard readMore() else { return nil }
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        return String(drop { characters.contains($0) }.reversed().drop { characters.contains($0) }.reversed())
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}

private let systemWrite = write

/// Writes framed messages; one writer per output, used from any thread (each message is written whole).
public final class MessageWriter: Sendable {
    private let sink: @Sendable ([UInt8]) -> Void

    public init(sink: @escaping @Sendable ([UInt8]) -> Void) {
        self.sink = sink
    }

    /// A writer of a file descriptor (standard output: 1); writes are serialised by a lock.
    public convenience init(fileDescriptor: Int32) {
        let lock = Lock()
        self.init { bytes in
            lock.withLock {
                var offset = 0
                while offset < bytes.count {
                    let written = bytes.withUnsafeBytes {
                        systemWrite(fileDescriptor, $0.baseAddress! + offset, bytes.count - offset)
                    }
                    if written < 0 {
                        if errno == EINTR { continue }
                        return
                    }
                    offset += written
                }
            }
        }
    }

    /// Frames and writes one message body.
    public func write(body: [UInt8]) {
        sink(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }
}
