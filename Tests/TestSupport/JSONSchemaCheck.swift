import Foundation

/// check-jsonschema (PyPI), the independent validator the tests hold generated and produced JSON to.
/// `.ci/run` installs it and sets `CHECK_JSONSCHEMA`; missing locally, tests that need it are skipped,
/// and in CI (`CI` set) its absence fails them.
public enum JSONSchemaCheck {
    /// `CHECK_JSONSCHEMA` if set, else the first on `PATH`.
    public static let executable: String? = {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["CHECK_JSONSCHEMA"]].compactMap { $0 }
            + (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/check-jsonschema" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Whether the tests that need the validator run: when it is installed, and always in CI.
    public static let isRequired = executable != nil || ProcessInfo.processInfo.environment["CI"] != nil

    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "check-jsonschema is not installed: pip install check-jsonschema" }
    }

    /// Runs the validator with `arguments`; returns its exit status and what it printed on standard output.
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let executable else { throw Missing() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
