import Foundation
import LintKit
import ProcessModel

/// `processlint test RULES-DIR`, as a library type: reads the configuration in the folder (which names the custom
/// rules under test: declarative rule files and external rule programs), runs it on every process file under the
/// folder, and compares the findings of the rules that the fixtures' comments name with those comments
/// (`Expectation`). Each declarative rule's own examples run as cases too; each external program runs once.
public struct RuleTestRunner {
    public let loader: ConfigurationLoader
    public let linter: Linter
    public let limits: LoadLimits

    public init(loader: ConfigurationLoader, limits: LoadLimits = .standard) {
        self.loader = loader
        self.limits = limits
        linter = Linter(registry: loader.registry)
    }

    public func run(directory: String) -> RuleTestReport {
        var report = RuleTestReport()
        let configurationFile = (directory as NSString).appendingPathComponent(Configuration.fileName)
        guard FileManager.default.fileExists(atPath: configurationFile) else {
            report.problems.append(
                LoadDiagnostic(
                    .error, .unreadableFile, "no \(Configuration.fileName) here: it names the rules under test",
                    at: SourceLocation(file: directory, range: SourceRange(at: .fileStart))))
            return report
        }
        let configuration: Configuration
        switch loader.load(file: configurationFile) {
        case .success(let loaded): configuration = loaded
        case .failure(let error):
            report.problems = error.diagnostics
            return report
        }
        for rule in configuration.customRules { runExamples(of: rule, configuration: configuration, into: &report) }

        let discovered = ProcessFileDiscovery().files(under: [directory])
        report.problems += discovered.problems
        let fixtures = discovered.files.filter { !configuration.excludes($0) }.map {
            ProcessLoader(limits: limits).load(file: $0)
        }
        let known = loader.registry.ids.union(configuration.customRules.map { $0.description.id })
            .union(configuration.externalRules.map(\.id))
        let external = externalFindings(on: fixtures, configuration: configuration, into: &report)
        for fixture in fixtures {
            runFixture(
                fixture, adding: external[fixture.file] ?? [], configuration: configuration, knownRules: known,
                into: &report)
        }
        if report.cases.isEmpty && report.problems.isEmpty {
            report.problems.append(
                LoadDiagnostic(
                    .error, .unreadableFile,
                    "nothing to test: no rule examples, and no process files with '# expect: RULE-ID' comments",
                    at: SourceLocation(file: directory, range: SourceRange(at: .fileStart))))
        }
        return report
    }

    /// The external programs' findings on every fixture, each program run once; a program that fails is a problem
    /// of the test run (exit 2), as it is of a lint run.
    private func externalFindings(
        on fixtures: [LoadResult], configuration: Configuration,
        into report: inout RuleTestReport
    ) -> [String: [Diagnostic]] {
        let session = ExternalRuleSession(configurations: [configuration])
        guard !session.isEmpty else { return [:] }
        let results = session.run(fixtures.compactMap { $0.design.map { ($0, configuration) } })
        report.problems += results.failures.map { failure in
            LoadDiagnostic(.error, .inconsistent, failure.message, at: failure.rule.declaredAt)
        }
        return results.diagnostics
    }

    private func runFixture(
        _ loaded: LoadResult, adding external: [Diagnostic], configuration: Configuration, knownRules: Set<String>,
        into report: inout RuleTestReport
    ) {
        let file = loaded.file
        guard loaded.design != nil, let text = loaded.text else {
            report.problems += loaded.diagnostics.filter { $0.severity == .error }
            return
        }
        let expectations = Expectation.parse(text)
        guard !expectations.isEmpty else {
            report.cases.append(
                .init(
                    file: file, line: 1, ruleID: "-", passed: false,
                    expected: "'# expect: RULE-ID' or '# ok: RULE-ID' comments", found: "none in this file"))
            return
        }
        for unknown in expectations where !knownRules.contains(unknown.ruleID) {
            let hint = Suggestion.nearest(to: unknown.ruleID, among: knownRules).map { "; did you mean '\($0)'?" } ?? ""
            report.problems.append(
                LoadDiagnostic(
                    .error, .invalidValue, "the expectation names no known rule '\(unknown.ruleID)'\(hint)",
                    at: SourceLocation(
                        file: file, range: SourceRange(at: SourcePosition(line: unknown.commentLine, column: 1)))))
        }
        let underTest = Set(expectations.map(\.ruleID))
        let found = linter.lint(loaded, configuration: configuration).adding(external).diagnostics
            .filter { $0.suppression == nil && underTest.contains($0.ruleID) }
        func lines(of rule: String) -> String {
            let lines = found.filter { $0.ruleID == rule }.map { String($0.location.range.start.line) }
            return lines.isEmpty
                ? "no finding of the rule in the file" : "findings of the rule at line \(lines.joined(separator: ", "))"
        }
        for expectation in expectations where knownRules.contains(expectation.ruleID) {
            let here = found.first {
                $0.ruleID == expectation.ruleID && $0.location.range.start.line == expectation.line
            }
            switch expectation.kind {
            case .expect:
                report.cases.append(
                    .init(
                        file: file, line: expectation.line, ruleID: expectation.ruleID, passed: here != nil,
                        expected: "a finding on line \(expectation.line)",
                        found: here.map { "\($0.location): \($0.message)" } ?? lines(of: expectation.ruleID)))
            case .ok:
                report.cases.append(
                    .init(
                        file: file, line: expectation.line, ruleID: expectation.ruleID, passed: here == nil,
                        expected: "no finding on line \(expectation.line)",
                        found: here.map { "\($0.location): \($0.message)" } ?? "none"))
            }
        }
        let expected = Set(expectations.filter { $0.kind == .expect }.map { "\($0.ruleID)@\($0.line)" })
        for finding in found where !expected.contains("\(finding.ruleID)@\(finding.location.range.start.line)") {
            report.cases.append(
                .init(
                    file: file, line: finding.location.range.start.line, ruleID: finding.ruleID, passed: false,
                    expected: "no finding without '# expect: \(finding.ruleID)' on the line above",
                    found: "\(finding.location): \(finding.message)"))
        }
    }

    /// A rule's own examples, through the same checks as every built-in rule's (`RuleExampleCheck`).
    private func runExamples(of rule: any CustomRule, configuration: Configuration, into report: inout RuleTestReport) {
        let check = RuleExampleCheck(linter: linter, configuration: configuration, limits: limits)
        for result in check.check(rule) {
            let example = result.example
            let expected = result.triggers ? "findings at the ↓ markers" : "no finding (a non-triggering example)"
            report.cases.append(
                .init(
                    file: example.file, line: example.line, ruleID: rule.description.id, passed: result.passed,
                    expected: result.failure?.expected ?? expected, found: result.failure?.found ?? "as expected"))
        }
    }
}
