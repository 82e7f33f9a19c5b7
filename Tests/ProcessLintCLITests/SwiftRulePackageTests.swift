import Foundation
import TestSupport
import Testing

/// The example of a site's Swift rules builds, on its own, a processlint that runs them: the one full package
/// build of the suite (slow: it compiles ProcessLint again, in a scratch folder of its own).
@Suite struct SwiftRulePackageTests {
    struct Run {
        let status: Int32
        let output: String
    }

    /// Runs a program with standard output and error together.
    func run(_ program: String, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    @Test func theExamplePackageBuildsAProcesslintWithItsRule() throws {
        let scratch = try ScratchFolder()
        let package = Repository.path("examples/swift-rule-package")
        let build = try run("swift", ["build", "--package-path", package, "--scratch-path", scratch.path + "/build"])
        try #require(build.status == 0, "\(build.output)")
        let tool = scratch.path + "/build/debug/site-processlint"
        let rules = try run(tool, ["rules"])
        #expect(rules.output.split(separator: "\n").contains { $0.hasPrefix("site-validated-culture-duration ") }, "\(rules.output)")
        #expect(rules.output.contains("no-tumour-depletion-before-transduction"), "the built-in rules are there too")
        let lint = try run(tool, ["lint", "--no-color", package + "/long-culture.yaml"])
        #expect(lint.status == 1)
        #expect(lint.output.contains(package + "/long-culture.yaml:25:11: error: expansion step 'expansion' lasts 14 days, "
                                     + "longer than the 12 days the site has validated [site-validated-culture-duration]"), "\(lint.output)")
    }
}
