import ProcessModel
import ResidualModel
import Synchronization

/// One file's residual-cell estimate, computed the first time a rule, a reporter or a caller asks for it and
/// shared after that: a file whose enabled rules never read it costs no estimate at all.
public final class SharedEstimate: Sendable {
    private let design: ProcessDesign
    let estimator: ResidualEstimator
    /// `nil` until computed; then the risk, itself `nil` when the file states no malignant fraction.
    private let computed = Mutex<Risk??>(nil)

    public init(design: ProcessDesign, estimator: ResidualEstimator) {
        self.design = design
        self.estimator = estimator
    }

    /// The risk figures, computing them on the first call.
    public var risk: Risk? {
        computed.withLock { cached in
            if let cached { return cached }
            let risk = estimator.risk(of: design)
            cached = .some(risk)
            return risk
        }
    }

    /// The standard remedies and their effect: not shared, since only a rule that reports a risk needs them,
    /// and each costs three more estimates.
    func remedies() -> [Remedy] { estimator.remedies(for: design) }

    /// Whether anything has asked for the estimate yet.
    public var isComputed: Bool { computed.withLock { $0 != nil } }
}
