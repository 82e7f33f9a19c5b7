import ArgumentParser
import Foundation
import LintKit
import ProcessModel
import Reporters

/// `processlint diff`: what a change did to the findings and the risk of each process, as a gate for CI.
struct DiffCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare the findings and the residual-cell risk of two versions of the processes.",
        discussion: """
            Either two paths (BASE HEAD), or --base REV and the paths as they are now (default: .), read from \
            the current git repository at REV. Processes are matched by name, or when the name changed by their file's \
            path or a rename git reports; findings by rule, step id and message (numbers aside), so moved steps, \
            edits elsewhere and renamed files are not new. Exit status: 1 when a requested gate fails \
            (--fail-on-new, --fail-on-risk-increase), and the output says which and by how much; 2 when the \
            current version cannot be read; else 0.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, html
    }

    @Argument(help: "BASE HEAD: two files or folders; with --base, the paths to compare (default: .).")
    var paths: [String] = []

    @Option(help: "A git revision of the current repository to compare the paths with (origin/main, HEAD~1, a tag).")
    var base: String?

    @OptionGroup var load: LoadOptions

    @Option(
        help:
            "Configuration file for both versions; without it, each file's nearest .processlint.yml in its own version."
    )
    var config: String?

    @Option(
        help:
            "text: for people; json: for tools (docs/diff-json.md); html: both versions' plots overlaid (docs/report.md)."
    )
    var format: Format = .text

    @Flag(help: "Fail (exit 1) when the change introduces a finding at or above --fail-on.")
    var failOnNew = false

    @Option(help: "The lowest severity of new finding that fails --fail-on-new.")
    var failOn: Severity = .error

    @Option(
        help: """
            Fail (exit 1) when λ of any process rose by more than this factor (from zero counts as infinite), or can no \
            longer be estimated.
            """)
    var failOnRiskIncrease: Double?

    @Option(
        parsing: .unconditional,
        help: """
            With --fail-on-risk-increase: the quantile of the ratio λ now ÷ λ before (drawn from the same draws of both \
            versions) held to the factor; 0.5, the median, by default; 0.95 for a cautious site.
            """)
    var riskQuantile: String?

    @Option(
        help: """
            With --fail-on-risk-increase: the λ a process with nothing to compare with (new, or no estimate before) may have.
            """)
    var newProcessLambdaLimit: Double = DiffGate.defaultNewProcessLambdaLimit

    func validate() throws {
        if base == nil && paths.count != 2 {
            throw ValidationError("give two paths (BASE HEAD), or --base REV with the paths to compare")
        }
        if let factor = failOnRiskIncrease, !(factor >= 1) || !factor.isFinite {
            throw ValidationError("--fail-on-risk-increase must be a factor of at least 1, such as 10")
        }
        if !(newProcessLambdaLimit >= 0) || !newProcessLambdaLimit.isFinite {
            throw ValidationError("--new-process-lambda-limit must be a λ of at least 0, such as 1")
        }
    }

    func run(console: Console, registry: RuleRegistry) -> ExitStatus {
        var quantile = 0.5
        if let riskQuantile {
            switch ProbabilityArgument.parse(riskQuantile, option: "--risk-quantile", example: "0.95") {
            case .success(let value): quantile = value
            case .failure(let error):
                console.err(error.message + "\n")
                return .invalidInput
            }
        }
        let headPaths: [String]
        let basePaths: [String]
        let baseName: String
        var displayed: @Sendable (String) -> String = { $0 }
        let pairing: ProcessPairing
        var checkout: GitRevision.Checkout?
        if let base {
            headPaths = paths.isEmpty ? ["."] : paths
            switch GitRevision(revision: base).checkout(headPaths) {
            case .success(let extracted):
                checkout = extracted
                basePaths = extracted.paths
                displayed = extracted.displayed
                pairing = ProcessPairing(
                    basePlace: extracted.displayed, headPlace: extracted.inRepository, renames: extracted.renames)
            case .failure(let error):
                console.err("error: cannot read revision '\(base)': \(error.message)\n")
                return .invalidInput
            }
            baseName = base
        } else {
            (basePaths, headPaths, baseName) = ([paths[0]], [paths[1]], paths[0])
            let (baseRoot, headRoot) = (paths[0], paths[1])
            pairing = ProcessPairing(
                basePlace: { Self.place($0, under: baseRoot) }, headPlace: { Self.place($0, under: headRoot) })
        }
        defer { checkout?.remove() }

        // What does not exist at the base (a new folder, a new file) has nothing to compare: all of it is new.
        let existingBase = basePaths.filter { FileManager.default.fileExists(atPath: $0) }
        let before: [ProcessFindings]
        let after: [ProcessFindings]
        var details: [String: ProcessDetail] = [:]
        switch collect(existingBase, registry: registry) {
        case .success(let found): (before, details) = (found.findings, found.details)
        case .failure(let error): return report(error, console)
        }
        switch collect(headPaths, registry: registry) {
        case .success(let found):
            after = found.findings
            details.merge(found.details) { _, head in head }
        case .failure(let error): return report(error, console)
        }

        // The ratio is drawn with the estimator lint's risk figures come from, so the two agree.
        let comparison = FindingComparison(
            base: before, head: after, pairing: pairing, estimator: Linter.defaultEstimator)
        let gate = DiffGate(
            newFindingsAtOrAbove: failOnNew ? failOn : nil, riskIncreaseLimit: failOnRiskIncrease,
            newProcessLambdaLimit: newProcessLambdaLimit, riskQuantile: quantile)
        let failures = gate.failures(of: comparison)
        switch format {
        case .json:
            console.out(DiffJSON.render(comparison, base: baseName, gateFailures: failures, displayed: displayed))
        case .text: console.out(DiffText.render(comparison, gateFailures: failures, displayed: displayed))
        case .html:
            console.out(
                DiffHTML.render(
                    comparison, base: baseName, details: details, gateFailures: failures, displayed: displayed,
                    version: ProcessLintCommand.configuration.version,
                    generated: LintCommand.Format.generationTime(environment: console.environment)))
        }

        if failures.contains(where: { $0.gate == .input }) { return .invalidInput }
        return failures.isEmpty ? .success : .findings
    }

    /// A file's path below the folder (or the file) named on the command line: two files named alone are one
    /// place, so `diff old.yaml new.yaml` compares them whatever their names.
    static func place(_ file: String, under root: String) -> String {
        let (file, root) = (
            URL(fileURLWithPath: file).standardizedFileURL.path, URL(fileURLWithPath: root).standardizedFileURL.path
        )
        return file == root ? "" : file.hasPrefix(root + "/") ? String(file.dropFirst(root.count + 1)) : file
    }

    /// Why a version could not be compared: its configuration, or an external rule program, failed.
    private struct Unusable: Error {
        let messages: [String]
    }

    /// Every process under the paths with its findings and estimate, and for html each design with its full
    /// estimate by file; nothing for no paths.
    private func collect(_ paths: [String], registry: RuleRegistry)
        -> Result<(findings: [ProcessFindings], details: [String: ProcessDetail]), Unusable>
    {
        guard !paths.isEmpty else { return .success(([], [:])) }
        var run = LintRun(registry: registry, paths: paths, limits: load.limits, configurationFile: config)
        run.keeps = format == .html ? .everything : .findingsAndRisk
        switch run.plan() {
        case .failure(let error): return .failure(Unusable(messages: error.diagnostics.map(\.description)))
        case .success(let plan):
            var found: [ProcessFindings] = []
            var details: [String: ProcessDetail] = [:]
            let (_, failures) = run.run(plan) { result in
                result.findings.map { found.append($0) }
                if let detail = result.report.process { details[result.report.file] = detail }
            }
            return failures.isEmpty
                ? .success((found, details)) : .failure(Unusable(messages: failures.map(\.description)))
        }
    }

    private func report(_ error: Unusable, _ console: Console) -> ExitStatus {
        for message in error.messages { console.err(message + "\n") }
        return .invalidInput
    }
}

extension Severity: ExpressibleByArgument {}
