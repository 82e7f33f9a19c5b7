import Foundation

/// A command-line tool that tests hold their output to (check-jsonschema, pre-commit and html5lib from PyPI,
/// Chromium from Debian). `.ci/run` installs each and names it in an environment variable; missing locally, the
/// tests that need it are skipped, and in CI (`CI` set) its absence fails them.
public struct ExternalTool: Sendable {
    public let name: String
    /// The environment variable's path if set, else the first `name` on `PATH`.
    public let executable: String?
    /// How to install it, for the message of a test that needs it.
    public let install: String

    public init(_ name: String, environmentVariable: String, install: String? = nil) {
        self.name = name
        self.install = install ?? "pip install \(name)"
        let environment = ProcessInfo.processInfo.environment
        let candidates =
            [environment[environmentVariable]].compactMap { $0 }
            + (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
        executable = candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private init(name: String, executable: String?, install: String) {
        self.name = name
        self.executable = executable
        self.install = install
    }

    /// Whether the tests that need the tool run: when it is installed, and always in CI.
    public var isRequired: Bool { executable != nil || ProcessInfo.processInfo.environment["CI"] != nil }

    public struct Missing: Error, CustomStringConvertible {
        public let name: String
        public let install: String
        public var description: String { "\(name) is not installed: \(install)" }
    }

    /// Runs the tool with `arguments` in `directory`; returns its exit status and what it printed on standard output.
    public func run(_ arguments: [String], in directory: String? = nil) throws -> (status: Int32, output: String) {
        guard let executable else { throw Missing(name: name, install: install) }
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

    /// Runs the tool and returns its exit status, standard output and standard error (kept in a file, so that
    /// neither stream can fill and block the other).
    public func runCapturingErrors(_ arguments: [String], timeout: TimeInterval = 120) throws -> (
        status: Int32, output: String, errors: String
    ) {
        guard let executable else { throw Missing(name: name, install: install) }
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "processlint-\(UUID().uuidString).stderr")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        // A browser that hangs must fail the test, not the whole run.
        let deadline = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: deadline)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        deadline.cancel()
        let errors = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), errors)
    }

    /// check-jsonschema, the independent validator of generated and produced JSON.
    public static let checkJSONSchema = ExternalTool("check-jsonschema", environmentVariable: "CHECK_JSONSCHEMA")
    /// pre-commit, which validates the hook manifest `.pre-commit-hooks.yaml`.
    public static let preCommit = ExternalTool("pre-commit", environmentVariable: "PRE_COMMIT")

    /// Chromium from Debian's packages, run headless: the browser the HTML report is rendered in.
    public static let chromium = ExternalTool(
        "chromium", environmentVariable: "CHROMIUM", install: "apt-get install chromium")

    /// A Python that can import html5lib, whose strict parser is the HTML validator the report is held to
    /// (`HTML5LIB_PYTHON`, else `python3` on `PATH` when it has html5lib).
    public static let html5lib: ExternalTool = {
        let python = ExternalTool("python3", environmentVariable: "HTML5LIB_PYTHON")
        let usable = python.executable != nil && (try? python.run(["-c", "import html5lib"]))?.status == 0
        return ExternalTool(
            name: "html5lib", executable: usable ? python.executable : nil, install: "pip install html5lib")
    }()
}
