import Foundation
import Testing

/// The `processlint lint` commands that docs/ci.md tells users to copy into their CI run as written.
@Suite struct CIDocumentationTests {
    let repository = CommandRunner.repository

    /// Every `processlint lint …` command in the page's code blocks, from `lint` on, split into arguments.
    var commands: [[String]] {
        get throws {
            let page = try String(contentsOfFile: repository + "/docs/ci.md", encoding: .utf8)
            var inCode = false
            var commands: [[String]] = []
            for line in page.split(separator: "\n") {
                if line.drop(while: { $0 == " " }).hasPrefix("```") { inCode.toggle() }
                guard inCode, let start = line.range(of: "processlint lint ") else { continue }
                commands.append(
                    ["lint"] + line[start.upperBound...].prefix { $0 != "#" }.split(separator: " ").map(String.init))
            }
            return commands
        }
    }

    @Test func everyDocumentedLintCommandRuns() throws {
        let commands = try commands
        #expect(commands.count >= 5, "the SARIF, annotation and JUnit commands, and the two with a baseline")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("processlint-ci-doc-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in commands {
            let arguments = command.map { argument in
                argument == "processes/"
                    ? repository + "/processes"
                    : [".sarif", ".xml", ".json"].contains(where: argument.hasSuffix)
                        ? folder.appendingPathComponent(argument).path : argument
            }
            let output = CommandRunner.run(arguments)
            #expect(output.status == 0 || output.status == 1, "\(command.joined(separator: " ")): \(output.err)")
        }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                "processlint-baseline.json", "processlint-junit.xml", "processlint.sarif",
            ])
    }
}
