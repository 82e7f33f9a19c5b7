import Foundation
import TestSupport
import Testing

/// Both plugins in a small package that depends on this one, as a site would use them: `swift package processlint`
/// and the build-tool plugin on a target that keeps process files. The package and its build folder
/// (`--scratch-path`) live in the temporary folder, never in this repository's `.build`; they are kept between
/// runs, so only the first run builds processlint from scratch.
@Suite(.serialized) struct PluginTests {
    /// One folder per checkout: two checkouts testing at once (git worktrees) must not share a package that names
    /// one of them, nor one SwiftPM lock.
    static let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("processlint-command-plugin-\(stableHash(Repository.path(".")))")
    static let package = folder.appendingPathComponent("package")

    /// FNV-1a of the text, in hex: unlike `hashValue`, the same in every run.
    static func stableHash(_ text: String) -> String {
        String(text.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }, radix: 16)
    }

    struct Output {
        let status: Int32
        let out: String
        let err: String
    }

    /// Writes the site's package (the reference academic process and a clean one in `processes/`, and the target
    /// `Site` with `targetProcess` beside its code), then runs `swift` there with `arguments`, where `SCRATCH`
    /// stands for the build folder.
    static func run(_ arguments: [String], targetProcess: String = "Tests/Fixtures/lint/clean/well-designed.yaml")
        throws -> Output
    {
        let files = FileManager.default
        try files.createDirectory(at: package.appendingPathComponent("processes"), withIntermediateDirectories: true)
        let site = package.appendingPathComponent("Sources/Site")
        try files.createDirectory(at: site, withIntermediateDirectories: true)
        try "public let site = \"a site's processes\"\n".write(
            to: site.appendingPathComponent("Site.swift"), atomically: true, encoding: .utf8)
        try? files.removeItem(at: site.appendingPathComponent("process.yaml"))
        try files.copyItem(
            atPath: Repository.path(targetProcess), toPath: site.appendingPathComponent("process.yaml").path)
        try """
        // swift-tools-version:6.0
        import PackageDescription

        let package = Package(
            name: "Site",
            dependencies: [.package(path: "\(Repository.root.path)")],
            targets: [.target(name: "Site", plugins: [.plugin(name: "ProcessLintBuildPlugin", package: "\(Repository.root.lastPathComponent.lowercased())")])]
        )

        """.write(to: package.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        for (source, name) in [
            ("processes/ctl019-academic-2018.yaml", "academic.yaml"),
            ("Tests/Fixtures/lint/clean/well-designed.yaml", "clean.yaml"),
        ] {
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
        // SwiftPM keeps a plugin's planned commands in its build description: drop it, so a changed plugin is used.
        let scratch = folder.appendingPathComponent("scratch")
        for stale in ["debug.yaml", "plugins/outputs"] {
            try? files.removeItem(at: scratch.appendingPathComponent(stale))
        }
        process.arguments = ["swift"] + arguments.map { $0 == "SCRATCH" ? scratch.path : $0 }
        process.currentDirectoryURL = package
        process.standardOutput = try FileHandle(forWritingTo: outFile)
        process.standardError = try FileHandle(forWritingTo: errFile)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, out: try String(contentsOf: outFile, encoding: .utf8),
            err: try String(contentsOf: errFile, encoding: .utf8))
    }

    @Test func withoutArgumentsItLintsTheProcessesFolder() throws {
        let output = try Self.run(["package", "--scratch-path", "SCRATCH", "processlint"])
        #expect(output.status != 0, "the academic process has errors")
        #expect(
            output.out.contains(
                "processes/academic.yaml:110:16: error: step 'lv-transduction' puts the CAR gene into cells"),
            "\(output.err)")
        #expect(output.err.contains("processlint exited with status 1"))
    }

    @Test func argumentsArePassedOn() throws {
        let output = try Self.run([
            "package", "--scratch-path", "SCRATCH", "processlint", "--format", "json", "processes/clean.yaml",
        ])
        #expect(output.status == 0, "\(output.err)")
        let document = try JSONSerialization.jsonObject(with: Data(output.out.utf8)) as? [String: Any]
        #expect((document?["files"] as? [[String: Any]])?.map { $0["file"] as? String } == ["processes/clean.yaml"])
    }

    @Test func theBuildPluginFailsTheBuildOnAFlawedDesignWithItsFindingsInTheLog() throws {
        let clean = try Self.run(["build", "--scratch-path", "SCRATCH"])
        #expect(clean.status == 0, "\(clean.err)")
        let flawed = try Self.run(
            ["build", "--scratch-path", "SCRATCH"], targetProcess: "processes/ctl019-academic-2018.yaml")
        #expect(flawed.status != 0)
        let log = flawed.out + flawed.err
        #expect(
            log.contains(
                "Sources/Site/process.yaml:110:16: error: step 'lv-transduction' puts the CAR gene into cells"),
            "\(log)")
        #expect(log.contains("processlint: 1 process file in Site"))
    }
}
