import BuiltinRules
import Foundation
import LintKit
import ProcessLintCLI
import ProcessModel
import Synchronization
import TestSupport
import Testing

/// A site's own processlint passes its registry to the entry point; lint, rules and explain all use it.
@Suite struct RuleRegistryEntryTests {
    /// A site rule: no step may be called `temporary`.
    struct NoTemporaryStepRule: Rule {
        let description = RuleDescription(
            id: "site-no-temporary-step", title: "No temporary steps", defaultSeverity: .warning,
            rationale: "A step called temporary is a draft left in a process. Name the operation.",
            references: ["site SOP-1"],
            triggering: [
                RuleExample(
                    "processlint: 1\nname: x\nproduct: {car_target: CD19, vector: mrna}\nindication: B-ALL\nstarting_material: {kind: pbmc}\nsteps:\n  - {id: ↓temporary, operation: electroporation}\n"
                )
            ],
            nonTriggering: [
                RuleExample(
                    "processlint: 1\nname: x\nproduct: {car_target: CD19, vector: mrna}\nindication: B-ALL\nstarting_material: {kind: pbmc}\nsteps:\n  - {id: ep, operation: electroporation}\n"
                )
            ])

        func check(_ context: LintContext) -> [Finding] {
            context.design.steps.filter { $0.id.value == "temporary" }.map {
                Finding("step 'temporary' is a draft", at: $0.id.range)
            }
        }
    }

    static let registry: RuleRegistry = {
        var registry = BuiltinRules.registry
        registry.register([NoTemporaryStepRule()])
        return registry
    }()

    func run(_ arguments: String..., registry: RuleRegistry = Self.registry) -> (
        status: Int32, out: String, err: String
    ) {
        let out = Mutex("")
        let err = Mutex("")
        let status = ProcessLintCommand.run(
            arguments,
            console: Console(
                out: { text in out.withLock { $0 += text } },
                err: { text in err.withLock { $0 += text } }), registry: registry)
        return (status, out.withLock { $0 }, err.withLock { $0 })
    }

    @Test func rulesAndExplainKnowTheRegisteredRule() {
        #expect(
            run("rules").out.split(separator: "\n").contains {
                $0.hasPrefix("site-no-temporary-step ") && $0.hasSuffix("warning  No temporary steps")
            })
        #expect(run("explain", "site-no-temporary-step").out.contains("A step called temporary is a draft"))
        #expect(!run("rules", registry: BuiltinRules.registry).out.contains("site-no-temporary-step"))
        #expect(run("explain", "site-no-temporary-step", registry: BuiltinRules.registry).status == 2)
    }

    @Test func lintRunsItAndTheConfigurationMayNameIt() throws {
        let scratch = try ScratchFolder()
        let minimal = try String(contentsOfFile: Repository.path("Tests/Fixtures/ok/minimal.yaml"), encoding: .utf8)
        let file = try scratch.write("p.yaml", minimal.replacingOccurrences(of: "id: ep", with: "id: temporary"))
        let found = run("lint", "--fail-on", "never", file)
        #expect(found.out.contains(file + ":8:10: warning: step 'temporary' is a draft [site-no-temporary-step]"))
        #expect(found.out.contains("why: A step called temporary is a draft left in a process."))
        try scratch.write(".processlint.yml", "severity: {site-no-temporary-step: error}\n")
        #expect(run("lint", "--fail-on", "never", file).out.contains(": error: step 'temporary' is a draft"))
        #expect(
            run("lint", "--fail-on", "never", file, registry: BuiltinRules.registry).status == 2,
            "unknown to the built-in registry")
    }
}
