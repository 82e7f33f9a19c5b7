import BuiltinRules
import Foundation
import LintKit
import ProcessModel
import TestSupport
import Testing

/// Every rule's own examples: through the whole pipeline with the generic check every rule gets (markers,
/// pinned words, a `disable-file` comment silencing them), and in isolation with the same findings.
@Suite struct RuleExampleTests {
    static let rules = BuiltinRules.all.map { RuleUnderTest($0) }
    static let check = RuleExampleCheck(linter: Linter(registry: BuiltinRules.registry))

    struct RuleUnderTest: CustomTestStringConvertible, Sendable {
        let rule: any Rule
        init(_ rule: any Rule) { self.rule = rule }
        var testDescription: String { rule.description.id }
    }

    @Test(arguments: rules)
    func examplesPassTheGenericCheck(_ subject: RuleUnderTest) {
        let results = Self.check.check(subject.rule)
        #expect(
            results.count == subject.rule.description.triggering.count + subject.rule.description.nonTriggering.count)
        for result in results {
            if let failure = result.failure {
                Issue.record(
                    "example at \(result.example.file):\(result.example.line): expected \(failure.expected), found \(failure.found)"
                )
            }
        }
    }

    /// A rule run alone on an example's design (under the example's options) finds what the pipeline finds.
    @Test(arguments: rules)
    func isolationAndPipelineAgree(_ subject: RuleUnderTest) throws {
        let id = subject.rule.description.id
        for example in subject.rule.description.triggering + subject.rule.description.nonTriggering {
            let design = try #require(
                ProcessLoader().load(bytes: Array(example.unmarked.text.utf8), file: example.file).design)
            var configuration = Configuration()
            configuration.options[id] = example.options
            let alone = subject.rule.check(
                LintContext(design: design, estimator: Linter.defaultEstimator, options: example.options)
            )
            .map(\.range.start).sorted()
            let engine = Self.check.linter.lint(design, configuration: configuration).filter { $0.ruleID == id }.map(
                \.location.range.start)
            #expect(alone == engine, "example at \(example.file):\(example.line)")
        }
    }

    /// The generic check catches what it claims to: a wrong pinned message, a marker in the wrong place, and
    /// a non-triggering example that triggers all fail.
    @Test func theCheckFailsAWrongExample() throws {
        let rule = try #require(BuiltinRules.all.first { $0.description.id == "vcn-limit" })
        let text = try #require(rule.description.triggering.first?.text)
        let wrongMessage = RuleExample(text, message: "some other words")
        let movedMarker = RuleExample(text.replacingOccurrences(of: "↓", with: "") + "\n↓")
        let nonTriggering = RuleExample(text.replacingOccurrences(of: "↓", with: ""))
        #expect(!Self.check.check(wrongMessage, of: "vcn-limit", triggers: true).passed)
        #expect(!Self.check.check(movedMarker, of: "vcn-limit", triggers: true).passed)
        #expect(!Self.check.check(nonTriggering, of: "vcn-limit", triggers: false).passed)
        #expect(Self.check.check(RuleExample(text), of: "vcn-limit", triggers: true).passed)
    }
}

/// The pack's own guard: registered, described, exemplified.
@Suite struct RulePackTests {
    @Test func everyRuleFileIsRegistered() throws {
        let root = Repository.root.appendingPathComponent("Sources/BuiltinRules")
        let files = try #require(FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String])
        let ruleFiles = files.filter { $0.hasSuffix("Rule.swift") }.map {
            ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".swift", with: "")
        }
        let registered = BuiltinRules.all.map { String(describing: type(of: $0)) }
        #expect(ruleFiles.sorted() == registered.sorted())
    }

    @Test func idsAreUniqueKebabCase() {
        let ids = BuiltinRules.all.map { $0.description.id }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil, "\(id)")
        }
    }

    @Test func everyRuleExplainsItselfAndHasExamplesBothWays() {
        for rule in BuiltinRules.all {
            let description = rule.description
            #expect(description.rationale.count > 80, "\(description.id)")
            #expect(!description.references.isEmpty, "\(description.id)")
            #expect(!description.triggering.isEmpty && !description.nonTriggering.isEmpty, "\(description.id)")
            #expect(!description.title.isEmpty, "\(description.id)")
            #expect(
                description.triggering.contains { $0.message != nil },
                "\(description.id) pins no triggering example's message")
        }
    }
}

/// Whole designs that must lint clean through the engine: no warning, no error (Tests/Fixtures/lint/clean).
@Suite struct CleanFixtureTests {
    @Test func cleanDesignsRaiseNothingAboveANote() throws {
        let folder = Repository.path("Tests/Fixtures/lint/clean")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }
        #expect(!files.isEmpty)
        for file in files {
            let design = try #require(ProcessLoader().load(file: folder + "/" + file).design)
            let findings = Linter(registry: BuiltinRules.registry).lint(design).filter { $0.severity > .note }
            #expect(findings.map(\.description) == [], "\(file)")
        }
    }
}
