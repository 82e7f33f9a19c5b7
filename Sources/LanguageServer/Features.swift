import LanguageServerProtocol
import LintKit
import ProcessModel
import ResidualModel

/// Hover, completion and code actions: answers computed from a document's text and design, on the state queue.
final class Features {
    let encoding: PositionEncodingKind
    let registry: RuleRegistry
    let estimator: ResidualEstimator
    /// The estimate of each document's last design asked about, with the version it belongs to.
    private var estimates: [String: (version: Int, estimate: ResidualEstimate)] = [:]

    init(encoding: PositionEncodingKind, registry: RuleRegistry, estimator: ResidualEstimator) {
        self.encoding = encoding
        self.registry = registry
        self.estimator = estimator
    }

    func forget(_ uri: String) { estimates[uri] = nil }

    func estimate(of design: ProcessDesign, in document: TextDocument) -> ResidualEstimate {
        if let cached = estimates[document.uri], cached.version == document.version { return cached.estimate }
        let estimate = estimator.estimate(design)
        estimates[document.uri] = (document.version, estimate)
        return estimate
    }

    func hover(in document: TextDocument, at position: Position, design: ProcessDesign?) -> Hover? {
        let lines = (0..<document.lineCount).map(document.line)
        let source = document.sourcePosition(of: position, encoding: encoding)
        let content = HoverContent(registry: registry, catalogue: estimator.catalogue)
        guard
            let markdown = content.markdown(
                lines: lines, line: source.line - 1, column: source.column - 1, at: source, design: design,
                estimate: { design.map { self.estimate(of: $0, in: document) } })
        else { return nil }
        return Hover(contents: MarkupContent(markdown: markdown), range: nil)
    }

    func completion(in document: TextDocument, at position: Position) -> CompletionList {
        let lines = (0..<document.lineCount).map(document.line)
        let source = document.sourcePosition(of: position, encoding: encoding)
        return CompletionList(
            isIncomplete: false, items: Completion.items(lines: lines, line: source.line - 1, column: source.column - 1)
        )
    }

    func codeActions(
        in document: TextDocument, range: Range, diagnostics: [LanguageServerProtocol.Diagnostic],
        design: ProcessDesign?
    ) -> [CodeAction] {
        CodeActions(document: document, encoding: encoding).actions(
            for: diagnostics.filter { $0.range.overlaps(range) },
            remedies: { design.map { self.estimator.remedies(for: $0) } ?? [] }, design: design)
    }
}
