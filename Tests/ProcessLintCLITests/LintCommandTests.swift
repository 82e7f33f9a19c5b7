import Foundation
import ProcessModel
import Testing

@Suite struct LintCommandTests {
    let repository = CommandRunner.repository

    @Test func referenceProcessesAreValid() {
        let output = CommandRunner.run("lint", repository + "/processes")
        #expect(output.status == 0)
        #expect(output.out == "")
        #expect(output.err.hasPrefix("checked 13 files: 0 errors, 0 warnings"))
    }

    @Test func lintIsTheDefaultSubcommand() {
        #expect(CommandRunner.run(repository + "/processes").status == 0)
    }

    @Test func invalidFilesExitWithTwoAndPrintCompilerStyleLines() {
        let file = repository + "/Tests/Fixtures/err/unknown-keys.yaml"
        let output = CommandRunner.run("lint", file)
        #expect(output.status == 2)
        #expect(output.outLines.count == 7)
        #expect(output.outLines.allSatisfy { $0.hasPrefix(file + ":") && $0.contains(": error: ") })
        #expect(output.err == "checked 1 file: 7 errors, 0 warnings\n")
    }

    @Test func everyBrokenFixtureExitsWithTwoAndWarningsAloneWithZero() throws {
        for file in try FileManager.default.contentsOfDirectory(atPath: repository + "/Tests/Fixtures/err") where file.hasSuffix(".yaml") {
            let status = CommandRunner.run("lint", repository + "/Tests/Fixtures/err/" + file).status
            #expect(status == (file.hasPrefix("warning-") ? 0 : 2), "\(file)")
        }
    }

    @Test func outputIsSortedByFileThenPosition() {
        let output = CommandRunner.run("lint", repository + "/Tests/Fixtures/err")
        let locations = output.outLines.map { line -> (String, Int, Int) in
            let parts = line.split(separator: ":", maxSplits: 3)
            return (String(parts[0]), Int(parts[1]) ?? 0, Int(parts[2]) ?? 0)
        }
        #expect(locations.map { "\($0.0)" } == locations.map { "\($0.0)" }.sorted())
        for (a, b) in zip(locations, locations.dropFirst()) where a.0 == b.0 {
            #expect((a.1, a.2) <= (b.1, b.2))
        }
    }

    @Test func quietHidesWarningsAndTheSummary() {
        let output = CommandRunner.run("lint", "--quiet", repository + "/Tests/Fixtures/err/warning-unknown-marker.yaml")
        #expect(output.status == 0)
        #expect(output.out == "")
        #expect(output.err == "")
    }

    @Test func aMissingPathOrAnEmptyDirectoryIsNotASilentPass() throws {
        #expect(CommandRunner.run("lint", "/no/such/path").status == 2)
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("processlint-empty-\(UUID())").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let output = CommandRunner.run("lint", empty)
        #expect(output.status == 2)
        #expect(output.out.contains("no process files (*.yaml, *.yml) found here"))
    }

    @Test func limitsAreOptions() {
        let file = repository + "/Tests/Fixtures/ok/minimal.yaml"
        #expect(CommandRunner.run("lint", "--max-file-size", "50", file).status == 2)
        #expect(CommandRunner.run("lint", "--max-depth", "2", file).status == 2)
        #expect(CommandRunner.run("lint", "--max-depth", "3", file).status == 0)
    }

    @Test func badArgumentsAreAUsageErrorNotACrash() {
        let output = CommandRunner.run("lint", "--max-depth", "0")
        #expect(output.status == 64)
        #expect(output.err.contains("--max-depth must be between 1 and 1000"))
        #expect(CommandRunner.run("lint", "--no-such-flag").status == 64)
    }

    @Test func helpListsTheSubcommands() {
        let output = CommandRunner.run("--help")
        #expect(output.status == 0)
        #expect(output.out.contains("lint") && output.out.contains("schema"))
    }
}

@Suite struct SchemaCommandTests {
    @Test func printsTheGeneratedSchema() {
        let output = CommandRunner.run("schema")
        #expect(output.status == 0)
        #expect(output.out == JSONSchemaGenerator.processSchemaText())
        #expect(output.out.contains("\"$schema\" : \"https://json-schema.org/draft/2020-12/schema\""))
    }

    @Test func printsTheReferenceTablesAsMarkdown() {
        let output = CommandRunner.run("schema", "--format", "markdown")
        #expect(output.status == 0)
        #expect(output.out == FormatReference.markdown())
    }
}

@Suite struct ReadmeTests {
    /// The README's example output is what the tool really prints for the file it names.
    @Test func exampleOutputInTheReadmeIsReal() throws {
        let readme = try String(contentsOfFile: CommandRunner.repository + "/README.md", encoding: .utf8)
        let command = "$ processlint lint typical-mistakes.yaml\n"
        let start = try #require(readme.range(of: command))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let shown = String(readme[start.upperBound..<end.lowerBound])
        let directory = CommandRunner.repository + "/Tests/Fixtures/err/"
        let output = CommandRunner.run("lint", directory + "typical-mistakes.yaml")
        #expect(output.out.replacingOccurrences(of: directory, with: "") + output.err == shown)
    }
}
