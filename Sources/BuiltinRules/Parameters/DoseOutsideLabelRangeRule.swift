import LintKit
import ProcessModel
import ResidualModel

/// The file names the approved product it models, and its dose is outside that product's label range.
struct DoseOutsideLabelRangeRule: Rule {
    let description = RuleDescription(
        id: "dose-outside-label-range",
        title: "Dose outside the product's label range",
        defaultSeverity: .warning,
        rationale: """
            A file that models an approved product ('product.label') should infuse a dose its label allows: \
            the dose sets the share of the product a patient receives, and so the malignant cells infused and \
            every figure of the estimate. The label ranges are data (design-facts.json, each with its label \
            as source): Kymriah by weight band for B-ALL and flat for lymphoma, Yescarta and Tecartus a target \
            per kg with a maximum, Breyanzi and Abecma a flat range, Carvykti per kg with a maximum. A dose the \
            label states per kg is compared per kg, and with the file's body weight also in total; a dose that \
            cannot be converted without a body weight is compared only where it can be.
            """,
        references: [
            "Kymriah, Yescarta, Tecartus, Breyanzi, Abecma and Carvykti US prescribing information, section 2 (Dosage)"
        ],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: Kymriah dose past the adult B-ALL band
                product: {car_target: CD19, vector: lentiviral, label: kymriah}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction}
                dose: {car_t_cells: ↓5.0e8, body_weight_kg: 70}
                """,
                message:
                    "the dose is outside Kymriah's label for B-ALL over 50 kg: 5.0e8 cells in total is outside 1.0e7 to 2.5e8",
                fix: "give a dose within the label, or remove product.label if the process is not that product"),
            RuleExample(
                """
                processlint: 1
                name: Carvykti per kg above the label
                product: {car_target: BCMA, vector: lentiviral, label: carvykti}
                indication: multiple myeloma
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction}
                dose: {car_t_cells_per_kg: ↓2.0e6, body_weight_kg: 70}
                """),
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: Kymriah dose for a child
                product: {car_target: CD19, vector: lentiviral, label: kymriah}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction}
                dose: {car_t_cells_per_kg: 2.0e6, body_weight_kg: 25}
                """),
            RuleExample(
                """
                processlint: 1
                name: no label named
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction}
                dose: {car_t_cells: 5.0e9}
                """),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let design = context.design
        guard let label = design.product.label, let dose = design.dose,
            let stated = dose.carTCells ?? dose.carTCellsPerKilogram
        else { return [] }
        let facts = DesignFacts.bundled
        let name = label.value.rawValue.prefix(1).uppercased() + label.value.rawValue.dropFirst()
        guard let disease = design.disease, case let entries = facts.labelDoses(of: label.value, for: disease),
            !entries.isEmpty
        else {
            let covered = (facts.labelDoses[label.value.rawValue] ?? []).flatMap(\.indications)
            return [
                Finding(
                    "\(name)'s label, as the tool holds it, gives no dose for '\(design.indication.value)' (it gives one for "
                        + "\(covered.joined(separator: ", "))): the dose is not checked",
                    at: label.range,
                    fix:
                        "name the indication as the label does, or remove product.label if the process is not that product"
                )
            ]
        }
        let weight = dose.bodyWeightKilograms?.value
        let perKilogram =
            dose.carTCellsPerKilogram?.value ?? weight.flatMap { w in dose.carTCells.map { $0.value / w } }
        let total = dose.carTCells?.value ?? weight.flatMap { w in dose.carTCellsPerKilogram.map { $0.value * w } }
        // A weight band applies when the weight is known; without one, the band whose unit the file's dose is given in.
        let entry =
            entries.first { entry in
                if let weight { return entry.holds(bodyWeight: weight) }
                return dose.carTCellsPerKilogram != nil ? entry.perKilogram != nil : entry.total != nil
            } ?? entries[0]
        var problems: [String] = []
        if let range = entry.perKilogram, let perKilogram, !range.contains(perKilogram) {
            problems.append("\(FigureFormat.count(perKilogram)) per kg is outside \(Self.text(range)) per kg")
        }
        if let range = entry.total, let total, !range.contains(total) {
            problems.append("\(FigureFormat.count(total)) cells in total is outside \(Self.text(range))")
        }
        guard !problems.isEmpty else { return [] }
        let band =
            entry.maximumBodyWeightKilograms.map { " up to \(FigureFormat.plain($0)) kg" }
            ?? entry.minimumBodyWeightKilograms.map { " over \(FigureFormat.plain($0)) kg" } ?? ""
        return [
            Finding(
                "the dose is outside \(name)'s label for \(disease.name)\(band): " + problems.joined(separator: "; "),
                at: stated.range,
                related: [RelatedLocation("the product the file models", at: label.range)],
                fix: "give a dose within the label, or remove product.label if the process is not that product"
            )
        ]
    }

    /// A range as a label prints it: "0.1e8 to 2.5e8", "at most 2.0e8", "at least 5.0e7".
    static func text(_ range: DesignFacts.DoseRange) -> String {
        switch (range.minimum, range.maximum) {
        case (let low?, let high?): "\(FigureFormat.count(low)) to \(FigureFormat.count(high))"
        case (nil, let high?): "at most \(FigureFormat.count(high))"
        case (let low?, nil): "at least \(FigureFormat.count(low))"
        case (nil, nil): "any dose"
        }
    }
}
