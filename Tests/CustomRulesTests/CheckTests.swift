import CustomRules
import LintKit
import ProcessModel
import Testing

/// Each check kind, triggering and not, with findings located where the rule says.
@Suite struct CheckTests {
    func lines(_ rule: String, _ process: String) throws -> [String] {
        try RuleFiles.findings(rule, on: process).map {
            "\($0.location.range.start.line):\($0.location.range.start.column) \($0.message)"
        }
    }

    @Test func requireReportsAtTheStepsWhenNoStepMatches() throws {
        let rule = RuleFiles.rule("require: {operation: depletion, markers: [CD19]}")
        #expect(
            try lines(rule, process(steps: "- {id: wash, operation: wash}")) == [
                "7:5 found none in none, limit depletion on CD19"
            ])
        #expect(try lines(rule, process(steps: "- {id: d, operation: depletion, markers: [cd19+, CD22]}")) == [])
        #expect(
            try lines(rule, process(steps: "- {id: d, operation: depletion, markers: [CD22]}")).count == 1,
            "markers must match")
    }

    @Test func forbidReportsAtEachMatchingOperation() throws {
        let rule = RuleFiles.rule("forbid: {operation: hold, parameters: {hours: {min: 24}}}")
        let found = try lines(
            rule, process(steps: "- {id: short, operation: hold, hours: 2}\n- {id: long, operation: hold, hours: 48}"))
        #expect(found == ["8:27 found hold in 'long', limit hold"])
        #expect(try lines(rule, process(steps: "- {id: wash, operation: wash}")) == [])
    }

    @Test func orderBefore() throws {
        let rule = RuleFiles.rule(
            "order: {step: {operation: activation}, must_be: before, other: {operation: transduction}}")
        let activate = "{id: activate, operation: activation, reagent: anti-cd3-antibody}"
        let late = try RuleFiles.findings(
            rule, on: process(steps: "- {id: transduce, operation: transduction}\n- \(activate)"))
        #expect(late.map { "\($0.location.range.start.line):\($0.location.range.start.column)" } == ["7:32"])
        #expect(late.first?.related.map(\.range.start.line) == [8], "points at the matching step that comes too late")
        #expect(try lines(rule, process(steps: "- \(activate)\n- {id: transduce, operation: transduction}")) == [])
        #expect(try lines(rule, process(steps: "- \(activate)")) == [], "no other step: nothing to order")
    }

    @Test func orderNotAfter() throws {
        let rule = RuleFiles.rule(
            "order: {step: {operation: expansion}, must_be: not-after, other: {operation: cryopreservation}}")
        let found = try lines(
            rule,
            process(steps: "- {id: freeze, operation: cryopreservation}\n- {id: grow, operation: expansion, days: 3}"))
        #expect(found == ["8:27 found expansion in 'grow', limit none"])
        #expect(
            try lines(
                rule,
                process(
                    steps: "- {id: grow, operation: expansion, days: 3}\n- {id: freeze, operation: cryopreservation}"))
                == [])
    }

    @Test func orderWithin() throws {
        let rule = RuleFiles.rule(
            "order: {step: {operation: bead-removal}, must_be: within, steps: 1, other: {operation: expansion}}")
        let far =
            "- {id: grow, operation: expansion, days: 9}\n- {id: wash, operation: wash}\n- {id: debead, operation: bead-removal}"
        #expect(try lines(rule, process(steps: far)) == ["7:27 found 2 in 'grow', limit 1"])
        #expect(
            try lines(
                rule,
                process(steps: "- {id: grow, operation: expansion, days: 9}\n- {id: debead, operation: bead-removal}"))
                == [])
        #expect(
            try lines(rule, process(steps: "- {id: grow, operation: expansion, days: 9}")) == [
                "7:27 found none in 'grow', limit 1"
            ])
    }

    @Test func parameterBoundsAtTheValue() throws {
        let rule = RuleFiles.rule("parameter: {operation: cryopreservation, name: dmso_percent, max: 7.5}")
        #expect(
            try lines(rule, process(steps: "- {id: freeze, operation: cryopreservation, dmso_percent: 10}")) == [
                "7:61 found 10 in 'freeze', limit 7.5"
            ])
        #expect(try lines(rule, process(steps: "- {id: freeze, operation: cryopreservation, dmso_percent: 7.5}")) == [])
        #expect(try lines(rule, process(steps: "- {id: freeze, operation: cryopreservation}")) == [], "not required")
        let required = RuleFiles.rule(
            "parameter: {operation: cryopreservation, name: dmso_percent, max: 7.5, required: true}")
        #expect(
            try lines(required, process(steps: "- {id: freeze, operation: cryopreservation}")) == [
                "7:29 found none in 'freeze', limit at most 7.5"
            ])
    }

    @Test func parameterBoundsOnAStatedPerformanceFigure() throws {
        let rule = RuleFiles.rule("parameter: {operation: depletion, name: malignant_log_depletion, min: 3}")
        let step =
            "- {id: d, operation: depletion, markers: [CD19], performance: {malignant_log_depletion: 2, source: VR-1}}"
        #expect(try lines(rule, process(steps: step)) == ["7:91 found 2 in 'd', limit 3"])
    }

    @Test func releaseTestLimits() throws {
        let rule = RuleFiles.rule("release_test: {test: vcn, max: 3}")
        let steps = "- {id: t, operation: transduction}"
        #expect(
            try lines(rule, process(steps: steps, releaseTests: "[{test: vcn, max: 5}]")) == [
                "8:34 found 5 in none, limit 3"
            ])
        #expect(try lines(rule, process(steps: steps, releaseTests: "[vcn]")) == ["8:17 found none in none, limit 3"])
        #expect(
            try lines(rule, process(steps: steps, releaseTests: "[sterility]")) == [
                "8:16 found none in none, limit vcn"
            ])
        #expect(try lines(rule, process(steps: steps, releaseTests: "[{test: vcn, max: 2.5}]")) == [])
        let ifListed = RuleFiles.rule("release_test: {test: vcn, max: 3, required: false}")
        #expect(try lines(ifListed, process(steps: steps, releaseTests: "[sterility]")) == [])
        #expect(
            try lines(ifListed, process(steps: steps, releaseTests: "[{test: vcn, max: 5}]")) == [
                "8:34 found 5 in none, limit 3"
            ])
    }

    /// `required` is read by the scalar typing of process files: every spelling YAML 1.2 allows for a boolean means
    /// what it says (it was compared with the text "true" and "false", so `True` read as false and `False` as true).
    @Test(arguments: [
        ("true", true), ("True", true), ("TRUE", true), ("false", false), ("False", false), ("FALSE", false),
        ("!!bool true", true), ("!!bool False", false),
    ])
    func ruleFileBooleansInEverySpelling(written: String, value: Bool) throws {
        let steps = "- {id: t, operation: transduction}"
        let test = RuleFiles.rule("release_test: {test: vcn, max: 3, required: \(written)}")
        let unlisted = try lines(test, process(steps: steps, releaseTests: "[sterility]"))
        #expect(unlisted == (value ? ["8:16 found none in none, limit vcn"] : []), "release_test required: \(written)")
        let parameter = RuleFiles.rule(
            "parameter: {operation: cryopreservation, name: dmso_percent, max: 7.5, required: \(written)}")
        let unstated = try lines(parameter, process(steps: "- {id: freeze, operation: cryopreservation}"))
        #expect(
            unstated == (value ? ["7:29 found none in 'freeze', limit at most 7.5"] : []),
            "parameter required: \(written)")
    }

    /// What YAML 1.1 also took for booleans is not one in YAML 1.2, nor here: a located error, never a guess.
    @Test(arguments: ["yes", "no", "on", "off", "y", "1", "\"true\""])
    func otherSpellingsAreErrors(written: String) {
        let problems = RuleFiles.problems(RuleFiles.rule("release_test: {test: vcn, max: 3, required: \(written)}"))
        #expect(problems.count == 1 && problems[0].contains("'required' must be true or false"), "\(problems)")
    }

    /// A rule's release-test limit is in the test's own unit and range, as in process files (issue 13, item 14).
    @Test func releaseTestLimitsInARuleFileTakeTheTestsUnit() {
        #expect(
            RuleFiles.problems(RuleFiles.rule("release_test: {test: viability, min: 70}")) == [
                "rules.yaml:8:42: error: 'min' of 'viability' must be between 0 and 1 (fraction of cells, 0.7 for 70%), found 70; "
                    + "this looks like a percent: write 0.7"
            ])
        #expect(
            RuleFiles.problems(RuleFiles.rule("release_test: {test: sterility, max: 0}")) == [
                "rules.yaml:8:42: error: 'sterility' is a pass/fail test: it takes no numeric limit; remove 'max'"
            ])
        #expect(RuleFiles.problems(RuleFiles.rule("release_test: {test: viability, min: 0.7}")) == [])
    }

    @Test func estimateThreshold() throws {
        let steps =
            "- {id: activate, operation: activation, reagent: anti-cd3-antibody}\n- {id: t, operation: transduction}"
        let strict = RuleFiles.rule("estimate: {figure: lambda-median, max: 1.0e-12}")
        let found = try RuleFiles.findings(strict, on: process(steps: steps, extra: "dose: {car_t_cells: 1.0e8}"))
        #expect(found.map(\.location.range.start.line) == [10], "at the dose")
        #expect(found.first?.risk != nil)
        let lax = RuleFiles.rule("estimate: {figure: calibrated-probability, max: 1}")
        #expect(try lines(lax, process(steps: steps, extra: "dose: {car_t_cells: 1.0e8}")) == [])
    }
}

/// `when`: a rule applies only where all its conditions hold.
@Suite struct ConditionTests {
    let steps = "- {id: wash, operation: wash}"

    func applies(_ when: String, product: String = "{car_target: CD19, vector: lentiviral}") throws -> Bool {
        let rule = RuleFiles.rule("when: \(when)\nforbid: {operation: wash}")
        return try !RuleFiles.findings(rule, on: process(steps: steps, product: product)).isEmpty
    }

    @Test func eachConditionFiltersTheProcesses() throws {
        #expect(try applies("{car_target: [cd19]}"))
        #expect(try !applies("{car_target: [BCMA]}"))
        #expect(try applies("{vector: [lentiviral, transposon]}"))
        #expect(try !applies("{vector: [mrna]}"))
        #expect(try applies("{indication: [b-all]}"), "indications compare ignoring case")
        #expect(try !applies("{indication: [DLBCL]}"))
        #expect(try applies("{malignant_markers: [CD19]}"))
        #expect(try !applies("{malignant_markers: [CD19, CD22]}"), "every listed marker must be carried")
        #expect(try applies("{has_step: {operation: wash}}"))
        #expect(try !applies("{has_step: {operation: depletion}}"))
        #expect(try applies("{release_tests: [sterility]}"))
        #expect(try !applies("{release_tests: [sterility, vcn]}"), "every listed test must be in the process")
        #expect(try !applies("{car_target: [CD19], vector: [mrna]}"), "all conditions must hold")
    }
}
