import Foundation
import LintKit
import ProcessModel
import Testing

/// A rule that reports the first step, for observing what the pipeline does around rules.
private struct FirstStepRule: Rule {
    let description = RuleDescription(
        id: "first-step", title: "First step", defaultSeverity: .warning,
        rationale: "A rule that reports the first step, so the pipeline's handling of its finding can be observed.",
        references: ["none"], triggering: [], nonTriggering: [])

    func check(_ context: LintContext) -> [Finding] {
        context.design.steps.prefix(1).map { Finding("step \($0.id.value)", at: $0.operation.range) }
    }
}

/// The one per-file entry point every front end calls: load problems, rules, suppression comments, external
/// findings joining later, and the configuration of each file.
@Suite struct PipelineTests {
    static func loaded(_ text: String) -> LoadResult {
        ProcessLoader().load(bytes: Array(text.utf8), file: "p.yaml")
    }

    static let process = """
        processlint: 1
        name: pipeline
        product: {car_target: CD19, vector: lentiviral}
        indication: B-ALL
        starting_material: {kind: leukapheresis}
        steps:
          # processlint:disable-next-line first-step -- accepted in review 12
          - {id: wash, operation: wash}
          # processlint:disable-next-line site-external -- accepted in review 13
          - {id: harvest, operation: harvest}
        """

    let linter = Linter(registry: RuleRegistry([FirstStepRule()]))

    @Test func suppressionCommentsApplyToRuleFindings() {
        var configuration = Configuration()
        configuration.externalRules = [
            ExternalRuleDeclaration(
                id: "site-external", command: ["true"], folder: "/tmp",
                declaredAt: SourceLocation(file: "c", range: SourceRange(at: .fileStart)))
        ]
        let outcome = linter.lint(Self.loaded(Self.process), configuration: configuration)
        let finding = outcome.diagnostics.first { $0.ruleID == "first-step" }
        #expect(finding?.suppression == "accepted in review 12")
        #expect(finding?.stepID == "wash")
        #expect(outcome.rulesRun == ["first-step", "site-external"])
        // Until the external rule's findings join, its suppression silences nothing.
        #expect(
            outcome.diagnostics.contains { $0.ruleID == Suppressions.ruleID && $0.message.contains("silences nothing") }
        )
        let external = Diagnostic(
            Finding("harvest", at: SourceRange(at: SourcePosition(line: 10, column: 5))), ruleID: "site-external",
            defaultSeverity: .warning, configured: nil, in: outcome.design!)
        let joined = outcome.adding([external])
        #expect(joined.diagnostics.first { $0.ruleID == "site-external" }?.suppression == "accepted in review 13")
        #expect(!joined.diagnostics.contains { $0.ruleID == Suppressions.ruleID })
    }

    @Test func aFileThatDidNotLoadHasItsProblemsAndNoRules() {
        let outcome = linter.lint(Self.loaded("processlint: 1\nname: [\n"), configuration: Configuration())
        #expect(outcome.design == nil && outcome.rulesRun.isEmpty && outcome.risk == nil)
        #expect(outcome.diagnostics.allSatisfy { $0.isLoadError } && !outcome.diagnostics.isEmpty)
    }

    @Test func aDisabledRuleDoesNotRunAndIsNotListed() {
        var configuration = Configuration()
        configuration.disabled = ["first-step"]
        let outcome = linter.lint(Self.loaded(Self.process), configuration: configuration)
        #expect(outcome.rulesRun.isEmpty)
        #expect(!outcome.diagnostics.contains { $0.ruleID == "first-step" })
    }

    /// The resolver reads each configuration once, and reads it again after `forget`.
    @Test func theResolverForgetsAChangedConfiguration() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("resolver-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let configurationFile = folder + "/" + Configuration.fileName
        try "disable: [first-step]\n".write(toFile: configurationFile, atomically: true, encoding: .utf8)
        let resolver = ConfigurationResolver(loader: ConfigurationLoader(registry: RuleRegistry([FirstStepRule()])))
        #expect(resolver.configuration(for: folder + "/p.yaml").disabled == ["first-step"])
        try "severity: {first-step: error}\n".write(toFile: configurationFile, atomically: true, encoding: .utf8)
        #expect(
            resolver.configuration(for: folder + "/p.yaml").disabled == ["first-step"], "read once, until forgotten")
        resolver.forget(configurationFile)
        let reread = resolver.configuration(for: folder + "/p.yaml")
        #expect(reread.disabled.isEmpty && reread.severity["first-step"] == .error)
        #expect(resolver.problems.isEmpty)
    }
}
