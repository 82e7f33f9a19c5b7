import Foundation
import TestSupport
import Testing

/// `swift package processlint` in a small package that depends on this one, as a site would use it. The package
/// and its build folder (`--scratch-path`) live in the temporary folder, never in this repository's `.build`;
/// they are kept between runs, so only the first run builds processlint from scratch.
@Suite(.serialized) struct CommandPluginTests {
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("processlint-command-plugin")
    static let package = folder.appendingPathComponent("package")

    struct Output {
        let status: Int32
        let out: String
        let err: String
    }

    /// Writes the site's package (the reference academic process and a clean one in `processes/`), then runs
    /// `swift package processlint` there with `arguments`.
    static func run(_ arguments: [String]) throws -> Output {
        let files = FileManager.default
        try files.createDirectory(at: package.appendingPathComponent("processes"), withIntermediateDirectories: true)
        try """
            // swift-tools-version:6.0
            import PackageDescription

            let package = Package(name: "Site", dependencies: [.package(path: "\(Repository.root.path)")])

            """.write(to: package.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        for (source, name) in [("processes/ctl019-academic-2018.yaml", "academic.yaml"), ("Tests/Fixtures/lint/clean/well-designed.yaml", "clean.yaml")] {
            let target = package.appendingPathComponent("processes/" + name)
            try? files.removeItem(at: target)
            try files.copyItem(atPath: Repository.path(source), toPath: target.path)
        }
        // The same dependency versions as this repository, so nothing new is resolved.
        let resolved = package.appendingPathComponent("Package.resolved")
        try? files.removeItem(at: resolved)
        try files.copyItem(atPath: Repository.path("Package.resolved"), toPath: resolved.path)

        // Output goes to files, which cannot fill up and block the build as a pipe can.
        let outFile = folder.appendingPathComponent("out.txt")
        let errFile = folder.appendingPathComponent("err.txt")
        for file in [outFile, errFile] { _ = files.createFile(atPath: file.path, contents: nil) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "package", "--scratch-path", folder.appendingPathComponent("scratch").path, "processlint"] + arguments
        process.currentDirectoryURL = package
        process.standardOutput = try FileHandle(forWritingTo: outFile)
        process.standardError = try FileHandle(forWritingTo: errFile)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, out: try String(contentsOf: outFile, encoding: .utf8),
                      err: try String(contentsOf: errFile, encoding: .utf8))
    }

    @Test func withoutArgumentsItLintsTheProcessesFolder() throws {
        let output = try Self.run([])
        #expect(output.status != 0, "the academic process has errors")
        #expect(output.out.contains("processes/academic.yaml:94:16: error: step 'lv-transduction' puts the CAR gene into cells"), "\(output.err)")
        #expect(output.err.contains("processlint exited with status 1"))
    }

    @Test func argumentsArePassedOn() throws {
        let output = try Self.run(["--format", "json", "processes/clean.yaml"])
        #expect(output.status == 0, "\(output.err)")
        let document = try JSONSerialization.jsonObject(with: Data(output.out.utf8)) as? [String: Any]
        #expect((document?["files"] as? [[String: Any]])?.map { $0["file"] as? String } == ["processes/clean.yaml"])
    }
}
