import CustomRules
import LintKit

/// One declarative rule file, read twice, its rules then run over the reference processes: the same outcome both
/// times, a refusal always explained, and no non-finite number in a finding.
public enum RuleFilePipeline {
    public static func check(_ bytes: [UInt8]) {
        let reader = RuleFileReader()
        switch (reader.read(bytes: bytes, file: "rules.yaml"), reader.read(bytes: bytes, file: "rules.yaml")) {
        case (.success(let read), .success(let again)):
            // Only the file's rules, so that each input costs what its rules cost.
            let linter = Linter(registry: RuleRegistry())
            var configuration = Configuration()
            var second = Configuration()
            configuration.customRules = read.rules
            second.customRules = again.rules
            for design in References.designs {
                let first = linter.lint(design, configuration: configuration)
                Property.require(
                    FindingProperties.fingerprint(first)
                        == FindingProperties.fingerprint(linter.lint(design, configuration: second)),
                    "the same rule file gives different findings")
                FindingProperties.requireFinite(first)
            }
        case (.failure(let error), .failure(let again)):
            Property.require(!error.diagnostics.isEmpty, "a rule file is refused without a reason")
            Property.require(
                error.diagnostics.map(\.description) == again.diagnostics.map(\.description),
                "the same rule file is refused for different reasons")
        default:
            Property.require(false, "the same rule file is read once and refused once")
        }
    }
}
