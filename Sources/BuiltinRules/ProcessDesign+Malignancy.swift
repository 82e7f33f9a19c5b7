import ProcessModel

/// Questions several rules ask about malignant cells in a design.
extension ProcessDesign {
    /// Whether the starting material can hold malignant cells: a stated fraction above zero, or none stated.
    var mayHoldMalignantCells: Bool {
        (startingMaterial.composition[.malignant]?.value ?? 1) > 0
    }

    /// The first step that puts the CAR gene into cells.
    var firstGeneTransfer: Step? { steps.first { $0.kind.isGeneTransfer } }

    /// Whether a step removes malignant cells by what they carry: a depletion on a marker they carry, a
    /// positive selection on markers they lack, or a measured malignant depletion of at least 1 log.
    func removesMalignantCells(_ step: Step) -> Bool {
        if let measured = step.performance?.figures[.malignantLogDepletion]?.value { return measured >= 1 }
        let markers = Set(startingMaterial.malignantMarkers?.map(\.value) ?? [])
        switch step.operation.value {
        case .depletion(let selection): return !selection.markerSet.isDisjoint(with: markers)
        case .positiveSelection(let selection, _): return !markers.isEmpty && selection.markerSet.isDisjoint(with: markers)
        default: return false
        }
    }
}
