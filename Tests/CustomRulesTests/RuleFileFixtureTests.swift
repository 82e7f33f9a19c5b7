import CustomRules
import Foundation
import TestSupport
import Testing

/// Whole rule files in actionlint's style: `err-rules/x.yaml` must give exactly `err-rules/x.out`, every problem
/// of the file in one pass (schema, semantics, duplicate ids, broken examples). `RECORD_GOLDEN=1` rewrites the `.out` files.
@Suite struct RuleFileFixtureTests {
    static let files = Repository.yamlFiles(in: "Tests/Fixtures/err-rules")

    @Test func fixturesArePresent() {
        #expect(Self.files.count >= 2)
    }

    @Test(arguments: files)
    func brokenRuleFileGivesExactlyItsExpectedLines(_ file: String) throws {
        let name = (file as NSString).lastPathComponent
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        let expected = try String(contentsOfFile: file.replacingOccurrences(of: ".yaml", with: ".out"), encoding: .utf8)
        switch RuleFileReader().read(bytes: bytes, file: name) {
        case .success: Issue.record("\(name) must not load")
        case .failure(let error):
            let found = error.diagnostics.map(\.description)
            if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
                try (found.joined(separator: "\n") + "\n").write(
                    toFile: file.replacingOccurrences(of: ".yaml", with: ".out"), atomically: true, encoding: .utf8)
            }
            #expect(found == expected.split(separator: "\n").map(String.init))
        }
    }
}
