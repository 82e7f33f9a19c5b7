import Foundation

/// A Python package from PyPI that a test suite runs under (pytest-lsp). `.ci/run` installs it; missing locally, the
/// tests that need it are skipped, and in CI (`CI` set) its absence fails them, as with `ExternalTool`.
public struct PythonPackage: Sendable {
    public let name: String
    /// The module `import`ed to tell whether it is installed.
    public let module: String
    /// `python3`, or the interpreter `PYTHON` names.
    public let python: String
    public let isInstalled: Bool

    public init(_ name: String, module: String) {
        self.name = name
        self.module = module
        python = ProcessInfo.processInfo.environment["PYTHON"] ?? "python3"
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = [python, "-c", "import \(module)"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        isInstalled =
            (try? probe.run()).map {
                probe.waitUntilExit()
                return probe.terminationStatus == 0
            } ?? false
    }

    /// Whether the tests that need it run: when it is installed, and always in CI.
    public var isRequired: Bool { isInstalled || ProcessInfo.processInfo.environment["CI"] != nil }

    /// pytest-lsp, the language-server test client that drives `processlint lsp` end to end.
    public static let pytestLSP = PythonPackage("pytest-lsp", module: "pytest_lsp")
}
