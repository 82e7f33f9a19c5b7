import Foundation
import LintKit
import ProcessModel

/// The rule-file hook the configuration loader is given: reads declarative rule files, each once per run
/// however many configurations name it.
public final class DeclarativeRuleFiles: RuleFileLoading, @unchecked Sendable {
    private let reader: RuleFileReader
    private let lock = NSLock()
    private var read: [String: Result<RuleFile, ConfigurationError>] = [:]

    public init(limits: LoadLimits = .standard) {
        reader = RuleFileReader(limits: limits)
    }

    public func rules(inFile path: String) -> Result<RuleFile, ConfigurationError> {
        lock.lock()
        defer { lock.unlock() }
        if let known = read[path] { return known }
        let result = reader.read(file: path).map { RuleFile(rules: $0.rules, warnings: $0.warnings) }
        read[path] = result
        return result
    }
}
