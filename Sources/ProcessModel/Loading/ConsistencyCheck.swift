/// Checks across fields that a per-value schema cannot express: a file that contradicts itself
/// cannot be estimated or linted meaningfully, so these are load errors, not rule findings.
enum ConsistencyCheck {
    struct Problem {
        let message: String
        let range: SourceRange
    }

    static func problems(in design: ProcessDesign) -> [Problem] {
        vectorProblems(in: design) + thawProblems(in: design) + markerShareProblems(in: design)
    }

    /// A share of the malignant cells can lack only a marker the file says they carry: a share of a marker not
    /// listed would say both that none and that some carry it.
    static func markerShareProblems(in design: ProcessDesign) -> [Problem] {
        let material = design.startingMaterial
        let listed = Set((material.malignantMarkers ?? []).map(\.value))
        var seen: Set<Marker> = []
        return material.malignantMarkerNegative.compactMap { share in
            let marker = share.marker.value
            // Two spellings of one marker (`cd19`, `CD19`) pass the format's uniqueness check as text.
            guard seen.insert(marker).inserted else {
                return Problem(
                    message: "'\(marker.name)' is given twice in 'malignant_marker_negative'; give it once",
                    range: share.marker.range)
            }
            guard !listed.contains(marker) else { return nil }
            return Problem(
                message: material.malignantMarkers == nil
                    ? "'malignant_marker_negative' gives a share lacking '\(marker.name)', but no 'malignant_markers' "
                        + "are listed; list the markers the malignant cells carry, '\(marker.name)' among them"
                    : "'\(marker.name)' is not in 'malignant_markers', so no malignant cell carries it; list it there "
                        + "and give here the share that lacks it, or remove this entry",
                range: share.marker.range)
        }
    }

    /// A thaw before any freezing step needs frozen starting material: with `cryopreserved: false` one of the
    /// two is wrong, and the estimate would count a freeze-thaw loss the material never had (or miss one it had).
    static func thawProblems(in design: ProcessDesign) -> [Problem] {
        guard let frozen = design.startingMaterial.isCryopreserved, !frozen.value,
            let thaw = design.steps.prefix(while: { $0.kind != .cryopreservation }).first(where: { $0.kind == .thaw })
        else { return [] }
        return [
            Problem(
                message:
                    "step '\(thaw.id.value)' thaws the material, but 'cryopreserved' is false (line \(frozen.range.start.line)) "
                    + "and no step freezes it before; set 'cryopreserved: true' or remove the thaw",
                range: thaw.operation.range)
        ]
    }

    static func vectorProblems(in design: ProcessDesign) -> [Problem] {
        let vector = design.product.vector.value
        return design.steps.compactMap { step in
            // What the step delivers: as stated, else the product's vector where that is the kind of
            // thing the step can deliver (a viral vector for a transduction, a payload for electroporation).
            let (stated, fallback): (Located<VectorKind>?, VectorKind?) =
                switch step.operation.value {
                case .transduction(let stated, _): (stated, vector.isViral ? vector : nil)
                case .electroporation(let stated, _), .transfection(let stated, _):
                    (stated, vector.isViral || vector == .none ? nil : vector)
                default: (nil, vector)
                }
            let delivered = stated?.value ?? fallback
            guard delivered != vector else { return nil }
            let line = design.product.vector.range.start.line
            let message =
                if let delivered {
                    "step '\(step.id.value)' delivers a \(delivered.rawValue) payload, but the product's vector is "
                        + "'\(vector.rawValue)' (line \(line)); make them agree"
                } else {
                    "step '\(step.id.value)' (\(step.kind.rawValue)) cannot deliver the product's '\(vector.rawValue)' "
                        + "vector (line \(line)); "
                        + (step.kind == .transduction ? "a transduction delivers a viral vector" : "state its payload")
                }
            return Problem(message: message, range: stated?.range ?? step.operation.range)
        }
    }
}
