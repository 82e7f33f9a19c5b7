import ArgumentParser
import BuiltinRules
import Foundation
import LintKit
import ProcessModel

/// Which rules `rules` and `explain` show: the built-in ones, and the custom ones a configuration names.
struct CatalogueOptions: ParsableArguments {
    @Option(help: "Configuration whose custom rules to include; without it, the nearest .processlint.yml above the current directory.")
    var config: String?

    /// Every rule by id, each custom one with where it is defined; or the problems of the configuration.
    func rules() -> Result<[(description: RuleDescription, origin: SourceLocation?)], ConfigurationError> {
        let builtIn = BuiltinRules.registry.descriptions.map { (description: $0, origin: SourceLocation?.none) }
        let loader = ConfigurationLoader.standard
        guard let path = config ?? loader.find(from: FileManager.default.currentDirectoryPath) else { return .success(builtIn) }
        return loader.load(file: path).map { configuration in
            (builtIn + configuration.customRules.map { (description: $0.description, origin: $0.origin) })
                .sorted { $0.description.id < $1.description.id }
        }
    }
}
