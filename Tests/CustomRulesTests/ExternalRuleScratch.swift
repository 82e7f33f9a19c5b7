import BuiltinRules
import Foundation
import LintKit
import ProcessModel
import TestSupport

/// A temporary folder with configuration and process files, removed when the test ends.
struct ExternalRuleScratch: ~Copyable {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("processlint-external-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Writes `text` to `relative` (creating folders) and returns its path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let path = folder + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A copy of a repository file at `relative`.
    @discardableResult
    func copy(_ repositoryFile: String, to relative: String) throws -> String {
        try write(relative, String(contentsOfFile: Repository.path(repositoryFile), encoding: .utf8))
    }

    func configuration(_ relative: String) throws -> Configuration {
        try ConfigurationLoader(registry: BuiltinRules.registry).load(file: folder + "/" + relative).get()
    }

    func design(_ relative: String) throws -> ProcessDesign {
        let result = ProcessLoader().load(file: folder + "/" + relative)
        guard let design = result.design else { throw Failure(description: "\(relative): \(result.diagnostics)") }
        return design
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// A test fixture program's path.
    static func fixture(_ name: String) -> String { Repository.path("Tests/Fixtures/external/" + name) }
}
