/// Checks across fields that a per-value schema cannot express: a file that contradicts itself
/// cannot be estimated or linted meaningfully, so these are load errors, not rule findings.
enum ConsistencyCheck {
    struct Problem {
        let message: String
        let range: SourceRange
    }

    static func problems(in design: ProcessDesign) -> [Problem] {
        let vector = design.product.vector.value
        return design.steps.compactMap { step in
            let stated: Located<VectorKind>? = switch step.operation.value {
            case .transduction(let stepVector, _):
                vector.isViral ? stepVector : Located(stepVector?.value ?? .lentiviral, at: step.operation.range)
            case .electroporation(let payload, _), .transfection(let payload, _):
                vector.isViral || vector == .none ? Located(payload?.value ?? vector, at: step.operation.range) : payload
            default:
                nil
            }
            guard let stated, stated.value != vector else { return nil }
            return Problem(
                message: "step '\(step.id.value)' delivers a \(stated.value.rawValue) payload, but the product's vector is "
                    + "'\(vector.rawValue)' (line \(design.product.vector.range.start.line)); make them agree",
                range: stated.range
            )
        }
    }
}
