import Foundation

/// Reads the files the tool is given: process files, configuration and rule files alike, so a hostile one of
/// any kind (a FIFO, a device, a 50 MB file) is refused before it is read whole.
public enum FileBytes {
    /// The file's bytes, or why they cannot be had: not a regular file, unreadable, or larger than the limit,
    /// which is checked before anything is read. POSIX calls rather than FileManager: one open, one fstat and a
    /// read per file, with no attribute dictionary (this runs for every file of a run).
    public static func contents(of file: String, limits: LoadLimits, kind: YAMLFileKind) -> Result<
        [UInt8], LoadDiagnostic
    > {
        let location = SourceLocation(file: file, range: SourceRange(at: .fileStart))
        func failure(_ message: String, _ kind: LoadDiagnostic.Kind = .unreadableFile) -> Result<
            [UInt8], LoadDiagnostic
        > {
            .failure(LoadDiagnostic(.error, kind, message, at: location))
        }
        func systemError() -> String { "cannot read file: " + String(cString: strerror(errno)).lowercased() }
        // Non-blocking, so opening a FIFO with no writer returns at once; the type check below then refuses it.
        let descriptor = open(file, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return failure(systemError()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return failure(systemError()) }
        guard status.st_mode & S_IFMT == S_IFREG else { return failure("not a regular file") }
        let size = Int(status.st_size)
        guard size <= limits.maximumFileBytes else { return failure(limits.tooLargeMessage(size, kind), .fileTooLarge) }
        // Read one byte past the limit, so a file that grew after the size check is still caught.
        let capacity = min(size, limits.maximumFileBytes) + 1
        var bytes = [UInt8](repeating: 0, count: capacity)
        var count = 0
        while count < capacity {
            let chunk = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + count, capacity - count)
            }
            if chunk < 0 && errno == EINTR { continue }
            guard chunk >= 0 else { return failure(systemError()) }
            if chunk == 0 { break }
            count += chunk
        }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }
}
