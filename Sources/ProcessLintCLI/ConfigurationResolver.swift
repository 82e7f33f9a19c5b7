import BuiltinRules
import CustomRules
import Foundation
import LintKit
import ProcessModel

/// Finds the configuration of each process file: the one named with --config, or the nearest
/// `.processlint.yml` above the file, each read once however many files share it.
final class ConfigurationResolver {
    private let loader: ConfigurationLoader
    private let explicit: String?
    private var byPath: [String: Configuration] = [:]
    /// The configuration file that governs each folder seen, so the walk up happens once per folder, not per file.
    private var pathByFolder: [String: String?] = [:]
    private(set) var problems: [LoadDiagnostic] = []

    init(loader: ConfigurationLoader, explicit: String?) {
        self.loader = loader
        self.explicit = explicit
    }

    func configuration(for file: String) -> Configuration {
        guard let path = explicit ?? nearestFile(governing: file) else { return Configuration() }
        if let known = byPath[path] { return known }
        let configuration: Configuration
        switch loader.load(file: path) {
        case .success(let loaded): configuration = loaded
        case .failure(let error):
            problems += error.diagnostics
            configuration = Configuration()
        }
        byPath[path] = configuration
        return configuration
    }

    private func nearestFile(governing file: String) -> String? {
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        if let known = pathByFolder[folder] { return known }
        let found = loader.find(from: folder)
        pathByFolder[folder] = found
        return found
    }

    /// The warnings of every configuration read so far (unknown markers in rule files, say), each once.
    var warnings: [LoadDiagnostic] { Array(Set(byPath.values.flatMap(\.warnings))).sorted() }

    /// The custom rules of every configuration read so far, each once.
    var customRules: [any CustomRule] {
        var seen = Set<String>()
        return byPath.values.flatMap(\.customRules).filter { seen.insert("\($0.origin)").inserted }
    }
}

extension ConfigurationLoader {
    /// The built-in rules, and declarative rule files for configurations that name them.
    static var standard: ConfigurationLoader {
        ConfigurationLoader(registry: RunRules.registry, ruleFiles: DeclarativeRuleFiles())
    }
}
