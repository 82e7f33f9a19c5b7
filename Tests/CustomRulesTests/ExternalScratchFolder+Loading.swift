import BuiltinRules
import LintKit
import ProcessModel
import TestSupport

/// Reading back what a test wrote in its scratch folder.
extension ScratchFolder {
    struct Unloadable: Error, CustomStringConvertible { let description: String }

    func configuration(_ relative: String) throws -> Configuration {
        try ConfigurationLoader(registry: BuiltinRules.registry).load(file: path + "/" + relative).get()
    }

    func design(_ relative: String) throws -> ProcessDesign {
        let result = ProcessLoader().load(file: path + "/" + relative)
        guard let design = result.design else { throw Unloadable(description: "\(relative): \(result.diagnostics)") }
        return design
    }
}
