import ProcessModel

/// The `when` of a rule: the processes it applies to. Every stated condition must hold; an absent one always does.
///
/// Lists, not sets: they hold a few values, and a linear search of a few is cheaper than hashing for every file.
struct RuleConditions: Sendable {
    /// Lower-cased, since indications are free text.
    var indications: [String]?
    var vectors: [VectorKind]?
    var carTargets: [Marker]?
    var malignantMarkers: [Marker]?
    var releaseTests: [ReleaseTestKind]?
    var hasStep: StepPattern?

    func hold(for design: ProcessDesign) -> Bool {
        if let indications, !indications.contains(design.indication.value.lowercased()) { return false }
        if let vectors, !vectors.contains(design.product.vector.value) { return false }
        if let carTargets, !carTargets.contains(design.product.carTarget.value) { return false }
        if let malignantMarkers {
            let declared = design.startingMaterial.malignantMarkers ?? []
            guard malignantMarkers.allSatisfy({ marker in declared.contains { $0.value == marker } }) else {
                return false
            }
        }
        if let releaseTests, !releaseTests.allSatisfy({ design.releaseTest($0) != nil }) { return false }
        if let hasStep, !design.steps.contains(where: { hasStep.matches($0) }) { return false }
        return true
    }
}
