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
        let results = ProcessLoader(limits: load.limits).load(files: discovered.files)
        var diagnostics = discovered.problems + results.flatMap(\.diagnostics)
        if discovered.files.isEmpty && discovered.problems.isEmpty {
            // A gate that checked nothing must not pass silently.
            diagnostics.append(LoadDiagnostic(
                .error, .unreadableFile, "no process files (*.yaml, *.yml) found here",
                at: SourceLocation(file: paths.joined(separator: " "), range: SourceRange(at: .fileStart))))
        }
        var errors = 0
        var warnings = 0
        for diagnostic in diagnostics.sorted() {
            if diagnostic.severity == .error { errors += 1 } else { warnings += 1 }
            if quiet && diagnostic.severity != .error { continue }
            console.out(diagnostic.description + "\n")
        }
        if !quiet {
            console.err(Summary(files: discovered.files.count, errors: errors, warnings: warnings).text + "\n")
        }
        return errors > 0 ? .invalidInput : .success
    }
}

/// The closing line of a lint run.
struct Summary {
    let files: Int
    let errors: Int
    let warnings: Int

    var text: String {
        "checked \(files) \(files == 1 ? "file" : "files"): \(errors) \(errors == 1 ? "error" : "errors"), "
            + "\(warnings) \(warnings == 1 ? "warning" : "warnings")"
    }
}
