import Foundation

/// A command-line tool from PyPI that tests hold their output to (check-jsonschema, pre-commit). `.ci/run`
/// installs each and names it in an environment variable; missing locally, the tests that need it are
/// skipped, and in CI (`CI` set) its absence fails them.
public struct ExternalTool: Sendable {
    public let name: String
    /// The environment variable's path if set, else the first `name` on `PATH`.
    public let executable: String?

    public init(_ name: String, environmentVariable: String) {
        self.name = name
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment[environmentVariable]].compactMap { $0 }
            + (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
        executable = candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether the tests that need the tool run: when it is installed, and always in CI.
    public var isRequired: Bool { executable != nil || ProcessInfo.processInfo.environment["CI"] != nil }

    public struct Missing: Error, CustomStringConvertible {
        public let name: String
        public var description: String { "\(name) is not installed: pip install \(name)" }
    }

    /// Runs the tool with `arguments` in `directory`; returns its exit status and what it printed on standard output.
    public func run(_ arguments: [String], in directory: String? = nil) throws -> (status: Int32, output: String) {
        guard let executable else { throw Missing(name: name) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// check-jsonschema, the independent validator of generated and produced JSON.
    public static let checkJSONSchema = ExternalTool("check-jsonschema", environmentVariable: "CHECK_JSONSCHEMA")
    /// pre-commit, which validates the hook manifest `.pre-commit-hooks.yaml`.
    public static let preCommit = ExternalTool("pre-commit", environmentVariable: "PRE_COMMIT")
}
