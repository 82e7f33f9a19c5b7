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
    private(set) var problems: [LoadDiagnostic] = []

    init(loader: ConfigurationLoader, explicit: String?) {
        self.loader = loader
        self.explicit = explicit
    }

    func configuration(for file: String) -> Configuration {
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        guard let path = explicit ?? loader.find(from: folder) else { return Configuration() }
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

    /// The custom rules of every configuration read so far, each once.
    var customRules: [any CustomRule] {
        var seen = Set<String>()
        return byPath.values.flatMap(\.customRules).filter { seen.insert("\($0.origin)").inserted }
    }
}

extension ConfigurationLoader {
    /// The built-in rules, and declarative rule files for configurations that name them.
    static var standard: ConfigurationLoader {
        ConfigurationLoader(registry: BuiltinRules.registry, ruleFiles: DeclarativeRuleFiles())
    }
}
