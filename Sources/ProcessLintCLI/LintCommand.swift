import ArgumentParser
import ProcessModel

/// `processlint lint PATH...`: loads and validates process files and prints every problem.
struct LintCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check process files and print every problem found.",
        discussion: "Exit status: 0 when every file is valid, 2 when any file cannot be read or breaks the format."
    )

    @Argument(help: "Process files, or directories to search for *.yaml and *.yml files.")
    var paths: [String] = ["."]

    @OptionGroup var load: LoadOptions

    @Flag(name: .shortAndLong, help: "Print only errors, and no summary.")
    var quiet = false

    func run(console: Console) -> ExitStatus {
        let discovered = ProcessFileDiscovery().files(under: paths)
        var problems = discovered.problems
        if discovered.files.isEmpty && problems.isEmpty {
            // A gate that checked nothing must not pass silently.
            problems.append(LoadDiagnostic(
                .error, .unreadableFile, "no process files (*.yaml, *.yml) found here",
                at: SourceLocation(file: paths.joined(separator: " "), range: SourceRange(at: .fileStart))))
        }
        var counts = Summary(files: discovered.files.count)
        func print(_ diagnostic: LoadDiagnostic) {
            counts.count(diagnostic)
            if !quiet || diagnostic.severity == .error { console.out(diagnostic.description + "\n") }
        }
        // Paths that could not be walked come first; then each file's problems, files in sorted order.
        problems.sorted().forEach(print)
        ProcessLoader(limits: load.limits).load(files: discovered.files) { result in result.diagnostics.forEach(print) }
        if !quiet { console.err(counts.text + "\n") }
        return counts.errors > 0 ? .invalidInput : .success
    }
}

/// The closing line of a lint run.
struct Summary {
    let files: Int
    private(set) var errors = 0
    private(set) var warnings = 0

    mutating func count(_ diagnostic: LoadDiagnostic) {
        if diagnostic.severity == .error { errors += 1 } else { warnings += 1 }
    }

    var text: String {
        "checked \(files) \(files == 1 ? "file" : "files"): \(errors) \(errors == 1 ? "error" : "errors"), "
            + "\(warnings) \(warnings == 1 ? "warning" : "warnings")"
    }
}
