import Foundation
import ProcessModel

/// Finds the configuration of each process file: the one named explicitly (`--config`), or the nearest
/// `.processlint.yml` above the file, each read once however many files share it. A long-lived caller (the
/// language server) calls `forget` when a configuration or rule file changes on disk.
///
/// Not thread-safe: one resolver serves one run, or one caller's queue.
public final class ConfigurationResolver {
    private let loader: ConfigurationLoader
    private let explicit: String?
    private var byPath: [String: Configuration] = [:]
    /// The configuration file that governs each folder seen, so the walk up happens once per folder, not per file.
    private var pathByFolder: [String: String?] = [:]
    /// The problems of each configuration file read, by its path.
    private var problemsByPath: [String: [LoadDiagnostic]] = [:]

    public init(loader: ConfigurationLoader, explicit: String? = nil) {
        self.loader = loader
        self.explicit = explicit
    }

    /// The configuration that governs `file`: the default one when none is found or the one found is broken
    /// (its problems are then in `problems`).
    public func configuration(for file: String) -> Configuration {
        guard let path = explicit ?? nearestFile(governing: file) else { return Configuration() }
        if let known = byPath[path] { return known }
        let configuration: Configuration
        switch loader.load(file: path) {
        case .success(let loaded): configuration = loaded
        case .failure(let error):
            problemsByPath[path] = error.diagnostics
            configuration = Configuration()
        }
        byPath[path] = configuration
        return configuration
    }

    /// Drops what was read from `path`, when that file (a configuration, one it extends, or a rule file) has
    /// changed or appeared: the next question reads the configurations again. A configuration is cached with
    /// everything it extends and names, so any change drops them all; the folders' walks up are redone too,
    /// since a new `.processlint.yml` may now be the nearest.
    public func forget(_ path: String) {
        byPath.removeAll()
        problemsByPath.removeAll()
        let name = URL(fileURLWithPath: path).lastPathComponent
        if name == Configuration.fileName || name == Configuration.alternativeFileName { pathByFolder.removeAll() }
    }

    /// Every problem of the configuration files read so far, sorted.
    public var problems: [LoadDiagnostic] { problemsByPath.values.flatMap { $0 }.sorted() }

    /// The warnings of every configuration read so far (unknown markers in rule files, say), each once.
    public var warnings: [LoadDiagnostic] { Array(Set(byPath.values.flatMap(\.warnings))).sorted() }

    /// The custom rules of every configuration read so far, each once.
    public var customRules: [any CustomRule] {
        var seen = Set<String>()
        return byPath.values.flatMap(\.customRules).filter { seen.insert("\($0.origin)").inserted }
    }

    private func nearestFile(governing file: String) -> String? {
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        if let known = pathByFolder[folder] { return known }
        let found = loader.find(from: folder)
        pathByFolder[folder] = found
        return found
    }
}
