import Foundation
import TestSupport
import Testing

/// The example of a site's Swift rules builds, on its own, a processlint that runs them: the one full package
/// build of the suite (slow: it compiles ProcessLint again, in a scratch folder of its own).
@Suite struct SwiftRulePackageTests {
    @Test func theExamplePackageBuildsAProcesslintWithItsRule() throws {
        let scratch = try ScratchFolder()
        let package = Repository.path("examples/swift-rule-package")
        let build = try ProgramRun(
            "swift", ["build", "--package-path", package, "--scratch-path", scratch.path + "/build"],
            mergingErrors: true)
        try #require(build.status == 0, "\(build.output)")
        let tool = scratch.path + "/build/debug/site-processlint"
        let rules = try ProgramRun(tool, ["rules"])
        #expect(
            rules.output.split(separator: "\n").contains { $0.hasPrefix("site-validated-culture-duration ") },
            "\(rules.output)")
        #expect(rules.output.contains("no-tumour-depletion-before-transduction"), "the built-in rules are there too")
        let lint = try ProgramRun(tool, ["lint", "--no-color", package + "/long-culture.yaml"], mergingErrors: true)
        #expect(lint.status == 1)
        #expect(
            lint.output.contains(
                package + "/long-culture.yaml:25:11: error: expansion step 'expansion' lasts 14 days, "
                    + "longer than the 12 days the site has validated [site-validated-culture-duration]"),
            "\(lint.output)")
    }
}
