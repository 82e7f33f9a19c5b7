import BuiltinRules
import Foundation
import LintKit
import ProcessModel
import TestSupport
import Testing

/// Whole-process cases in actionlint's style: each deliberately flawed reference design
/// (`processes/flawed/x.yaml`) raises exactly the findings in `Tests/Fixtures/lint/flawed-expected/x.out`.
@Suite struct FlawedProcessTests {
    static let root = Repository.root
    static let designs =
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("processes/flawed").path))
        ?? [])
        .filter { $0.hasSuffix(".yaml") }.sorted()

    @Test func flawedDesignsArePresent() {
        #expect(Self.designs.count >= 6)
    }

    @Test(arguments: designs)
    func flawedDesignRaisesExactlyItsExpectedFindings(_ name: String) throws {
        let design = try #require(
            ProcessLoader().load(file: Self.root.appendingPathComponent("processes/flawed/" + name).path).design)
        let lines = Linter(registry: BuiltinRules.registry).lint(design).map { diagnostic in
            "\(diagnostic.location.range.start): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.ruleID)]"
        }
        let path = Self.root.appendingPathComponent(
            "Tests/Fixtures/lint/flawed-expected/" + name.replacingOccurrences(of: ".yaml", with: ".out")
        ).path
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(lines == expected.split(separator: "\n").map(String.init))
    }
}
