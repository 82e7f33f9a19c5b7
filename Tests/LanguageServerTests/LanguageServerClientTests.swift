import Foundation
import TestSupport
import Testing

/// The end-to-end suite: pytest-lsp (Tests/LanguageServerClient) drives the built `processlint lsp` as an editor
/// would, through initialize, open, change, diagnostics, hover, completion, code actions, shutdown and exit, and the
/// error cases. Skipped with a message when pytest-lsp is not installed, except in CI.
struct LanguageServerClientTests {
    /// The `processlint` executable `swift test` built beside the test bundle.
    static var executable: String? {
        let folder =
            Bundle.main.bundleURL.hasDirectoryPath
            ? Bundle.main.bundleURL.deletingLastPathComponent() : Bundle.main.bundleURL
        return [
            folder, Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.executableURL?.deletingLastPathComponent(),
        ]
        .compactMap { $0?.appendingPathComponent("processlint").path }
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(.enabled(if: PythonPackage.pytestLSP.isRequired, "pytest-lsp is not installed: pip install pytest-lsp"))
    func pytestLSPSuitePasses() throws {
        let package = PythonPackage.pytestLSP
        try #require(package.isInstalled, "pytest-lsp is not installed: pip install pytest-lsp")
        let executable = try #require(Self.executable, "the processlint executable was not found beside the tests")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            package.python, "-m", "pytest", "-q", "-p", "no:cacheprovider",
            Repository.path("Tests/LanguageServerClient"),
        ]
        process.currentDirectoryURL = URL(fileURLWithPath: Repository.path("Tests/LanguageServerClient"))
        var environment = ProcessInfo.processInfo.environment
        environment["PROCESSLINT"] = executable
        process.environment = environment
        // Output goes to a file, which cannot fill up and block pytest as a pipe can.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent(
            "processlint-pytest-lsp-\(getpid()).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "pytest-lsp suite failed:\n\(output.suffix(20_000))")
    }
}
