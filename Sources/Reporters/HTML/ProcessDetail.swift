import ProcessModel
import ResidualModel

/// What the HTML report shows of a process besides its findings: the design, its full estimate (the step table,
/// the sensitivities, the remedies with their risk) and the gate it is held to under its configuration.
public struct ProcessDetail: Sendable {
    public let design: ProcessDesign
    public let estimate: ResidualEstimate
    /// The chance of a relapse from a CAR-carrying malignant cell above which the gate rule reports an error
    /// (`residual-tumour-risk`'s `threshold` in the file's configuration); `nil` when that rule is disabled.
    public let gateThreshold: Double?

    public init(design: ProcessDesign, estimate: ResidualEstimate, gateThreshold: Double?) {
        self.design = design
        self.estimate = estimate
        self.gateThreshold = gateThreshold
    }
}
