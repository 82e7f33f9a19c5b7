import LintKit
import ProcessModel
import Testing

/// Suppression comments read from the comments the loader found: real comments only, malformed directives
/// reported with the directive meant, and reasons required as an error where a site asks for it.
@Suite struct SuppressionCommentTests {
    /// A finding of rule `r` at line 5, the line after the comment slot of `file(_:)`.
    let finding = Diagnostic(ruleID: "r", severity: .error, finding: Finding("found", at: SourceRange(at: SourcePosition(line: 5, column: 5))),
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
        return Suppressions.apply(to: [finding], comments: loaded.comments, file: "s.yaml", knownRules: ["r", "q"], strict: strict)
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
            ("# processlint: disable-next-line r -- why", "processlint: disable-next-line", "processlint:disable-next-line"),
            ("# processlint:disable-nextline r -- why", "processlint:disable-nextline", "processlint:disable-next-line"),
            ("# processlint:disable-line r -- why", "processlint:disable-line", "processlint:disable-next-line"),
            ("#processlint disable-file r -- why", "processlint disable-file", "processlint:disable-file"),
            ("# ProcessLint:disable-next-line r -- why", "ProcessLint:disable-next-line", "processlint:disable-next-line"),
            ("# processlint:disable_file r -- why", "processlint:disable_file", "processlint:disable-file"),
            ("# processlint:disable-next-lines r -- why", "processlint:disable-next-lines", "processlint:disable-next-line"),
            ("# processlint", "processlint", "processlint:disable-next-line"),
        ]
        for (comment, written, meant) in cases {
            let result = apply(comment)
            #expect(result.first { $0.ruleID == "r" }?.suppression == nil, "\(comment) must not suppress")
            #expect(problems(result) == ["warning: '\(written)' is not a suppression directive, so it silences nothing; did you mean '\(meant)'?"],
                    "\(comment)")
        }
    }

    @Test func otherCommentsAreNotDirectives() {
        for comment in ["# processlinting notes", "# see processlint:disable-file in the docs", "# plain comment"] {
            #expect(problems(apply(comment)).isEmpty, "\(comment)")
        }
    }

    @Test func aDirectiveWithoutARuleIsAFinding() {
        #expect(problems(apply("# processlint:disable-next-line -- why")) == [
            "warning: the suppression names no rule: write 'processlint:disable-next-line RULE-ID -- reason'",
        ])
    }

    @Test func strictSuppressionsMakeAMissingReasonAnError() {
        #expect(problems(apply("# processlint:disable-next-line r")) == ["warning: a suppression needs a reason: add ' -- why this finding is accepted'"])
        #expect(problems(apply("# processlint:disable-next-line r --   ", strict: true)) == [
            "error: a suppression needs a reason, and this site requires one (strict suppressions): add ' -- why this finding is accepted'",
        ])
        // With a reason, strictness changes nothing.
        let justified = apply("# processlint:disable-next-line r -- accepted in DV-1", strict: true)
        #expect(problems(justified).isEmpty && justified[0].suppression == "accepted in DV-1")
    }
}
