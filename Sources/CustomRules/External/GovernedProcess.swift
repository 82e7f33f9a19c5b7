import LintKit
import ProcessModel
import ResidualModel

/// A process external rules check: its design, its risk, and the severities its configuration sets, which
/// outrank what a program says. The design's JSON is made only while the request is written, and its
/// paths only for a file a program reports on, so a run over many files holds only the models.
struct GovernedProcess: Sendable {
    let design: ProcessDesign
    let estimate: EstimateDocument
    let severities: [String: Severity]

    init(design: ProcessDesign, risk: Risk?, severities: [String: Severity]) {
        self.design = design
        estimate = EstimateDocument(risk)
        self.severities = severities
    }
}
