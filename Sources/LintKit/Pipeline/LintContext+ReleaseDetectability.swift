import ResidualModel

extension LintContext {
    /// What the residual-malignant-cells release test can see of the malignant cells the estimate leaves: computed on
    /// demand, since one rule reads it and only for a file whose test states a limit of detection.
    public func releaseDetectability() -> ReleaseDetectability? {
        estimate.estimator.releaseDetectability(of: design)
    }
}
