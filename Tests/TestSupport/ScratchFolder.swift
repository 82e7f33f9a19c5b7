import Foundation

/// A temporary folder for a test's own files (configurations, process files, logs), removed when released.
public final class ScratchFolder: Sendable {
    public let path: String

    /// An empty folder, or a copy of the folder at `source`.
    public init(copying source: String? = nil) throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent("processlint-test-\(UUID().uuidString)").path
        if let source {
            try FileManager.default.copyItem(atPath: source, toPath: path)
        } else {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `relative` (creating its folders) and returns the file's path.
    @discardableResult
    public func write(_ relative: String, _ text: String) throws -> String {
        let file = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Replaces `old` with `new` in the file at `relative`, which must hold it; returns the file's path.
    @discardableResult
    public func replace(_ old: String, with new: String, in relative: String) throws -> String {
        let text = try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
        guard text.contains(old) else { throw Missing(text: old, file: relative) }
        return try write(relative, text.replacingOccurrences(of: old, with: new))
    }

    /// The text a test meant to edit is not in the file: the edit would silently test nothing.
    public struct Missing: Error {
        public let text: String
        public let file: String
    }

    /// Copies a file of the repository to `relative` and returns the copy's path.
    @discardableResult
    public func copy(_ repositoryFile: String, to relative: String) throws -> String {
        try write(relative, String(contentsOfFile: Repository.path(repositoryFile), encoding: .utf8))
    }

    /// A program of `Tests/Fixtures/external`, the external rules the tests run.
    public static func externalRule(_ name: String) -> String { Repository.path("Tests/Fixtures/external/" + name) }
}
