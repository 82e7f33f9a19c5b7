import LintKit

/// The built-in rule pack. Adding a rule: one file, and one line here (a test fails if a rule file is
/// not listed).
public enum BuiltinRules {
    public static let all: [any Rule] = [
        NoTumourDepletionBeforeTransductionRule(),
        MissingTCellSelectionRule(),
        SelectionMarkerOnTumourRule(),
        DepletionMarkerAbsentOnTumourRule(),
        CARTargetOnTumourRule(),
        ResidualTumourRiskRule(),
        EligibilityLimitUnsupportedRule(),
        TransductionBeforeActivationRule(),
        ExpansionBeforeTransductionRule(),
        HarvestBeforeExpansionRule(),
        StepAfterCryopreservationRule(),
        BeadRemovalMissingRule(),
        MissingReleaseTestRule(),
        VectorCopyNumberLimitRule(),
        DoseNotStatedRule(),
        BodyWeightNotStatedRule(),
        DoseExceedsProductRule(),
        MalignantFractionNotStatedRule(),
        IndicationNotInCatalogueRule(),
        ParameterOutOfTypicalRangeRule(),
        CARTargetOnTCellsRule(),
        AutologousTCellMalignancyRule(),
        AllogeneicWithoutTCRDisruptionRule(),
        AllogeneicHostRejectionUnaddressedRule(),
        IntegrationSiteTestingMissingRule(),
        TransposonCopyNumberRule(),
        FreshStartingMaterialHoldRule(),
        CytokineSupportsMalignantGrowthRule(),
        CARTargetAbsentFromMalignantCellsRule(),
        DoseOutsideLabelRangeRule(),
        ReleaseTestCannotDetectResidualRule(),
    ]

    /// A registry holding the built-in pack.
    public static var registry: RuleRegistry { RuleRegistry(all) }
}
