import ResidualModel

extension LintContext {
    /// The risk of the design at another malignant fraction at apheresis, all else as the file states; `nil` when
    /// the risk cannot be estimated. Computed on demand: only a rule about eligibility asks.
    public func risk(atMalignantFraction fraction: Double) -> Risk? {
        estimate.estimator.risk(of: design, malignantFraction: fraction)
    }

    /// The largest malignant fraction at apheresis, up to `upTo`, for which the gate figure stays under `target`.
    public func eligibility(target: Double, upTo: Double) -> Eligibility? {
        estimate.estimator.eligibility(of: design, target: target, upTo: upTo)
    }
}
