import Foundation
import ProcessModel
import TestSupport
import Testing

/// Whole-file fixtures in actionlint's style: `ok/` must load clean, `err/x.yaml` must give exactly `err/x.out`.
@Suite struct FixtureTests {
    static let okFiles = Repository.yamlFiles(in: "Tests/Fixtures/ok")
    static let errFiles = Repository.yamlFiles(in: "Tests/Fixtures/err")

    @Test func fixturesArePresent() {
        #expect(Self.okFiles.count >= 3)
        #expect(Self.errFiles.count >= 20)
    }

    @Test(arguments: okFiles)
    func validFileLoadsWithoutDiagnostics(_ file: String) throws {
        let result = ProcessLoader().load(file: file)
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.design != nil)
    }

    @Test(arguments: errFiles)
    func brokenFileGivesExactlyItsExpectedLines(_ file: String) throws {
        let name = (file as NSString).lastPathComponent
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        let result = ProcessLoader().load(bytes: bytes, file: name)
        let expected = try String(contentsOfFile: file.replacingOccurrences(of: ".yaml", with: ".out"), encoding: .utf8)
        #expect(result.diagnostics.map(\.description) == expected.split(separator: "\n").map(String.init))
        // Every fixture is unusable (the loader warns of nothing since unknown markers became errors): no model reaches the rules.
        #expect(result.hasErrors)
        #expect((result.design == nil) == result.hasErrors)
    }

    @Test func annotatedExampleInTheDocsIsTheFixture() throws {
        let docs = try String(contentsOfFile: Repository.path("docs/format.md"), encoding: .utf8)
        let start = try #require(docs.range(of: "```yaml\n"))
        let end = try #require(docs.range(of: "```", range: start.upperBound..<docs.endIndex))
        let documented = docs[start.upperBound..<end.lowerBound].split(
            separator: "\n", omittingEmptySubsequences: false
        ).dropFirst()
        let fixture = try String(
            contentsOfFile: Repository.path("Tests/Fixtures/ok/annotated-example.yaml"), encoding: .utf8
        )
        .split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        #expect(Array(documented) == Array(fixture))
    }
}
