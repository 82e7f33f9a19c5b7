import BuiltinRules
import Foundation
import LintKit
import ProcessModel
import ResidualModel

/// One process file through everything `processlint lint` does with it, checked for the properties a safety
/// gate needs: the same result every time, no non-finite number in a finding, and never exit 0 while a finding
/// of severity error is not suppressed (nor while the estimate itself is not finite).
public enum ProcessPipeline {
    static let linter = Linter(registry: BuiltinRules.registry)
    /// A configuration of its own, so no `.processlint.yml` above the scratch folder changes the run.
    static let configuration = Scratch.write(Array("disable: []\n".utf8), to: "fuzz.processlint.yml")
    /// The reporters besides JSON; each input goes through one of them, chosen by its bytes so a crash reproduces.
    static let otherFormats = ["text", "sarif", "github", "junit"]

    public static func check(_ bytes: [UInt8]) {
        // The library, twice: the findings must not depend on the run.
        let first = lint(bytes)
        let second = lint(bytes)
        Property.require(
            FindingProperties.fingerprint(first.diagnostics) == FindingProperties.fingerprint(second.diagnostics),
            "two runs over the same input give different findings")
        FindingProperties.requireFinite(first.diagnostics)

        // The command line, as a user runs it: loading, rules, estimate, suppressions, a reporter, the exit status.
        let path = Scratch.write(bytes, to: "input.yaml")
        let arguments = ["lint", "--config", configuration, path, "--format"]
        let json = ProcessLintRun.run(arguments + ["json"])
        Property.require(
            json == ProcessLintRun.run(arguments + ["json"]), "two runs over the same input give different output")
        let errors = unsuppressedErrors(inJSON: json.out)
        Property.require(
            errors == 0 || json.status != 0, "lint exits 0 with \(errors) unsuppressed errors:\n\(json.out)")
        if let risk = first.risk, !FindingProperties.figures(of: risk).allSatisfy(\.isFinite) {
            Property.require(
                json.status != 0, "the estimate is not finite, and lint exits 0 (a silent pass):\n\(json.out)")
        }
        let format = otherFormats[bytes.reduce(0) { ($0 &+ Int($1)) & 0xFFFF } % otherFormats.count]
        let other = ProcessLintRun.run(arguments + [format])
        Property.require(
            other.status == json.status, "--format \(format) exits \(other.status), --format json \(json.status)")
    }

    /// What `lint` finds in the file before any reporter: the one per-file pipeline every front end calls (the
    /// loader's problems, the rules' findings, suppressions), and the estimate.
    static func lint(_ bytes: [UInt8]) -> (diagnostics: [Diagnostic], risk: Risk?) {
        let outcome = linter.lint(
            ProcessLoader().load(bytes: bytes, file: "input.yaml"), configuration: Configuration())
        return (outcome.diagnostics, outcome.risk)
    }

    /// The number of findings of severity error without a suppression in a `--format json` report.
    static func unsuppressedErrors(inJSON text: String) -> Int {
        let document = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        guard let files = document?["files"] as? [[String: Any]] else {
            Property.require(false, "--format json wrote no report:\n\(text)")
            return 0
        }
        return files.flatMap { $0["diagnostics"] as? [[String: Any]] ?? [] }
            .filter { $0["severity"] as? String == "error" && $0["suppressed"] == nil }.count
    }
}
