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
    let registry: RuleRegistry
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
    /// Which findings' fixes the output shows: only those are worked out (the risk rule's costs three more mass
    /// balances), each in parallel before the reporter runs.
    var shownFixes = ShownFixes.all
    /// Whether the output quotes source lines (text without `--quiet`, HTML): only then is each file's text indexed
    /// by line for its report.
    var quotesLines = true

    enum ShownFixes {
        case all
        /// Text output: a suppressed finding is not printed.
        case unsuppressed
        /// `--quiet` text output: no fix is printed.
        case none
    }

    enum Keeps {
        case report
        /// The process's findings, for a baseline.
        case findings
        /// Its findings and estimate, for comparing versions (the estimate costs time).
        case findingsAndRisk
        /// Its findings and risk, and in the report its design with the full estimate (step table, sensitivities,
        /// remedies with their risk) and its gate: for the HTML report, which costs the most.
        case everything
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
        let registry: RuleRegistry

        /// Every rule that may report: the registry's, the custom rules, then the external rules (each id once).
        var rules: [RuleDescription] {
            var seen = Set<String>()
            let external = files.flatMap(\.configuration.externalRules).filter { seen.insert($0.id).inserted }
            return registry.descriptions + customRules.map { $0.description } + external.map(\.description)
        }
    }

    /// Discovers the files and reads each one's configuration; or every problem of the configuration, which
    /// stops the run before any file is read.
    func plan() -> Result<Plan, ConfigurationError> {
        let discovered = ProcessFileDiscovery().files(under: paths)
        var problems = discovered.problems
        if discovered.files.isEmpty && problems.isEmpty {
            // A gate that checked nothing must not pass silently.
            problems.append(
                LoadDiagnostic(
                    .error, .unreadableFile, "no process files (*.yaml, *.yml) found here",
                    at: SourceLocation(file: paths.joined(separator: " "), range: SourceRange(at: .fileStart))))
        }
        // One configuration per folder (the nearest file above it), read once; a broken one stops the run.
        let configurations = ConfigurationResolver(loader: .standard(registry: registry), explicit: configurationFile)
        let resolved = discovered.files.map { ($0, configurations.configuration(for: $0)) }
        guard configurations.problems.isEmpty else { return .failure(ConfigurationError(configurations.problems)) }
        let kept = resolved.filter { !$0.1.excludes($0.0) }
        if kept.isEmpty && !discovered.files.isEmpty && problems.isEmpty {
            // Emptiness is checked after filtering too: an include or exclude that leaves nothing is no pass.
            problems.append(
                LoadDiagnostic(
                    .error, .unreadableFile,
                    "nothing to check: the configuration's include, exclude and custom_rules leave out all "
                        + "\(discovered.files.count) YAML file\(discovered.files.count == 1 ? "" : "s") found",
                    at: SourceLocation(file: paths.joined(separator: " "), range: SourceRange(at: .fileStart))))
        }
        return .success(
            Plan(
                problems: problems.sorted(), files: kept,
                customRules: configurations.customRules, warnings: configurations.warnings, registry: registry))
    }

    /// Calls `body` with each result, in file order, paths that could not be walked first; returns the number
    /// of files checked and the external rules that failed (which make the run's input unusable: exit 2).
    func run(_ plan: Plan, _ body: (FileResult) -> Void) -> (files: Int, failures: [ExternalRuleFailure]) {
        for problem in plan.problems {
            let diagnostics = [Diagnostic(problem)]
            body(
                FileResult(
                    report: FileReport(file: problem.location.file, diagnostics: diagnostics, text: nil),
                    findings: keeps == .report
                        ? nil
                        : ProcessFindings(file: problem.location.file, design: nil, diagnostics: diagnostics, risk: nil)
                ))
        }
        let linter = Linter(registry: registry, strictSuppressions: strictSuppressions)
        let configurationOf = Dictionary(
            plan.files.map { ($0.path, $0.configuration) }, uniquingKeysWith: { first, _ in first })
        let configuration = { @Sendable (file: String) in configurationOf[file] ?? Configuration() }
        let lint = { @Sendable (loaded: LoadResult) in linter.lint(loaded, configuration: configuration(loaded.file)) }
        let loader = ProcessLoader(limits: limits)
        let paths = plan.files.map(\.path)
        let external = ExternalRuleSession(configurations: plan.files.map(\.configuration))
        guard !external.isEmpty else {
            loader.load(
                files: paths,
                then: { finish(lint($0), failed: [], linter: linter, configuration: configuration($0.file)) }, body)
            return (plan.files.count, [])
        }
        var outcomes: [FileOutcome] = []
        loader.load(files: paths, then: lint) { outcomes.append($0) }
        let results = external.run(
            assessed: outcomes.compactMap { outcome in
                outcome.design.map { ($0, configuration(outcome.file), outcome.risk) }
            })
        for outcome in outcomes {
            // A program that failed did not check the files it governs: each file's report says so.
            let governing = Set(configurationOf[outcome.file]?.externalRules ?? [])
            let failed = outcome.design == nil ? [] : results.failures.filter { governing.contains($0.rule) }
            body(
                finish(
                    outcome.adding(results.diagnostics[outcome.file] ?? []), failed: failed, linter: linter,
                    configuration: configuration(outcome.file)))
        }
        return (
            plan.files.count,
            results.failures.sorted { ($0.rule.declaredAt, $0.rule.id) < ($1.rule.declaredAt, $1.rule.id) }
        )
    }

    /// The baseline applies to every finding alike, external ones included, after suppression comments.
    private func finish(
        _ outcome: FileOutcome, failed: [ExternalRuleFailure], linter: Linter, configuration: Configuration
    ) -> FileResult {
        var diagnostics = outcome.diagnostics
        var usage = Baseline.Usage()
        if let (baseline, reason) = baseline {
            let applied = baseline.apply(
                to: diagnostics, process: ProcessFindings.identity(of: outcome.file, design: outcome.design),
                reason: reason)
            diagnostics = applied.diagnostics
            usage = applied.usage
        }
        diagnostics = diagnostics.map { diagnostic in
            diagnostic.resolvingFix(
                shown: shownFixes == .all || (shownFixes == .unsuppressed && diagnostic.suppression == nil))
        }
        let findings =
            keeps == .report
            ? nil
            : ProcessFindings(
                file: outcome.file, design: outcome.design, diagnostics: diagnostics,
                risk: keeps == .report || keeps == .findings ? nil : outcome.risk)
        // The report's estimate comes from the linter's own estimator, so its figures are the ones its findings quote.
        let detail =
            keeps != .everything
            ? nil
            : outcome.design.map { design in
                ProcessDetail(
                    design: design, estimate: linter.estimator.estimate(design),
                    gateThreshold: Self.gateThreshold(configuration, registry))
            }
        let report = FileReport(
            file: outcome.file, diagnostics: diagnostics, text: quotesLines ? outcome.text : nil,
            rules: outcome.rulesRun,
            failedRules: failed.map(RunFailure.init), process: detail)
        return FileResult(report: report, findings: findings, baselineUsage: usage)
    }
}

extension LintRun {
    /// The rule whose threshold is the gate figure's: the chance of a relapse from a CAR-carrying malignant cell.
    static let gateRuleID = "residual-tumour-risk"

    /// The gate's threshold under a configuration: its `threshold` option, else the rule's default; `nil` when
    /// the rule is disabled or not registered.
    static func gateThreshold(_ configuration: Configuration, _ registry: RuleRegistry) -> Double? {
        guard !configuration.disabled.contains(gateRuleID),
            let option = registry.descriptions.first(where: { $0.id == gateRuleID })?.options.first(where: {
                $0.name == "threshold"
            })
        else { return nil }
        return configuration.options[gateRuleID]?["threshold"] ?? option.defaultValue
    }
}

extension RunFailure {
    /// A rule program that failed, at its declaration.
    init(_ failure: ExternalRuleFailure) {
        self.init(ruleID: failure.rule.id, message: failure.message, location: failure.rule.declaredAt)
    }
}
