import ProcessModel

/// The `when` of a rule: the processes it applies to. Every stated condition must hold; an absent one always does.
struct RuleConditions: Sendable {
    /// Lower-cased, since indications are free text.
    var indications: Set<String>?
    var vectors: Set<VectorKind>?
    var carTargets: Set<Marker>?
    var malignantMarkers: Set<Marker>?
    var hasStep: StepPattern?

    func hold(for design: ProcessDesign) -> Bool {
        if let indications, !indications.contains(design.indication.value.lowercased()) { return false }
        if let vectors, !vectors.contains(design.product.vector.value) { return false }
        if let carTargets, !carTargets.contains(design.product.carTarget.value) { return false }
        if let malignantMarkers {
            let declared = Set(design.startingMaterial.malignantMarkers?.map(\.value) ?? [])
            guard malignantMarkers.isSubset(of: declared) else { return false }
        }
        if let hasStep, !design.steps.contains(where: hasStep.matches) { return false }
        return true
    }
}
