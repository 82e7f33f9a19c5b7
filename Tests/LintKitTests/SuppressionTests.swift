import LintKit
import ProcessModel
import Testing

/// Suppression comments read from the comments the loader found: real comments only, malformed directives
/// reported with the directive meant, and reasons required as an error where a site asks for it.
@Suite struct SuppressionCommentTests {
    /// A finding of rule `r` at line 5, the line after the comment slot of `file(_:)`.
    let finding = Diagnostic(
        ruleID: "r", severity: .error,
        finding: Finding("found", at: SourceRange(at: SourcePosition(line: 5, column: 5))),
        file: "s.yaml")

    /// A small valid process whose line 4 is `line4`, loaded, with `finding` suppressed by what its comments say.
    func apply(_ line4: String, strict: Bool = false) -> [Diagnostic] {
        let text = """
            processlint: 1
            name: suppressions
            product: {car_target: CD19, vector: lentiviral}
            \(line4)
            indication: B-ALL
            starting_material: {kind: leukapheresis}
            steps:
              - {id: a, operation: harvest}
            """
        let loaded = ProcessLoader().load(bytes: Array(text.utf8), file: "s.yaml")
        #expect(loaded.design != nil, "the test's file must load")
        return Suppressions.apply(
            to: [finding], comments: loaded.comments, file: "s.yaml", knownRules: ["r", "q"], strict: strict)
    }

    func problems(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { $0.ruleID == Suppressions.ruleID }.map { "\($0.severity.rawValue): \($0.message)" }
    }

    @Test func aRealCommentSuppressesWithItsReason() {
        let result = apply("# processlint:disable-next-line r -- accepted in DV-1")
        #expect(result.map(\.suppression) == ["accepted in DV-1"])
    }

    @Test func aDirectiveInsideAQuotedStringOrABlockScalarSilencesNothing() {
        for line4 in [
            "description: \"note #processlint:disable-file r -- looks like a comment\"",
            "description: 'note # processlint:disable-next-line r -- looks like a comment'",
            "description: |\n  # processlint:disable-file r -- text of a literal block",
            "description: >\n  x # processlint:disable-file r -- text of a folded block",
        ] {
            let result = apply(line4)
            #expect(result.count == 1 && result[0].suppression == nil, "\(line4)")
        }
    }

    @Test func aCommentStartingWithProcesslintThatIsNoDirectiveIsAFindingWithTheDirectiveMeant() {
        let cases = [
            (
                "# processlint: disable-next-line r -- why", "processlint: disable-next-line",
                "processlint:disable-next-line"
            ),
            (
                "# processlint:disable-nextline r -- why", "processlint:disable-nextline",
                "processlint:disable-next-line"
            ),
            ("# processlint:disable-line r -- why", "processlint:disable-line", "processlint:disable-next-line"),
            ("#processlint disable-file r -- why", "processlint disable-file", "processlint:disable-file"),
            (
                "# ProcessLint:disable-next-line r -- why", "ProcessLint:disable-next-line",
                "processlint:disable-next-line"
            ),
            ("# processlint:disable_file r -- why", "processlint:disable_file", "processlint:disable-file"),
            (
                "# processlint:disable-next-lines r -- why", "processlint:disable-next-lines",
                "processlint:disable-next-line"
            ),
            ("# processlint", "processlint", "processlint:disable-next-line"),
        ]
        for (comment, written, meant) in cases {
            let result = apply(comment)
            #expect(result.first { $0.ruleID == "r" }?.suppression == nil, "\(comment) must not suppress")
            #expect(
                problems(result) == [
                    "warning: '\(written)' is not a suppression directive, so it silences nothing; did you mean '\(meant)'?"
                ],
                "\(comment)")
        }
    }

    @Test func otherCommentsAreNotDirectives() {
        for comment in ["# processlinting notes", "# see processlint:disable-file in the docs", "# plain comment"] {
            #expect(problems(apply(comment)).isEmpty, "\(comment)")
        }
    }

    @Test func aDirectiveWithoutARuleIsAFinding() {
        #expect(
            problems(apply("# processlint:disable-next-line -- why")) == [
                "warning: the suppression names no rule: write 'processlint:disable-next-line RULE-ID -- reason'"
            ])
    }

    @Test func strictSuppressionsMakeAMissingReasonAnError() {
        #expect(
            problems(apply("# processlint:disable-next-line r")) == [
                "warning: a suppression needs a reason: add ' -- why this finding is accepted'"
            ])
        #expect(
            problems(apply("# processlint:disable-next-line r --   ", strict: true)) == [
                "error: a suppression needs a reason, and this site requires one (strict suppressions): add ' -- why this finding is accepted'"
            ])
        // With a reason, strictness changes nothing.
        let justified = apply("# processlint:disable-next-line r -- accepted in DV-1", strict: true)
        #expect(problems(justified).isEmpty && justified[0].suppression == "accepted in DV-1")
    }
}

/// Where a suppression applies to a step, and what one that silences nothing says (issue 16 item 9).
@Suite struct SuppressionPlacementTests {
    /// A process whose step `transduce` spans lines 9 to 11; `comment` goes on line 8, just above its `- id:`.
    static func text(comment: String) -> String {
        """
        processlint: 1
        name: placement
        product: {car_target: CD19, vector: lentiviral}
        indication: B-ALL
        starting_material: {kind: leukapheresis}
        steps:
          - {id: activate, operation: activation, reagent: anti-cd3-cd28-magnetic-beads}
          \(comment)
          - id: transduce
            operation: transduction
            moi: 3
          - {id: harvest, operation: harvest}
        """
    }

    /// Loads the text and applies its comments to findings of rule `r` at the given positions, each attributed to
    /// its step as the linter does.
    static func apply(_ text: String, findingsAt positions: [(line: Int, column: Int)], rule: String = "r") throws
        -> [Diagnostic]
    {
        let loaded = ProcessLoader().load(bytes: Array(text.utf8), file: "s.yaml")
        let design = try #require(loaded.design, "\(loaded.diagnostics)")
        let findings = positions.map { position in
            let range = SourceRange(at: SourcePosition(line: position.line, column: position.column))
            return Diagnostic(
                ruleID: rule, severity: .error, finding: Finding("found", at: range), file: "s.yaml",
                stepID: design.step(containing: range)?.id.value)
        }
        return Suppressions.apply(to: findings, comments: loaded.comments, file: "s.yaml", knownRules: ["r", "q"])
    }

    static func problems(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { $0.ruleID == Suppressions.ruleID }.map { "\($0.location): \($0.message)" }
    }

    @Test func aCommentAboveTheIdLineCoversTheWholeStep() throws {
        // The finding sits on `operation:`, a line below the `- id:` the comment stands over.
        let result = try Self.apply(
            Self.text(comment: "# processlint:disable-next-line r -- validated in DV-3"),
            findingsAt: [(10, 5), (11, 10)])
        #expect(result.filter { $0.ruleID == "r" }.map(\.suppression) == ["validated in DV-3", "validated in DV-3"])
        #expect(Self.problems(result).isEmpty)
    }

    @Test func aStepCommentCoversNothingOutsideItsStep() throws {
        let result = try Self.apply(
            Self.text(comment: "# processlint:disable-next-line r -- validated in DV-3"),
            findingsAt: [(10, 5), (12, 6)])
        #expect(result.filter { $0.ruleID == "r" }.map(\.suppression) == ["validated in DV-3", nil])
    }

    @Test func aCommentAboveAnInnerLineStillCoversOnlyTheNextLine() throws {
        let text = Self.text(comment: "").replacingOccurrences(
            of: "    operation: transduction",
            with: "    # processlint:disable-next-line r -- moi checked\n    operation: transduction")
        let result = try Self.apply(text, findingsAt: [(11, 5), (12, 10)])
        #expect(result.filter { $0.ruleID == "r" }.map(\.suppression) == ["moi checked", nil])
    }

    @Test func aSuppressionThatSilencesNothingSaysWhereTheRulesFindingsAre() throws {
        // The comment stands over `harvest`, but the finding is in `transduce`.
        let text = Self.text(comment: "").replacingOccurrences(
            of: "  - {id: harvest", with: "  # processlint:disable-next-line r -- accepted\n  - {id: harvest")
        let result = try Self.apply(text, findingsAt: [(10, 5)])
        #expect(
            Self.problems(result) == [
                "s.yaml:12:3: the suppression of r silences nothing: this rule's finding is at line 10 (step 'transduce'); "
                    + "put the comment on the line above a finding, or above the '- id:' line of its step"
            ])
    }

    @Test func aSuppressionWhoseRulesFindingsAreSilencedElsewhereSaysSo() throws {
        let text = Self.text(comment: "# processlint:disable-next-line r -- validated in DV-3").replacingOccurrences(
            of: "  - {id: harvest", with: "  # processlint:disable-next-line r -- accepted\n  - {id: harvest")
        let result = try Self.apply(text, findingsAt: [(10, 5)])
        #expect(
            Self.problems(result) == [
                "s.yaml:12:3: the suppression of r silences nothing: this rule's findings are all silenced by other suppressions; remove it"
            ])
    }

    @Test func manyFindingsAreListedShortAndARuleWithoutFindingsSaysSo() throws {
        let text = Self.text(comment: "").replacingOccurrences(
            of: "  - {id: harvest", with: "  # processlint:disable-next-line r, q -- accepted\n  - {id: harvest")
        let result = try Self.apply(text, findingsAt: [(2, 7), (7, 6), (10, 5), (10, 9), (11, 5)])
        #expect(
            Self.problems(result) == [
                "s.yaml:12:3: the suppression of r, q silences nothing: the findings of 'r' are at lines 2, 7 (step 'activate'), 10 (step 'transduce') and 1 more; "
                    + "'q' has no finding in this file; put the comment on the line above a finding, or above the '- id:' line of its step"
            ])
        let none = try Self.apply(text, findingsAt: [], rule: "r")
        #expect(
            Self.problems(none) == [
                "s.yaml:12:3: the suppression of r, q silences nothing: 'r' has no finding in this file; 'q' has no finding in this file; remove it"
            ])
    }
}
