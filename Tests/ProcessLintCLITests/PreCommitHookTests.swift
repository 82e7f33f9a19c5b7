import Foundation
import TestSupport
import Testing

/// The pre-commit hook manifest (`.pre-commit-hooks.yaml`), checked by pre-commit itself (installed by .ci/run;
/// without it this test is skipped locally and fails in CI).
@Suite struct PreCommitHookTests {
    @Test(.enabled(if: ExternalTool.preCommit.isRequired))
    func theHookManifestIsValid() throws {
        let (status, output) = try ExternalTool.preCommit.run(
            ["validate-manifest", ".pre-commit-hooks.yaml"], in: CommandRunner.repository)
        #expect(status == 0, "\(output)")
    }

    @Test func theHookRunsLintOnTheFilesItIsGiven() throws {
        let manifest = try String(contentsOfFile: CommandRunner.repository + "/.pre-commit-hooks.yaml", encoding: .utf8)
        for line in [
            "- id: processlint", "  language: swift", "  entry: processlint lint", "  types: [yaml]",
            "  pass_filenames: true",
        ] {
            #expect(manifest.contains(line + "\n"), "\(line)")
        }
    }
}
