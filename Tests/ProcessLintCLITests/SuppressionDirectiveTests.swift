import Foundation
import TestSupport
import Testing

/// Suppression comments cannot be forged from text, mistyped silently, or left without a reason where a site
/// forbids it: each case runs `lint` on a failing process, whose exit status must stay 1.
@Suite struct SuppressionDirectiveTests {
    /// Two errors, `no-tumour-depletion-before-transduction` and `residual-tumour-risk`: it exits 1.
    static let flawed = "processes/flawed/transduction-before-tumour-depletion.yaml"
    static let both = "residual-tumour-risk, no-tumour-depletion-before-transduction"

    static let name = #"name: "Flawed: transduction before tumour depletion (B-ALL, 40% blasts)""#

    /// The flawed process with `line` put before its `name:` line.
    func lint(before line: String) throws -> CommandRunner.Output {
        try lint(replacing: Self.name, with: line + "\n" + Self.name)
    }

    /// The flawed process with one edit.
    func lint(replacing old: String, with new: String) throws -> CommandRunner.Output {
        let scratch = try ScratchFolder()
        try scratch.copy(Self.flawed, to: "p.yaml")
        try scratch.replace(old, with: new, in: "p.yaml")
        return CommandRunner.run("lint", "--config", try configuration(in: scratch), scratch.path + "/p.yaml")
    }

    func configuration(in scratch: ScratchFolder, _ text: String = "disable: []\n") throws -> String {
        try scratch.write("site.processlint.yml", text)
    }

    @Test func aRealSuppressionCommentSilencesTheErrors() throws {
        // The control for the cases below: the same directive as a comment does pass.
        let output = try lint(before: "# processlint:disable-file \(Self.both) -- accepted by QA in DV-9")
        #expect(output.status == 0, "\(output.out)")
    }

    @Test func aDirectiveInsideAQuotedStringSilencesNothing() throws {
        let output = try lint(
            replacing: Self.name, with: "name: \"note #processlint:disable-file \(Self.both) -- looks like a comment\"")
        #expect(output.status == 1)
        #expect(output.out.contains("[residual-tumour-risk]"))
    }

    @Test func aDirectiveInsideABlockScalarSilencesNothing() throws {
        let output = try lint(
            replacing: "description: >\n",
            with: "description: >\n  # processlint:disable-file \(Self.both) -- a line of the text\n")
        #expect(output.status == 1)
        #expect(output.out.contains("[residual-tumour-risk]"))
    }

    @Test func aMalformedDirectiveIsAFindingThatSaysWhatWasMeant() throws {
        let output = try lint(before: "# processlint: disable-file \(Self.both) -- accepted by QA in DV-9")
        #expect(output.status == 1)
        #expect(
            output.out.contains(
                "p.yaml:22:1: warning: 'processlint: disable-file' is not a suppression directive, so it silences nothing; "
                    + "did you mean 'processlint:disable-file'? [suppression]"))
    }

    @Test func strictSuppressionsMakeASuppressionWithoutAReasonAnError() throws {
        // A warning-only file, so that the suppression finding alone decides the exit status.
        let scratch = try ScratchFolder()
        try scratch.copy("Tests/Fixtures/lint/warning-only.yaml", to: "p.yaml")
        let file = scratch.path + "/p.yaml"
        let warned = CommandRunner.run("lint", "--config", try configuration(in: scratch), file)
        #expect(warned.status == 0, "the fixture must have warnings only: \(warned.out)")
        let rule = try #require(warned.diagnosticLines.first?.split(separator: "[").last?.dropLast()).description
        try scratch.replace("\nname:", with: "\n# processlint:disable-file \(rule)\nname:", in: "p.yaml")

        let lenient = CommandRunner.run("lint", "--config", try configuration(in: scratch), file)
        #expect(lenient.status == 0)
        #expect(lenient.out.contains("warning: a suppression needs a reason"))

        let flagged = CommandRunner.run(
            "lint", "--strict-suppressions", "--config", try configuration(in: scratch), file)
        #expect(flagged.status == 1)
        #expect(
            flagged.out.contains(
                "error: a suppression needs a reason, and this site requires one (strict suppressions)"))

        // Every spelling of true that YAML's core schema allows, read by the format's one scalar typing.
        for spelling in ["true", "True", "TRUE", "!!bool true"] {
            let configured = CommandRunner.run(
                "lint", "--config", try configuration(in: scratch, "strict_suppressions: \(spelling)\n"), file)
            #expect(configured.status == 1, "\(spelling)")
            #expect(configured.out.contains("error: a suppression needs a reason"), "\(spelling)")
        }

        let off = CommandRunner.run(
            "lint", "--config", try configuration(in: scratch, "strict_suppressions: false\n"), file)
        #expect(off.status == 0)
    }

    @Test func aCommentAboveTheStepsIdLineSilencesTheFindingOnItsOperationLine() throws {
        // The error lands on `operation: transduction` (line 51), one line below the `- id:` users write the comment over.
        let output = try lint(
            replacing: "  - id: lv-transduction\n",
            with: "  # processlint:disable-next-line "
                + "no-tumour-depletion-before-transduction -- MRD-negative remission (protocol 4.2)\n  - id: lv-transduction\n"
        )
        #expect(!output.out.contains("[no-tumour-depletion-before-transduction]"), "\(output.out)")
        #expect(!output.out.contains("[suppression]"), "\(output.out)")
    }

    @Test func aSuppressionOffTargetSaysWhereTheRulesFindingIs() throws {
        let output = try lint(
            replacing: "  - id: expansion\n",
            with: "  # processlint:disable-next-line "
                + "no-tumour-depletion-before-transduction -- MRD-negative remission (protocol 4.2)\n  - id: expansion\n"
        )
        #expect(
            output.out.contains(
                "p.yaml:54:3: warning: the suppression of no-tumour-depletion-before-transduction silences nothing: "
                    + "this rule's finding is at line 51 (step 'lv-transduction'); put the comment on the line above a finding, "
                    + "or above the '- id:' line of its step [suppression]"), "\(output.out)")
        #expect(output.out.contains("p.yaml:51:16: error: step 'lv-transduction' puts the CAR gene into cells"))
    }

    @Test func theStrictnessKeyTakesABoolean() throws {
        let scratch = try ScratchFolder()
        let output = CommandRunner.run(
            "lint", "--config", try configuration(in: scratch, "strict_suppressions: \"yes\"\n"),
            Repository.path("Tests/Fixtures/ok/minimal.yaml"))
        #expect(output.status == 2)
        #expect(output.err.contains("strict_suppressions"))
    }
}
