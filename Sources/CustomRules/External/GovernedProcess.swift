import LintKit
import ProcessModel
import ResidualModel

/// A process external rules check: its design, as the model and as the JSON sent, its risk, and the
/// severities its configuration sets, which outrank what a program says.
struct GovernedProcess: Sendable {
    let design: ProcessDesign
    let document: DesignDocument
    let estimate: EstimateDocument
    let severities: [String: Severity]

    init(design: ProcessDesign, risk: Risk?, severities: [String: Severity]) {
        self.design = design
        document = DesignDocument(design)
        estimate = EstimateDocument(risk)
        self.severities = severities
    }
}
