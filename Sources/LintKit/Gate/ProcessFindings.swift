import ProcessModel
import ResidualModel

/// One process's lint result, as the CI gate compares it with another version: what it is called, its
/// findings, its risk and its steps.
public struct ProcessFindings: Sendable {
    /// What matches the process across versions: its `name`, so a renamed or moved file is the same process;
    /// the file path when the file could not be read into a design.
    public let identity: String
    public let file: String
    /// The findings that count: suppressed ones are left out.
    public let diagnostics: [Diagnostic]
    public let risk: Risk?
    /// Why there is no risk, when there is none: what a gate that needed it says.
    public let noEstimateReason: String?
    /// The step ids and kinds in order, to say what changed when the risk did.
    public let steps: [(id: String, kind: OperationKind)]
    /// The design, when the file could be read into one: a comparison draws both versions' λ from the same draws.
    public let design: ProcessDesign?

    public init(file: String, design: ProcessDesign?, diagnostics: [Diagnostic], risk: Risk?) {
        identity = Self.identity(of: file, design: design)
        self.file = file
        self.diagnostics = diagnostics.filter { $0.suppression == nil }
        self.risk = risk
        noEstimateReason = risk != nil ? nil : Self.noEstimateReason(design)
        steps = design?.steps.map { ($0.id.value, $0.kind) } ?? []
        self.design = design
    }

    private static func noEstimateReason(_ design: ProcessDesign?) -> String {
        guard let design else { return "the file could not be read as a process" }
        return ResidualEstimator.reasonForNoRisk(design) ?? "the estimate could not be computed"
    }

    /// The design's name, or the path when there is no design.
    public static func identity(of file: String, design: ProcessDesign?) -> String { design?.name.value ?? file }

    init(
        identity: String, file: String, diagnostics: [Diagnostic], risk: Risk?, noEstimateReason: String?,
        steps: [(id: String, kind: OperationKind)], design: ProcessDesign?
    ) {
        self.identity = identity
        self.file = file
        self.diagnostics = diagnostics
        self.risk = risk
        self.noEstimateReason = noEstimateReason
        self.steps = steps
        self.design = design
    }
}
