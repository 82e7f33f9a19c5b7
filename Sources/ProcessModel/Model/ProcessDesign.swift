/// A manufacturing process as declared in one process file: the root of the typed model.
///
/// (`Process` is taken by Foundation.) Every value keeps where it was written, so rules and
/// reporters can point into the file without seeing YAML.
public struct ProcessDesign: Sendable {
    /// The path the design was read from, as given to the loader.
    public let file: String
    public let formatVersion: Located<Int>
    public let name: Located<String>
    public let description: Located<String>?
    public let product: Product
    public let indication: Located<String>
    public let startingMaterial: StartingMaterial
    public let steps: [Step]
    public let dose: Dose?
    public let releaseTests: [ReleaseTest]
    /// Where the release-test list is, when the file has one.
    public let releaseTestsRange: SourceRange?

    /// Where a range of this file is, for diagnostics.
    public func location(of range: SourceRange) -> SourceLocation {
        SourceLocation(file: file, range: range)
    }

    /// The step with the given id, if any.
    public func step(withID id: String) -> Step? { steps.first { $0.id.value == id } }

    /// The step whose text holds a range, if any.
    ///
    /// Steps lie in file order without overlapping, so a binary search finds it: a file with thousands of
    /// findings stays linear.
    public func step(containing range: SourceRange) -> Step? {
        var low = 0
        var high = steps.count
        while low < high {
            let middle = (low + high) / 2
            if steps[middle].range.start <= range.start { low = middle + 1 } else { high = middle }
        }
        guard low > 0, range.start < steps[low - 1].range.end else { return nil }
        return steps[low - 1]
    }

    /// The release test of the given kind, if the file lists it.
    public func releaseTest(_ kind: ReleaseTestKind) -> ReleaseTest? { releaseTests.first { $0.kind.value == kind } }
}

/// The product being made.
public struct Product: Sendable {
    public let carTarget: Located<Marker>
    public let vector: Located<VectorKind>
    /// The approved product the file says it models, if any.
    public let label: Located<ProductLabel>?
    /// Genes knocked out in the product's T cells; empty when the file states none.
    public let edits: [Located<GeneEdit>]
    /// An antigen whose surface expression the product blocks without editing it.
    public let targetBlocker: Located<Marker>?
    /// Why an allogeneic product keeps its T-cell receptor.
    public let tcrIntactReason: Located<String>?
    /// What the patient receives before infusion.
    public let lymphodepletion: Located<String>?
    /// Where the product mapping is.
    public let range: SourceRange

    /// The stated knockout of a gene, if any.
    public func edit(_ gene: GeneEdit) -> Located<GeneEdit>? { edits.first { $0.value == gene } }
}

/// What the process starts from, and what is in it.
public struct StartingMaterial: Sendable {
    public let kind: Located<StartingMaterialKind>
    /// Whose cells, as stated; `nil` means autologous, the default.
    public let donor: Located<DonorKind>?
    public let isCryopreserved: Located<Bool>?
    public let totalNucleatedCells: Located<Double>?
    /// Fractions of nucleated cells by population; a population the file does not state is absent, not zero.
    public let composition: [Population: Located<Double>]
    /// Where the composition mapping is, for findings about the composition as a whole.
    public let compositionRange: SourceRange?
    /// Markers the malignant cells carry, normalised; `nil` when the file does not say.
    public let malignantMarkers: [Located<Marker>]?
    /// Shares of the malignant cells that lack one of their listed markers (a target-negative subclone); empty when
    /// the file says none, and every listed marker is then carried by all of them.
    public let malignantMarkerNegative: [MarkerShare]
    /// Where the starting-material mapping is.
    public let range: SourceRange

    /// Whose cells the product is made from: as stated, else the patient's own.
    public var donorKind: DonorKind { donor?.value ?? .autologous }

    /// The share of the malignant cells that carry a marker: 0 for one not listed, 1 for one listed with no negative
    /// share, else 1 minus that share; `nil` when the file lists no markers.
    public func malignantShare(carrying marker: Marker) -> Double? {
        guard let markers = malignantMarkers else { return nil }
        guard markers.contains(where: { $0.value == marker }) else { return 0 }
        return 1 - (malignantMarkerNegative.first { $0.marker.value == marker }?.fraction.value ?? 0)
    }
}

/// A share of the malignant cells that lack a marker they are listed as carrying.
public struct MarkerShare: Sendable {
    public let marker: Located<Marker>
    /// The share that lacks it, strictly between 0 and 1.
    public let fraction: Located<Double>
    public let range: SourceRange
}

/// The dose a patient receives, as a total or per kilogram of body weight.
public struct Dose: Sendable {
    public let carTCells: Located<Double>?
    public let carTCellsPerKilogram: Located<Double>?
    public let bodyWeightKilograms: Located<Double>?
    public let range: SourceRange
}

/// A release test with its specification limits, if the file gives them.
public struct ReleaseTest: Sendable {
    public let kind: Located<ReleaseTestKind>
    public let maximum: Located<Double>?
    public let minimum: Located<Double>?
    public let method: Located<String>?
    /// The method's limit of detection, for a test of residual malignant cells that states one.
    public let detection: DetectionLimit?
}

/// What a method for residual malignant cells can see: a fraction detected in 95% of tests, or a number of events
/// among acquired events (exactly one of the two, as the format requires).
public struct DetectionLimit: Sendable {
    public let limitOfDetection: Located<Double>?
    public let acquiredEvents: Located<Double>?
    /// Malignant events needed to call a test positive; `nil` means 1.
    public let events: Located<Double>?
    public let range: SourceRange
}
