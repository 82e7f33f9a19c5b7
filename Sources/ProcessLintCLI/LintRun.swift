import CustomRules
import LintKit
import ProcessModel
import Reporters

/// Lints files with the run's rules, each under its configuration, and hands over each file's report in
/// file order: as soon as it is ready; or, when a configuration names external rules, once every program
/// has run (once, over all the files it governs) and its findings are merged in. Suppression comments
/// apply last, to every finding alike.
struct LintRun: Sendable {
    let registry: RuleRegistry
    let files: [(path: String, configuration: Configuration)]
    let limits: LoadLimits
    private let configurationOf: [String: Configuration]
    /// The registry's rule ids, which suppression comments may name, computed once for every file.
    private let registeredIDs: Set<String>

    init(registry: RuleRegistry, files: [(path: String, configuration: Configuration)], limits: LoadLimits) {
        self.registry = registry
        self.files = files
        self.limits = limits
        configurationOf = Dictionary(files.map { ($0.path, $0.configuration) }, uniquingKeysWith: { first, _ in first })
        registeredIDs = registry.ids
    }

    /// A file's diagnostics before suppressions, with what is needed to finish its report.
    struct LintedFile: Sendable {
        let result: LoadResult
        let diagnostics: [Diagnostic]
    }

    /// Emits every file's report in order; returns the external rules that failed.
    func report(_ emit: (FileReport) -> Void) -> [ExternalRuleFailure] {
        let linter = Linter(registry: registry)
        let configurationOf = configurationOf
        let lint: @Sendable (LoadResult) -> LintedFile = { result in
            LintedFile(result: result, diagnostics: result.diagnostics.map(Diagnostic.init)
                + (result.design.map { linter.lint($0, configuration: configurationOf[result.file] ?? Configuration()) } ?? []))
        }
        let loader = ProcessLoader(limits: limits)
        let external = ExternalRuleSession(configurations: files.map(\.configuration))
        guard !external.isEmpty else {
            loader.load(files: files.map(\.path), then: { finish(lint($0)) }, emit)
            return []
        }
        var linted: [LintedFile] = []
        loader.load(files: files.map(\.path), then: lint) { linted.append($0) }
        let results = external.run(linted.compactMap { file in
            file.result.design.map { ($0, configurationOf[file.result.file] ?? Configuration()) }
        })
        for file in linted { emit(finish(file, adding: results.diagnostics[file.result.file] ?? [])) }
        return results.failures.sorted { ($0.rule.declaredAt, $0.rule.id) < ($1.rule.declaredAt, $1.rule.id) }
    }

    private func finish(_ file: LintedFile, adding external: [Diagnostic] = []) -> FileReport {
        let result = file.result
        var diagnostics = file.diagnostics + external
        if let text = result.text, result.design != nil {
            let declared = configurationOf[result.file]?.externalRules ?? []
            let known = declared.isEmpty ? registeredIDs : registeredIDs.union(declared.map(\.id))
            diagnostics = Suppressions.apply(to: diagnostics, text: text, file: result.file, knownRules: known)
        }
        return FileReport(file: result.file, diagnostics: diagnostics, text: result.text)
    }
}
