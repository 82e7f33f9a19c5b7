import Foundation
import LanguageServerProtocol
import LintKit
import ProcessModel
import ResidualModel

/// Quick fixes for the diagnostics under the cursor: a suppression with a reason, a format error's "did you mean",
/// the insertion a rule's fix names (a release test, a bead removal), and the estimate's remedies as steps.
struct CodeActions {
    let document: TextDocument
    let encoding: PositionEncodingKind

    func actions(for diagnostics: [LanguageServerProtocol.Diagnostic], remedies: () -> [Remedy], design: ProcessDesign?)
        -> [CodeAction]
    {
        var actions: [CodeAction] = []
        var offeredRemedies = false
        for diagnostic in diagnostics where diagnostic.source == "processlint" {
            guard let code = diagnostic.code else { continue }
            if let replacement = didYouMean(diagnostic) { actions.append(replacement) }
            if code != LintKit.Diagnostic.formatRuleID && code != Suppressions.ruleID && code != "configuration" {
                actions.append(suppression(of: diagnostic, rule: code))
            }
            if code == "missing-release-test", let action = missingReleaseTest(diagnostic, design: design) {
                actions.append(action)
            }
            if code == "bead-removal-missing", let action = beadRemoval(diagnostic, design: design) {
                actions.append(action)
            }
            if ["residual-tumour-risk", "no-tumour-depletion-before-transduction", "missing-t-cell-selection"].contains(
                code), !offeredRemedies, let design
            {
                offeredRemedies = true
                actions += remedies().compactMap { remedy(for: $0, design: design, diagnostic: diagnostic) }
            }
        }
        return actions
    }

    private func edit(_ range: LanguageServerProtocol.Range, _ text: String) -> WorkspaceEdit {
        WorkspaceEdit(changes: [document.uri: [TextEdit(range: range, newText: text)]])
    }

    private func indentation(ofLine line: Int) -> String { String(document.line(line).prefix { $0 == " " }) }

    /// `# processlint:disable-next-line RULE -- ` above the finding's line, at its indentation: the reason is typed after `--`.
    private func suppression(of diagnostic: LanguageServerProtocol.Diagnostic, rule: String) -> CodeAction {
        let line = diagnostic.range.start.line
        let at = Position(line: line, character: 0)
        return CodeAction(
            title: "Suppress \(rule) on this line (with a reason)", kind: CodeAction.quickFix,
            diagnostics: [diagnostic],
            edit: edit(Range(at: at), "\(indentation(ofLine: line))# processlint:disable-next-line \(rule) -- \n"))
    }

    /// A format error's "did you mean 'X'": the written word replaced.
    private func didYouMean(_ diagnostic: LanguageServerProtocol.Diagnostic) -> CodeAction? {
        guard let start = diagnostic.message.range(of: "did you mean '"),
            let end = diagnostic.message[start.upperBound...].firstIndex(of: "'")
        else { return nil }
        let suggestion = String(diagnostic.message[start.upperBound..<end])
        let range = diagnostic.range
        guard range.start.line == range.end.line, range.start != range.end else { return nil }
        return CodeAction(
            title: "Replace with '\(suggestion)'", kind: CodeAction.quickFix, diagnostics: [diagnostic],
            isPreferred: true,
            edit: edit(range, suggestion))
    }

    /// The missing test appended to `release_tests`, as a name (its limit is the user's to add).
    private func missingReleaseTest(_ diagnostic: LanguageServerProtocol.Diagnostic, design: ProcessDesign?)
        -> CodeAction?
    {
        guard let start = diagnostic.message.range(of: "lack '"),
            let end = diagnostic.message[start.upperBound...].firstIndex(of: "'"),
            let releaseTests = design?.releaseTestsRange
        else { return nil }
        let test = String(diagnostic.message[start.upperBound..<end])
        let last = document.position(of: releaseTests.end, encoding: encoding)
        // Block lists end at their last item's line; the new item goes after it, at its indentation.
        let lastLine = (0...min(last.line, document.lineCount - 1)).reversed().first {
            document.line($0).trimmingCharacters(in: .whitespaces).hasPrefix("- ")
        }
        guard let lastLine else { return nil }
        let itemIndent = indentation(ofLine: lastLine)
        return CodeAction(
            title: "Add release test '\(test)'", kind: CodeAction.quickFix, diagnostics: [diagnostic],
            edit: edit(Range(at: Position(line: lastLine + 1, character: 0)), "\(itemIndent)- \(test)\n"))
    }

    /// A bead-removal step before formulation (or at the end of the steps).
    private func beadRemoval(_ diagnostic: LanguageServerProtocol.Diagnostic, design: ProcessDesign?) -> CodeAction? {
        guard let design else { return nil }
        let before = design.steps.first { $0.kind == .formulation }
        return insertStep(
            before: before, design: design, id: "bead-removal", lines: ["operation: bead-removal"],
            title: "Add a bead-removal step",
            diagnostic: diagnostic)
    }

    /// The estimate's remedies that add a step, written as the step the estimator inserted.
    private func remedy(for remedy: Remedy, design: ProcessDesign, diagnostic: LanguageServerProtocol.Diagnostic)
        -> CodeAction?
    {
        guard let insertion = remedy.insertion, !insertion.markers.isEmpty else { return nil }
        let before = insertion.beforeStepID.flatMap { id in design.steps.first { $0.id.value == id } }
        let id =
            insertion.operation == .depletion
            ? "\(insertion.markers.joined(separator: "-").lowercased())-depletion" : "t-cell-selection"
        return insertStep(
            before: before, design: design, id: id,
            lines: [
                "operation: \(insertion.operation.rawValue)", "markers: [\(insertion.markers.joined(separator: ", "))]",
            ],
            title: "Estimate remedy: \(remedy.description) (\(String(format: "λ ÷ %.2g", remedy.lambdaReduction)))",
            diagnostic: diagnostic)
    }

    /// A block-style step inserted before `before` (or after the last step), indented as the steps are.
    private func insertStep(
        before: Step?, design: ProcessDesign, id: String, lines: [String], title: String,
        diagnostic: LanguageServerProtocol.Diagnostic
    ) -> CodeAction? {
        guard let anchor = before ?? design.steps.last else { return nil }
        let anchorLine = document.position(of: anchor.range.start, encoding: encoding).line
        // The item's dash: the step's range may start at its first key, after `- `.
        let dashLine =
            (0...anchorLine).reversed().first { document.line($0).trimmingCharacters(in: .whitespaces).hasPrefix("-") }
            ?? anchorLine
        let indent = indentation(ofLine: dashLine)
        let insertLine: Int
        if before != nil {
            insertLine = dashLine
        } else {
            let end = document.position(of: anchor.range.end, encoding: encoding)
            insertLine = end.character == 0 ? end.line : end.line + 1
        }
        let text = ([indent + "- id: " + id] + lines.map { indent + "  " + $0 }).joined(separator: "\n") + "\n"
        return CodeAction(
            title: title, kind: CodeAction.quickFix, diagnostics: [diagnostic],
            edit: edit(Range(at: Position(line: insertLine, character: 0)), text))
    }
}
