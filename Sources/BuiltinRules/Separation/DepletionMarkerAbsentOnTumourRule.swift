import LintKit
import ProcessModel

/// A depletion aimed at malignant cells targets markers they do not carry.
struct DepletionMarkerAbsentOnTumourRule: Rule {
    let description = RuleDescription(
        id: "depletion-marker-absent-on-tumour",
        title: "Depletion marker absent from the malignant cells",
        defaultSeverity: .warning,
        rationale: """
            A depletion removes only the cells that carry its markers. Malignant cells can lose an antigen, \
            CD19 most notably after blinatumomab or an earlier CD19 CAR; a CD19 depletion then removes the \
            normal B cells and leaves every blast. A depletion on markers that T cells do not carry is meant \
            for something else than T cells; when none of its markers is on the malignant cells, it does not \
            purge them.
            """,
        references: [
            "Wiercinska E et al., Clin Hematol Int 2021;3:103 (CD19 depletion acts on CD19-positive cells only)"
        ],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: CD19 depletion against CD19-negative relapse
                product: {car_target: CD22, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}, malignant_markers: [CD22, CD10]}
                steps:
                  - {id: deplete, operation: ↓depletion, markers: [CD19]}
                  - {id: transduce, operation: transduction}
                """,
                message: "step 'deplete' depletes CD19, which the malignant cells do not carry: it leaves them all",
                fix: "deplete on a marker the malignant cells carry (CD10, CD22)")
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: CD19 depletion against CD19-positive blasts
                product: {car_target: CD22, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}, malignant_markers: [CD19, CD22]}
                steps:
                  - {id: deplete, operation: depletion, markers: [CD19]}
                  - {id: transduce, operation: transduction}
                """),
            RuleExample(
                """
                processlint: 1
                name: CD14 depletion of monocytes
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}, malignant_markers: [CD19]}
                steps:
                  - {id: deplete, operation: depletion, markers: [CD14]}
                  - {id: transduce, operation: transduction}
                """),
        ]
    )

    /// Markers of normal non-T populations a depletion may legitimately target (monocytes, granulocytes, NK cells).
    static let nonTumourTargets: Set<Marker> = Set(
        ["CD14", "CD15", "CD16", "CD56", "CD11B", "CD33", "CD25"].map(Marker.init(normalising:)))

    func check(_ context: LintContext) -> [Finding] {
        let design = context.design
        guard design.mayHoldMalignantCells,
            let carried = design.startingMaterial.malignantMarkers.map({ Set($0.map(\.value)) })
        else { return [] }
        return design.steps.compactMap { step in
            guard case .depletion(let selection) = step.operation.value else { return nil }
            let markers = selection.markerSet
            // Aimed at malignant cells: not a T-cell depletion, not a depletion of normal myeloid or NK cells.
            guard markers.isDisjoint(with: ProcessDesign.tCellMarkers), !markers.isSubset(of: Self.nonTumourTargets),
                markers.isDisjoint(with: carried)
            else { return nil }
            let names = markers.map(\.name).sorted().joined(separator: ", ")
            return Finding(
                "step '\(step.id.value)' depletes \(names), which the malignant cells do not carry: it leaves them all",
                at: step.operation.range,
                fix:
                    "deplete on a marker the malignant cells carry (\(carried.map(\.name).sorted().joined(separator: ", ")))"
            )
        }
    }
}
