import CustomRules
import LanguageServerProtocol
import LintKit
import ProcessModel

/// Turns the pipeline's diagnostics into the editor's: positions in the negotiated encoding, the rule id as the code
/// with a link to its documentation, related locations, and the suggested fix kept in `data` for code actions.
struct DiagnosticConversion {
    let encoding: PositionEncodingKind
    /// Where the rules are documented: `docs/rules.md` of the project, to which `#rule-id` is added.
    let documentation: Documentation
    let knownRules: Set<String>

    struct Documentation: Sendable {
        let rules: String
        let format: String
        let suppressions: String

        /// The project's documentation on its home (`informationURI`, as SARIF's).
        init(home: String) {
            rules = home + "/blob/main/docs/rules.md"
            format = home + "/blob/main/docs/format.md"
            suppressions = home + "/blob/main/docs/configuration.md"
        }
    }

    /// The editor's diagnostics for what the pipeline found in `document` (suppressed findings are not shown, as text
    /// output hides them, nor suppressions of external rules that did not run), then the problems of its
    /// configuration and the external rules that failed, at the top of the file.
    func diagnostics(
        of outcome: FileOutcome, in document: TextDocument, configurationProblems: [LoadDiagnostic],
        external: DocumentLinter.External = .init()
    ) -> [LanguageServerProtocol.Diagnostic] {
        var result = outcome.diagnostics.filter { $0.suppression == nil && !external.isUnjudged($0) }.map {
            convert($0, in: document)
        }
        for failure in external.failures {
            // `lint` fails the run (exit 2) for such a rule: the file was not checked by it, which must show.
            let declaration = failure.rule.declaredAt
            result.append(
                LanguageServerProtocol.Diagnostic(
                    range: Range(at: Position(line: 0, character: 0)), severity: 1, code: failure.rule.id,
                    codeDescription: nil, source: "processlint", message: failure.message,
                    relatedInformation: [
                        DiagnosticRelatedInformation(
                            location: Location(
                                uri: DocumentURI.uri(ofPath: declaration.file),
                                range: Range(
                                    at: Position(
                                        line: max(declaration.range.start.line - 1, 0),
                                        character: max(declaration.range.start.column - 1, 0)))),
                            message: "the rule is declared here")
                    ]))
        }
        for problem in configurationProblems {
            let configurationURI = DocumentURI.uri(ofPath: problem.location.file)
            result.append(
                LanguageServerProtocol.Diagnostic(
                    range: Range(at: Position(line: 0, character: 0)), severity: 1, code: "configuration",
                    codeDescription: nil, source: "processlint",
                    message:
                        "the configuration that governs this file cannot be read, so the defaults apply: \(problem.message)",
                    relatedInformation: [
                        DiagnosticRelatedInformation(
                            location: Location(
                                uri: configurationURI,
                                range: Range(
                                    at: Position(
                                        line: max(problem.location.range.start.line - 1, 0),
                                        character: max(problem.location.range.start.column - 1, 0)))),
                            message: problem.message)
                    ]))
        }
        return result
    }

    func convert(_ diagnostic: LintKit.Diagnostic, in document: TextDocument) -> LanguageServerProtocol.Diagnostic {
        let uri = document.uri
        var data: [String: LSPAny] = [:]
        if let fix = diagnostic.fix { data["fix"] = .string(fix) }
        if let step = diagnostic.stepID { data["step"] = .string(step) }
        if let code = diagnostic.code { data["kind"] = .string(code) }
        let related = diagnostic.related.map {
            DiagnosticRelatedInformation(
                location: Location(uri: uri, range: document.range(of: $0.range, encoding: encoding)),
                message: $0.message)
        }
        var message = diagnostic.message
        if let fix = diagnostic.fix { message += "\nfix: \(fix)" }
        return LanguageServerProtocol.Diagnostic(
            range: document.range(of: diagnostic.location.range, encoding: encoding),
            severity: Self.severity(diagnostic.severity),
            code: diagnostic.ruleID,
            codeDescription: link(for: diagnostic.ruleID).map(LanguageServerProtocol.Diagnostic.CodeDescription.init),
            source: "processlint",
            message: message,
            tags: Self.isUnnecessary(diagnostic) ? [LanguageServerProtocol.Diagnostic.unnecessaryTag] : nil,
            relatedInformation: related.isEmpty ? nil : related,
            data: data.isEmpty ? nil : .object(data))
    }

    private func link(for ruleID: String) -> String? {
        switch ruleID {
        case LintKit.Diagnostic.formatRuleID: documentation.format
        case Suppressions.ruleID: documentation.suppressions
        case _ where knownRules.contains(ruleID): documentation.rules + "#" + ruleID
        default: nil
        }
    }

    /// A suppression that silences nothing is dead text: editors fade it.
    private static func isUnnecessary(_ diagnostic: LintKit.Diagnostic) -> Bool {
        diagnostic.ruleID == Suppressions.ruleID && diagnostic.message.contains("silences nothing: remove it")
    }

    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .note: 3
        }
    }
}
