import Foundation
import TestSupport
import Testing

/// `--output FILE`: the report goes to the file, whole or not at all; a run stopped early writes one that says so.
@Suite struct OutputFileTests {
    let repository = CommandRunner.repository
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("processlint-output-\(UUID())")

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func contents() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() }

    @Test(arguments: ["text", "json", "sarif", "github", "junit"])
    func theReportGoesToTheFileInsteadOfStandardOutput(format: String) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = repository + "/processes/ctl019-academic-2018.yaml"
        let report = folder.appendingPathComponent("report").path
        let direct = CommandRunner.run("lint", "--format", format, process)
        let written = CommandRunner.run("lint", "--format", format, "--output", report, process)
        #expect(written.status == direct.status && written.status == 1, "the exit status does not change")
        #expect(written.out == "")
        #expect(written.err == direct.err, "messages and the text summary stay on standard error")
        #expect(try String(contentsOfFile: report, encoding: .utf8) == direct.out)
        #expect(try contents() == ["report"], "no temporary file is left")
    }

    @Test func anUnwritablePathIsAClearErrorWithExitTwo() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = repository + "/processes/ctl019-academic-2018.yaml"
        let missing = folder.appendingPathComponent("no/such/folder/report.sarif").path
        let output = CommandRunner.run("lint", "--format", "sarif", "--output", missing, process)
        #expect(output.status == 2)
        #expect(output.out == "")
        #expect(output.err.hasPrefix(missing + ": cannot write the report there (--output): "), "\(output.err)")
        let directory = CommandRunner.run("lint", "--output", folder.path, process)
        #expect(directory.status == 2)
        #expect(directory.err == folder.path + ": cannot write the report there (--output): it is a directory\n")
        #expect(try contents().isEmpty)
    }

    /// A broken configuration stops the run before any file is read: the previous report, which may say all passed,
    /// is replaced by a whole one that says the run failed (issue 13, item 10), never left for a CI step to upload.
    @Test func aRunThatStopsEarlyReplacesThePreviousReportWithOneThatSaysSo() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report.sarif").path
        try "the previous report".write(toFile: report, atomically: true, encoding: .utf8)
        let output = CommandRunner.run(
            "lint", "--format", "sarif", "--output", report, repository + "/Tests/Fixtures/config/bad")
        #expect(output.status == 2)
        let log = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
        let invocation = try #require(
            ((log["runs"] as? [[String: Any]])?.first?["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        #expect((invocation["toolExecutionNotifications"] as? [Any])?.isEmpty == false)
        if JSONSchemaCheck.isRequired {
            let (status, output) = try JSONSchemaCheck.run([
                "--schemafile", Repository.path("docs/schemas/sarif-schema-2.1.0.json"), report,
            ])
            #expect(status == 0, "\(output)")
        }
        #expect(try contents() == ["report.sarif"], "no temporary file is left")
    }
}
