import Foundation
import LintKit
import Reporters

extension LintCommand.Format {
    /// The project's home, for SARIF's `informationUri`.
    static let informationURI = "https://github.com/processlint/processlint"

    /// The reporter that writes this format.
    func reporter(rules: [RuleDescription], root: SourceRoot, color: Bool, quiet: Bool, generated: String? = nil)
        -> any Reporter
    {
        switch self {
        case .text: TextReporter(color: color, quiet: quiet, rules: rules)
        case .json: JSONReporter()
        case .sarif:
            SARIFReporter(
                rules: rules, version: ProcessLintCommand.configuration.version, informationURI: Self.informationURI,
                root: root)
        case .github: GitHubReporter(rules: rules, root: root)
        case .junit: JUnitReporter(root: root)
        case .html:
            HTMLReporter(
                rules: rules, catalogue: Linter.defaultEstimator.catalogue,
                version: ProcessLintCommand.configuration.version, generated: generated)
        }
    }

    /// The time a report states it was made: now, or `SOURCE_DATE_EPOCH` when set (reproducible builds), in UTC.
    static func generationTime(environment: [String: String]) -> String {
        let date =
            environment["SOURCE_DATE_EPOCH"].flatMap(Double.init).map(Date.init(timeIntervalSince1970:)) ?? Date()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
