import ProcessModel

/// The standard remedies, applied to a copy of the process and estimated again: a depletion of a
/// malignant-cell marker before the first gene transfer, a T-cell positive selection there, and a
/// longer culture.
struct WhatIf {
    let design: ProcessDesign
    let estimator: ResidualEstimator

    func remedies(withRisk: Bool) -> [Remedy] {
        let base = centralLambda(design.steps)
        func remedy(_ description: String, steps: [Step], insertion: StepInsertion? = nil) -> Remedy {
            let after = centralLambda(steps)
            return Remedy(
                description: description, insertion: insertion, lambdaReduction: after > 0 ? base / after : .infinity,
                risk: withRisk ? estimator.risk(of: estimator.balance(design, steps: steps), design: design) : nil)
        }
        var remedies = insertions.map { remedy($0.description, steps: $0.steps, insertion: $0.insertion) }
        if let index = design.steps.lastIndex(where: { $0.kind == .expansion }),
            case .expansion(let days, let device, let cytokines) = design.steps[index].operation.value
        {
            var steps = design.steps
            steps[index] = replaced(
                steps[index], with: .expansion(days: located(days.value + 3), device: device, cytokines: cytokines))
            remedies.append(remedy("culture 3 days longer in step '\(steps[index].id.value)'", steps: steps))
        }
        return remedies
    }

    /// A step the remedies add, with the steps of the design it makes.
    struct Inserted {
        let description: String
        let steps: [Step]
        let index: Int
        let insertion: StepInsertion
    }

    /// The steps the remedies insert before the first activation or gene transfer: a depletion of a malignant-cell
    /// marker and a T-cell positive selection, each unless the process already has one there. The required
    /// performance of a step is asked of these too, so they live here, in one place.
    var insertions: [Inserted] {
        let index = insertionIndex
        let beforeTransfer = design.steps[..<index]
        func inserted(_ description: String, _ operation: UnitOperation) -> Inserted {
            var steps = design.steps
            let anchor = steps.isEmpty ? SourceRange(at: .fileStart) : steps[min(index, steps.count - 1)].range
            steps.insert(
                Step(
                    id: Located("what-if", at: anchor), operation: Located(operation, at: anchor), note: nil,
                    performance: nil, range: anchor, index: index), at: index)
            let markers: [String] =
                switch operation {
                case .depletion(let selection), .positiveSelection(let selection, _):
                    selection.markers.map(\.value.name)
                default: []
                }
            let insertion = StepInsertion(
                operation: operation.kind, markers: markers,
                beforeStepID: design.steps.indices.contains(index) ? design.steps[index].id.value : nil)
            return Inserted(description: description, steps: steps, index: index, insertion: insertion)
        }
        var result: [Inserted] = []
        if let marker = depletionMarker,
            !beforeTransfer.contains(where: { step in
                if case .depletion(let selection) = step.operation.value {
                    selection.markerSet.contains(Marker(normalising: marker))
                } else {
                    false
                }
            })
        {
            result.append(
                inserted(
                    "add a \(marker) depletion before step '\(stepID(at: index))'",
                    .depletion(.init(markers: [located(Marker(normalising: marker))], device: nil))))
        }
        if let markers = selectionMarkers, !beforeTransfer.contains(where: { $0.kind == .positiveSelection }) {
            result.append(
                inserted(
                    "add a \(markers.joined(separator: "/")) T-cell selection before step '\(stepID(at: index))'",
                    .positiveSelection(
                        .init(markers: markers.map { located(Marker(normalising: $0)) }, device: nil),
                        separateArms: nil)))
        }
        return result
    }

    /// Before the first activation or gene transfer: where a purge keeps malignant cells from the vector.
    private var insertionIndex: Int {
        design.steps.firstIndex { $0.kind == .activation || $0.kind.isGeneTransfer } ?? 0
    }

    /// The CAR's target if the malignant cells carry it, else a declared marker that T cells lack.
    private var depletionMarker: String? {
        guard let markers = design.startingMaterial.malignantMarkers?.map(\.value) else { return nil }
        let target = design.product.carTarget.value
        if markers.contains(target) { return target.name }
        let tCellMarkers = Set(estimator.catalogue.markerExpression["T"]?.keys.map { $0 } ?? [])
        return markers.first { !tCellMarkers.contains($0.name) }?.name
    }

    /// CD4 and CD8, or CD3, whichever the malignant cells do not carry.
    private var selectionMarkers: [String]? {
        let malignant = Set(design.startingMaterial.malignantMarkers?.map(\.value.name) ?? [])
        return [["CD4", "CD8"], ["CD3"]].first { malignant.isDisjoint(with: $0) }
    }

    private func centralLambda(_ steps: [Step]) -> Double {
        let balance = estimator.balance(design, steps: steps)
        return balance.lambda(at: balance.centralDraw).lambda
    }

    private func replaced(_ step: Step, with operation: UnitOperation) -> Step {
        Step(
            id: step.id, operation: Located(operation, at: step.operation.range), note: step.note,
            performance: step.performance, range: step.range, index: step.index)
    }

    private func stepID(at index: Int) -> String {
        design.steps.indices.contains(index) ? design.steps[index].id.value : "end"
    }

    private func located<T>(_ value: T) -> Located<T> { Located(value, at: SourceRange(at: .fileStart)) }
}
