import Foundation
import ProcessLintCLI
import Testing

/// The version users are told to pin is the version the tool reports, and the changelog describes it.
@Suite struct VersionDocumentationTests {
    let repository = CommandRunner.repository
    let version = ProcessLintCommand.configuration.version

    /// Every version a snippet pins (`ref: v0.1.0`, `rev: v0.1.0`, `from: "0.1.0"`, `PROCESSLINT_REF: v0.1.0`).
    func pinnedVersions(in file: String) throws -> [String] {
        let text = try String(contentsOfFile: repository + "/" + file, encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"(?:ref|rev|from|REF):\s*"?v?(\d+\.\d+\.\d+)"#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test func snippetsPinTheVersionTheToolReports() throws {
        var pinned: [String] = []
        for file in ["docs/ci.md", "docs/custom-rules.md", "Plugins/README.md", "README.md"] {
            pinned += try pinnedVersions(in: file)
        }
        #expect(pinned.count >= 4, "the GitHub, GitLab, pre-commit and plugin snippets")
        #expect(Set(pinned) == [version])
    }

    @Test func theChangelogHasAnEntryForTheVersion() throws {
        let changelog = try String(contentsOfFile: repository + "/CHANGELOG.md", encoding: .utf8)
        #expect(changelog.split(separator: "\n").contains { $0.hasPrefix("## \(version) ") || $0 == "## \(version)" })
    }
}
