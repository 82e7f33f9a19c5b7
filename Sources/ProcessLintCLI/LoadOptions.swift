import ArgumentParser
import ProcessModel

/// The input limits, shared by every subcommand that reads process files.
struct LoadOptions: ParsableArguments {
    @Option(name: .customLong("max-file-size"), help: "Largest process file read, in bytes.")
    var maximumFileBytes = LoadLimits.standard.maximumFileBytes

    @Option(name: .customLong("max-depth"), help: "Deepest nesting of mappings and lists allowed in a process file.")
    var maximumDepth = LoadLimits.standard.maximumDepth

    var limits: LoadLimits {
        LoadLimits(maximumFileBytes: maximumFileBytes, maximumDepth: maximumDepth)
    }

    func validate() throws {
        guard maximumFileBytes > 0 else { throw ValidationError("--max-file-size must be greater than 0") }
        guard (1...1000).contains(maximumDepth) else { throw ValidationError("--max-depth must be between 1 and 1000") }
    }
}
