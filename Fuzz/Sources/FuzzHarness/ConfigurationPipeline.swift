import BuiltinRules
import CustomRules
import LintKit

/// One `.processlint.yml`, read twice with what it extends and its rule files, then applied to the reference
/// processes: the same outcome both times, a failure always explained, and no non-finite number in a finding.
/// External rules are declared but never run: a fuzzed configuration must not start programs.
public enum ConfigurationPipeline {
    static let linter = Linter(registry: BuiltinRules.registry)

    public static func check(_ bytes: [UInt8]) {
        // A file that changes between two reads (`extends: /proc/self/status`) would break the determinism check
        // for no fault of processlint, so inputs naming such places are skipped; Fuzz/README.md says so.
        guard !mentionsDevice(bytes) else { return }
        let file = Scratch.write(bytes, to: "site/.processlint.yml")
        func read() -> Result<Configuration, ConfigurationError> {
            ConfigurationLoader(registry: BuiltinRules.registry, ruleFiles: DeclarativeRuleFiles()).load(file: file)
        }
        switch (read(), read()) {
        case (.success(let configuration), .success(let again)):
            for design in References.designs {
                let first = linter.lint(design, configuration: configuration)
                Property.require(
                    FindingProperties.fingerprint(first)
                        == FindingProperties.fingerprint(linter.lint(design, configuration: again)),
                    "the same configuration gives different findings")
                FindingProperties.requireFinite(first)
                _ = configuration.excludes(design.file)
            }
        case (.failure(let error), .failure(let again)):
            Property.require(!error.diagnostics.isEmpty, "a configuration is refused without a reason")
            Property.require(
                error.diagnostics.map(\.description) == again.diagnostics.map(\.description),
                "the same configuration is refused for different reasons")
        default:
            Property.require(false, "the same configuration is read once and refused once")
        }
    }

    private static func mentionsDevice(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        return ["/dev", "/proc", "/sys"].contains { text.contains($0) }
    }
}
