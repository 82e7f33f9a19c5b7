import BuiltinRules
import Foundation
import LintKit
import ProcessModel
import TestSupport
import Testing

/// Every rule's own examples, run in isolation and through the whole engine, with identical results.
@Suite struct RuleExampleTests {
    static let rules = BuiltinRules.all.map { RuleUnderTest($0) }

    struct RuleUnderTest: CustomTestStringConvertible, Sendable {
        let rule: any Rule
        init(_ rule: any Rule) { self.rule = rule }
        var testDescription: String { rule.description.id }
    }

    func load(_ example: RuleExample) -> (ProcessDesign, [SourcePosition])? {
        let (text, positions) = example.unmarked
        let result = ProcessLoader().load(bytes: Array(text.utf8), file: example.file)
        guard let design = result.design, !result.hasErrors else {
            Issue.record("example at \(example.file):\(example.line) does not load: \(result.diagnostics.map(\.description))")
            return nil
        }
        return (design, positions)
    }

    func positions(of rule: any Rule, in design: ProcessDesign) -> (alone: [SourcePosition], engine: [SourcePosition]) {
        let alone = rule.check(LintContext(design: design, estimator: Linter.defaultEstimator)).map(\.range.start).sorted()
        let engine = Linter(registry: BuiltinRules.registry).lint(design).filter { $0.ruleID == rule.description.id }
            .map(\.location.range.start).sorted()
        return (alone, engine)
    }

    @Test(arguments: rules)
    func triggeringExamplesReportExactlyAtTheirMarkers(_ subject: RuleUnderTest) {
        for example in subject.rule.description.triggering {
            guard let (design, expected) = load(example) else { continue }
            let found = positions(of: subject.rule, in: design)
            #expect(!expected.isEmpty, "example at \(example.file):\(example.line) has no ↓ marker")
            #expect(found.alone == expected.sorted(), "example at \(example.file):\(example.line)")
            #expect(found.engine == found.alone, "example at \(example.file):\(example.line): engine and isolation differ")
        }
    }

    @Test(arguments: rules)
    func nonTriggeringExamplesReportNothing(_ subject: RuleUnderTest) {
        for example in subject.rule.description.nonTriggering {
            guard let (design, _) = load(example) else { continue }
            let found = positions(of: subject.rule, in: design)
            #expect(found.alone.isEmpty, "example at \(example.file):\(example.line)")
            #expect(found.engine.isEmpty, "example at \(example.file):\(example.line)")
        }
    }
}

/// The pack's own guard: registered, described, exemplified.
@Suite struct RulePackTests {
    @Test func everyRuleFileIsRegistered() throws {
        let root = Repository.root.appendingPathComponent("Sources/BuiltinRules")
        let files = try #require(FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String])
        let ruleFiles = files.filter { $0.hasSuffix("Rule.swift") }.map { ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".swift", with: "") }
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
