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

    func hover(in document: TextDocument, at position: Position, design: ProcessDesign?) -> Hover? { nil }

    func completion(in document: TextDocument, at position: Position) -> CompletionList { CompletionList(isIncomplete: false, items: []) }

    func codeActions(in document: TextDocument, range: Range, diagnostics: [LanguageServerProtocol.Diagnostic], design: ProcessDesign?) -> [CodeAction] { [] }
}
