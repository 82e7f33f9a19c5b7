import BuiltinRules
import Foundation
import LintKit
import ProcessModel
import Reporters
import ResidualModel

/// One pass of the linter over the paths a user names: discovery, each file's configuration, loading and
/// rules in parallel, suppressions. `lint` streams the results; `diff` collects two runs and compares them.
struct LintRun {
    let paths: [String]
    let limits: LoadLimits
    /// The configuration named with `--config`; without it, the nearest `.processlint.yml` above each file.
    let configurationFile: String?
    /// Findings it covers are marked suppressed, with this reason.
    var baseline: (Baseline, reason: String)?
    /// What each result carries besides its report.
    var keeps = Keeps.report

    enum Keeps {
        case report
        /// The process's findings, for a baseline.
        case findings
        /// Its findings and estimate, for comparing versions (the estimate costs time).
        case findingsAndRisk
    }

    /// What one file came to.
    struct FileResult: Sendable {
        let report: FileReport
        /// The process as the gate compares it; absent when only the report is kept.
        let findings: ProcessFindings?
    }

    /// The files to lint, each with its configuration, and the rules the configurations add.
    struct Plan {
        /// Paths that could not be walked, reported before any file.
        let problems: [LoadDiagnostic]
        let files: [(path: String, configuration: Configuration)]
        /// The custom rules of every configuration involved, each once.
        let customRules: [any CustomRule]

        /// Every rule that may report: the built-in pack, then the custom rules.
        var rules: [RuleDescription] { BuiltinRules.registry.descriptions + customRules.map { $0.description } }
    }

    /// Discovers the files and reads each one's configuration; or every problem of the configuration, which
    /// stops the run before any file is read.
    func plan() -> Result<Plan, ConfigurationError> {
        let discovered = ProcessFileDiscovery().files(under: paths)
        var problems = discovered.problems
        if discovered.files.isEmpty && problems.isEmpty {
            // A gate that checked nothing must not pass silently.
            problems.append(LoadDiagnostic(
                .error, .unreadableFile, "no process files (*.yaml, *.yml) found here",
                at: SourceLocation(file: paths.joined(separator: " "), range: SourceRange(at: .fileStart))))
        }
        // One configuration per folder (the nearest file above it), read once; a broken one stops the run.
        let configurations = ConfigurationResolver(loader: .standard, explicit: configurationFile)
        let resolved = discovered.files.map { ($0, configurations.configuration(for: $0)) }
        guard configurations.problems.isEmpty else { return .failure(ConfigurationError(configurations.problems)) }
        return .success(Plan(problems: problems.sorted(), files: resolved.filter { !$0.1.excludes($0.0) },
                             customRules: configurations.customRules))
    }

    /// Calls `body` with each result, in file order, paths that could not be walked first; returns the number
    /// of files checked.
    func run(_ plan: Plan, _ body: (FileResult) -> Void) -> Int {
        for problem in plan.problems {
            let diagnostics = [Diagnostic(problem)]
            body(FileResult(report: FileReport(file: problem.location.file, diagnostics: diagnostics, text: nil),
                            findings: keeps == .report ? nil : ProcessFindings(file: problem.location.file, design: nil, diagnostics: diagnostics, risk: nil)))
        }
        let linter = Linter(registry: BuiltinRules.registry)
        let knownRules = BuiltinRules.registry.ids.union(plan.customRules.map { $0.description.id })
        let builtinIDs = BuiltinRules.registry.descriptions.map { $0.id }
        let configurationOf = Dictionary(plan.files.map { ($0.path, $0.configuration) }, uniquingKeysWith: { first, _ in first })
        ProcessLoader(limits: limits).load(files: plan.files.map(\.path), then: { result in
            let configuration = configurationOf[result.file] ?? Configuration()
            var diagnostics = result.diagnostics.map(Diagnostic.init)
                + (result.design.map { linter.lint($0, configuration: configuration) } ?? [])
            if let text = result.text, result.design != nil {
                diagnostics = Suppressions.apply(to: diagnostics, text: text, file: result.file, knownRules: knownRules)
            }
            if let (baseline, reason) = baseline {
                diagnostics = baseline.apply(to: diagnostics, process: ProcessFindings.identity(of: result.file, design: result.design), reason: reason)
            }
            let findings = keeps == .report ? nil
                : ProcessFindings(file: result.file, design: result.design, diagnostics: diagnostics,
                                  risk: keeps == .findingsAndRisk ? result.design.flatMap(linter.estimator.risk(of:)) : nil)
            let ran = result.design == nil ? [] : (builtinIDs + configuration.customRules.map { $0.description.id })
                .filter { !configuration.disabled.contains($0) }
            let report = FileReport(file: result.file, diagnostics: diagnostics, text: result.text, rules: ran)
            return FileResult(report: report, findings: findings)
        }, body)
        return plan.files.count
    }
}
