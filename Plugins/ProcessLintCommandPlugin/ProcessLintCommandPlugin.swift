import Foundation
import PackagePlugin

/// `swift package processlint [ARGUMENT...]`: runs the `processlint` executable in the package's folder.
/// Without arguments it lints `processes/`; arguments are passed on as they are (`lint` is processlint's
/// default subcommand, so `swift package processlint --format sarif processes/` lints too).
@main
struct ProcessLintCommandPlugin: CommandPlugin {
    static let defaultArguments = ["lint", "processes/"]

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "processlint")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = arguments.isEmpty ? Self.defaultArguments : arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        // SwiftPM ends with status 1 for any failed plugin: the message keeps processlint's own status (1 findings, 2 unreadable).
        guard process.terminationReason == .exit && process.terminationStatus == 0 else {
            throw Failed(description: "processlint exited with status \(process.terminationStatus)")
        }
    }
}
