import Foundation
import LintKit
import ProcessModel

/// The rule-file hook the configuration loader is given: reads declarative rule files, each once per run
/// however many configurations name it.
public final class DeclarativeRuleFiles: RuleFileLoading, @unchecked Sendable {
    private let reader: RuleFileReader
    private let lock = NSLock()
    private var read: [String: RuleFile] = [:]

    public init(limits: LoadLimits = .standard) {
        reader = RuleFileReader(limits: limits)
    }

    public func rules(inFile path: String) -> RuleFile {
        lock.lock()
        defer { lock.unlock() }
        if let known = read[path] { return known }
        let contents = reader.contents(file: path)
        let result = RuleFile(rules: contents.rules, warnings: contents.warnings, problems: contents.problems)
        read[path] = result
        return result
    }
}
