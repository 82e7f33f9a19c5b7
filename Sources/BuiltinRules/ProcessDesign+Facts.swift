import ProcessModel
import ResidualModel

/// Questions several rules ask of a design.
extension ProcessDesign {
    /// Markers that define T cells: a selection on them keeps T cells, a depletion on them removes them.
    static let tCellMarkers: Set<Marker> = Set(
        ["CD3", "CD2", "CD4", "CD5", "CD7", "CD8"].map(Marker.init(normalising:)))

    /// The first activation on magnetic beads, which must be removed before formulation.
    var magneticBeadActivation: Step? {
        steps.first { step in
            if case .activation(let reagent, _) = step.operation.value { return reagent.value.leavesMagneticBeads }
            return false
        }
    }

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
        case .positiveSelection(let selection, _):
            return !markers.isEmpty && selection.markerSet.isDisjoint(with: markers)
        default: return false
        }
    }

    /// The disease the indication names, if the design facts know it.
    var disease: DesignFacts.Disease? { DesignFacts.bundled.disease(named: indication.value) }

    /// Where release-test findings stand: the list, or the process's name when it has none.
    var releaseTestsAnchor: SourceRange { releaseTestsRange ?? name.range }

    /// The steps before the first gene transfer, or all of them when the product has none.
    var stepsBeforeGeneTransfer: ArraySlice<Step> { steps[..<(firstGeneTransfer?.index ?? steps.count)] }
}
