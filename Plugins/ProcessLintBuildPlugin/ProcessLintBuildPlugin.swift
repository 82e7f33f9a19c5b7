import Foundation
import PackagePlugin

/// Lints the process files kept in a target's folder (`*.yaml`, `*.yml`) as part of `swift build`: an error
/// in a process design fails the build, like a compile error, with the findings in the build log.
@main
struct ProcessLintBuildPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let module = target.sourceModule else { return [] }
        let processes =
            (module.sourceFiles(withSuffix: "yaml").map(\.url) + module.sourceFiles(withSuffix: "yml").map(\.url))
            .filter { $0.lastPathComponent != ".processlint.yml" }
            .sorted { $0.path < $1.path }
        guard !processes.isEmpty else { return [] }
        return [
            .buildCommand(
                displayName:
                    "processlint: \(processes.count) process file\(processes.count == 1 ? "" : "s") in \(target.name)",
                executable: try context.tool(named: "processlint").url,
                // SwiftPM shows a failed command's standard error, not its standard output: the report goes there.
                arguments: ["lint", "--output", "/dev/stderr"] + processes.map(\.path),
                inputFiles: processes,
                // No output: SwiftPM reruns the command when a process file changes, or after it failed.
                outputFiles: []
            )
        ]
    }
}
