import CustomRules
import Foundation
import LintKit
import ProcessModel
import Reporters
import ResidualModel

/// One pass of the linter over the paths a user names: discovery, each file's configuration, loading and rules
/// in parallel, external rule programs, suppressions and the baseline. Each file's result is handed over in file
/// order: as soon as it is ready; or, when a configuration names external rules, once every program has run
/// (once, over all the files it governs) and its findings are merged in. `lint` streams the results; `diff`
/// collects two runs and compares them.
struct LintRun {
    let paths: [String]
    let limits: LoadLimits
    /// The configuration named with `--config`; without it, the nearest `.processlint.yml` above each file.
    let configurationFile: String?
    /// Findings it covers are marked suppressed, with this reason.
    var baseline: (Baseline, reason: String)?
    /// What each result carries besides its report.
    var keeps = Keeps.report
    /// `--strict-suppressions`: a suppression without a reason is an error, whatever the configuration says.
    var strictSuppressions = false

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
        /// The baseline entries the file's findings used, when there is a baseline.
        var baselineUsage = Baseline.Usage()
    }

    /// The files to lint, each with its configuration, and the rules the configurations add.
    struct Plan {
        /// Paths that could not be walked, reported before any file.
        let problems: [LoadDiagnostic]
        let files: [(path: String, configuration: Configuration)]
        /// The custom rules of every configuration involved, each once.
        let customRules: [any CustomRule]
        /// What the configurations and their rule files hold that deserves a warning, each once.
        let warnings: [LoadDiagnostic]

        /// Every rule that may report: the registry's, the custom rules, then the external rules (each id once).
        var rules: [RuleDescription] {
            var seen = Set<String>()
            let external = files.flatMap(\.configuration.externalRules).filter { seen.insert($0.id).inserted }
            return RunRules.registry.descriptions + customRules.map { $0.description } + external.map(\.description)
        }
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
        let kept = resolved.filter { !$0.1.excludes($0.0) }
        if kept.isEmpty && !discovered.files.isEmpty && problems.isEmpty {
            // Emptiness is checked after filtering too: an include or exclude that leaves nothing is no pass.
            problems.append(LoadDiagnostic(
                .error, .unreadableFile,
                "nothing to check: the configuration's include, exclude and custom_rules leave out all "
                    + "\(discovered.files.count) YAML file\(discovered.files.count == 1 ? "" : "s") found",
                at: SourceLocation(file: paths.joined(separator: " "), range: SourceRange(at: .fileStart))))
        }
        return .success(Plan(problems: problems.sorted(), files: kept,
                             customRules: configurations.customRules, warnings: configurations.warnings))
    }

    /// What one file came to before suppressions: what is needed to finish its result.
    private struct LintedFile: Sendable {
        let result: LoadResult
        let diagnostics: [Diagnostic]
        /// The estimate the rules shared, reused by external rules and `diff` rather than computed again.
        let risk: Risk?
    }

    /// Calls `body` with each result, in file order, paths that could not be walked first; returns the number
    /// of files checked and the external rules that failed (which make the run's input unusable: exit 2).
    func run(_ plan: Plan, _ body: (FileResult) -> Void) -> (files: Int, failures: [ExternalRuleFailure]) {
        for problem in plan.problems {
            let diagnostics = [Diagnostic(problem)]
            body(FileResult(report: FileReport(file: problem.location.file, diagnostics: diagnostics, text: nil),
                            findings: keeps == .report ? nil : ProcessFindings(file: problem.location.file, design: nil, diagnostics: diagnostics, risk: nil)))
        }
        let linter = Linter(registry: RunRules.registry)
        let registryIDs = RegistryIDs(linter.registry)
        let configurationOf = Dictionary(plan.files.map { ($0.path, $0.configuration) }, uniquingKeysWith: { first, _ in first })
        let lint: @Sendable (LoadResult) -> LintedFile = { result in
            let checked = result.design.map { linter.check($0, configuration: configurationOf[result.file] ?? Configuration()) }
            return LintedFile(result: result, diagnostics: result.diagnostics.map(Diagnostic.init) + (checked?.diagnostics ?? []),
                              risk: checked?.risk)
        }
        let finish = { @Sendable (file: LintedFile, external: [Diagnostic], failed: [ExternalRuleFailure]) in
            self.finish(file, adding: external, failed: failed, configuration: configurationOf[file.result.file] ?? Configuration(),
                        registryIDs: registryIDs)
        }
        let loader = ProcessLoader(limits: limits)
        let paths = plan.files.map(\.path)
        let external = ExternalRuleSession(configurations: plan.files.map(\.configuration))
        guard !external.isEmpty else {
            loader.load(files: paths, then: { finish(lint($0), [], []) }, body)
            return (plan.files.count, [])
        }
        var linted: [LintedFile] = []
        loader.load(files: paths, then: lint) { linted.append($0) }
        let results = external.run(assessed: linted.compactMap { file in
            file.result.design.map { ($0, configurationOf[file.result.file] ?? Configuration(), file.risk) }
        })
        for file in linted {
            // A program that failed did not check the files it governs: each file's report says so.
            let governing = Set(configurationOf[file.result.file]?.externalRules ?? [])
            let failed = file.result.design == nil ? [] : results.failures.filter { governing.contains($0.rule) }
            body(finish(file, results.diagnostics[file.result.file] ?? [], failed))
        }
        return (plan.files.count, results.failures.sorted { ($0.rule.declaredAt, $0.rule.id) < ($1.rule.declaredAt, $1.rule.id) })
    }

    /// The registry's rule ids, listed and as a set, worked out once per run rather than for every file.
    private struct RegistryIDs: Sendable {
        let list: [String]
        let set: Set<String>

        init(_ registry: RuleRegistry) {
            list = registry.descriptions.map { $0.id }
            set = Set(list)
        }
    }

    /// Suppression comments, then the baseline, apply to every finding alike, external ones included.
    private func finish(_ file: LintedFile, adding external: [Diagnostic], failed: [ExternalRuleFailure], configuration: Configuration,
                        registryIDs: RegistryIDs) -> FileResult {
        let result = file.result
        var diagnostics = file.diagnostics + external
        let customIDs = configuration.customRules.map { $0.description.id } + configuration.externalRules.map(\.id)
        if result.design != nil {
            let known = customIDs.isEmpty ? registryIDs.set : registryIDs.set.union(customIDs)
            diagnostics = Suppressions.apply(to: diagnostics, comments: result.comments, file: result.file, knownRules: known,
                                             strict: strictSuppressions || configuration.strictSuppressions)
        }
        var usage = Baseline.Usage()
        if let (baseline, reason) = baseline {
            let applied = baseline.apply(to: diagnostics, process: ProcessFindings.identity(of: result.file, design: result.design), reason: reason)
            diagnostics = applied.diagnostics
            usage = applied.usage
        }
        let findings = keeps == .report ? nil
            : ProcessFindings(file: result.file, design: result.design, diagnostics: diagnostics,
                              risk: keeps == .findingsAndRisk ? file.risk : nil)
        let ran = result.design == nil ? [] : (registryIDs.list + customIDs).filter { !configuration.disabled.contains($0) }
        let report = FileReport(file: result.file, diagnostics: diagnostics, text: result.text, rules: ran,
                                failedRules: failed.map(RunFailure.init))
        return FileResult(report: report, findings: findings, baselineUsage: usage)
    }
}

extension RunFailure {
    /// A rule program that failed, at its declaration.
    init(_ failure: ExternalRuleFailure) {
        self.init(ruleID: failure.rule.id, message: failure.message, location: failure.rule.declaredAt)
    }
}
