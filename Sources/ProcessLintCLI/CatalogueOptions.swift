import ArgumentParser
import BuiltinRules
import Foundation
import LintKit
import ProcessModel

/// Which rules `rules` and `explain` show: the built-in ones, and the custom ones a configuration names.
struct CatalogueOptions: ParsableArguments {
    @Option(
        help:
            "Configuration whose custom rules to include; without it, the nearest .processlint.yml above the current directory."
    )
    var config: String?

    /// Every rule by id, each custom one with where it is defined; `nil`, with the problems written to the console,
    /// when the configuration cannot be read (as `lint` stops on it too).
    func rules(of registry: RuleRegistry, orReportTo console: Console) -> [(
        description: RuleDescription, origin: SourceLocation?
    )]? {
        let builtIn = registry.descriptions.map { (description: $0, origin: SourceLocation?.none) }
        let loader = ConfigurationLoader.standard(registry: registry)
        guard let path = config ?? loader.find(from: FileManager.default.currentDirectoryPath) else { return builtIn }
        switch loader.load(file: path) {
        case .success(let configuration):
            return (builtIn + configuration.customRules.map { (description: $0.description, origin: $0.origin) })
                .sorted { $0.description.id < $1.description.id }
        case .failure(let error):
            console.err(error.diagnostics)
            return nil
        }
    }
}
