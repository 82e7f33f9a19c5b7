import LintKit

/// The built-in rule pack. Adding a rule: one file, and one line here (a test fails if a rule file is
/// not listed).
public enum BuiltinRules {
    public static let all: [any Rule.Type] = [
        NoTumourDepletionBeforeTransductionRule.self,
        MissingTCellSelectionRule.self,
        SelectionMarkerOnTumourRule.self,
        DepletionMarkerAbsentOnTumourRule.self,
        CARTargetOnTumourRule.self,
        ResidualTumourRiskRule.self,
        TransductionBeforeActivationRule.self,
        ExpansionBeforeTransductionRule.self,
        HarvestBeforeExpansionRule.self,
        StepAfterCryopreservationRule.self,
        BeadRemovalMissingRule.self,
        MissingReleaseTestRule.self,
        VectorCopyNumberLimitRule.self,
        DoseNotStatedRule.self,
        MalignantFractionNotStatedRule.self,
        ParameterOutOfTypicalRangeRule.self,
    ]

    /// A registry holding the built-in pack.
    public static var registry: RuleRegistry { RuleRegistry(all) }
}
