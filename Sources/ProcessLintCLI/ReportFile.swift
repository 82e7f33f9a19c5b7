import Foundation

/// The report file of `--output FILE`: written to a temporary file beside FILE, which replaces FILE only once
/// the report is complete, so a run that fails or stops early never leaves half a report for a CI step to upload.
/// A FILE that is not a regular file (`/dev/stderr`, a pipe) is written straight through: it cannot be replaced.
final class ReportFile: @unchecked Sendable {
    let path: String
    /// Where the report is written: the temporary file, or FILE itself when it is a stream.
    private let temporary: String
    private let isStream: Bool
    private let handle: FileHandle
    // Guards the state below: writes come in order from one thread, but `Console.out` must be `Sendable`.
    private let lock = NSLock()
    private var failure: String?
    private var committed = false

    struct Unwritable: Error, CustomStringConvertible {
        let description: String

        init(_ path: String, _ reason: String?) {
            description = "\(path): cannot write the report there (--output)" + (reason.map { ": \($0)" } ?? "")
        }
    }

    /// Creates the temporary file now, so an unwritable destination is known before any work is done.
    init(path: String) throws(Unwritable) {
        self.path = path
        var status = stat()
        isStream = stat(path, &status) == 0 && status.st_mode & S_IFMT != S_IFREG && status.st_mode & S_IFMT != S_IFDIR
        if isStream {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw Unwritable(path, String(cString: strerror(errno)))
            }
            temporary = path
            self.handle = handle
            return
        }
        let destination = URL(fileURLWithPath: path)
        temporary =
            destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp").path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue {
            throw Unwritable(path, "it is a directory")
        }
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw Unwritable(path, String(cString: strerror(errno)))
        }
        self.handle = handle
    }

    /// A console whose standard output is this file; messages stay on the terminal's standard error.
    func console(over terminal: Console) -> Console {
        Console(out: { self.write($0) }, err: terminal.err, isTerminal: false, environment: terminal.environment)
    }

    private func write(_ text: String) {
        lock.withLock {
            guard failure == nil else { return }
            do { try handle.write(contentsOf: Data(text.utf8)) } catch { failure = error.localizedDescription }
        }
    }

    /// Moves the finished report into place; returns why it could not, if it could not.
    func commit() -> Unwritable? {
        lock.withLock {
            if let failure { return Unwritable(path, failure) }
            do { try handle.close() } catch { return Unwritable(path, error.localizedDescription) }
            committed = true
            if isStream { return nil }
            // rename(2) replaces the destination in one step: a reader sees the old report or the new one.
            guard rename(temporary, path) == 0 else {
                unlink(temporary)
                return Unwritable(path, String(cString: strerror(errno)))
            }
            return nil
        }
    }

    deinit {
        // Not committed (a broken configuration stopped the run, say): leave no temporary file behind.
        if !committed {
            try? handle.close()
            // Never the stream itself: only a temporary file of ours is removed.
            if !isStream { unlink(temporary) }
        }
    }
}
