import Foundation

/// A temporary folder for a test's own files (configurations, process files, logs), removed when released.
public final class ScratchFolder: Sendable {
    public let path: String

    public init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("processlint-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `relative` (creating its folders) and returns the file's path.
    @discardableResult
    public func write(_ relative: String, _ text: String) throws -> String {
        let file = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Copies a file of the repository to `relative` and returns the copy's path.
    @discardableResult
    public func copy(_ repositoryFile: String, to relative: String) throws -> String {
        try write(relative, String(contentsOfFile: Repository.path(repositoryFile), encoding: .utf8))
    }

    /// A program of `Tests/Fixtures/external`, the external rules the tests run.
    public static func externalRule(_ name: String) -> String { Repository.path("Tests/Fixtures/external/" + name) }
}
