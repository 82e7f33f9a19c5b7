/// The field reference of format 1 as Markdown tables, generated from `FormatSchema` for
/// `docs/format.md` (a test fails when the copy there is stale).
public enum FormatReference {
    public static func markdown() -> String {
        var sections: [String] = []
        sections.append(table("Top level", FormatSchema.process.fields))
        sections.append(table("`product`", FormatSchema.product.fields))
        sections.append(table("`starting_material`", FormatSchema.startingMaterial.fields))
        sections.append(
            table(
                "`starting_material.composition`", FormatSchema.composition.fields,
                note: "The fractions must add up to at most 1 (0.005 allowed for rounding)."))
        sections.append(
            table(
                "`starting_material.malignant_marker_negative` entries", FormatSchema.markerNegative.fields,
                note: "Each marker must be listed in `malignant_markers`, once. The share that lacks it escapes a "
                    + "depletion on it, is carried over by a selection on it and, for the CAR's target, escapes the "
                    + "CAR; the estimate reports that share of the malignant cells in the dose."))
        sections.append(
            table(
                "`dose`", FormatSchema.dose.fields,
                note: "Give exactly one of `car_t_cells` and `car_t_cells_per_kg`; with a per-kg dose, give "
                    + "`body_weight_kg` too (the estimate otherwise assumes 70 kg, and `lint` says so)."))
        if case .choiceOrObject(let choices, _, let object, _) = FormatSchema.releaseTest {
            sections.append(
                table(
                    "`release_tests` entries", object.fields,
                    note: "An entry is a test name, or a mapping with `test` and its limits. `min` may not be above "
                        + "`max`. Each test's limits have their own unit and range (below); a pass/fail test takes none."
                ))
            sections.append(releaseTestTable(choices))
            sections.append(
                table(
                    "`detection` of a `residual-malignant-cells` test", FormatSchema.detection.fields,
                    note: "Give exactly one of `limit_of_detection` and `acquired_events`; `events` may not be above "
                        + "`acquired_events`. The estimate treats the test as Poisson sampling of malignant events "
                        + "and gives the chance that a lot carrying a CAR-carrying malignant cell passes it."))
        }
        sections.append(table("Every step", FormatSchema.step.common))
        sections.append(
            table(
                "`alternatives` entries of a step", FormatSchema.alternative.common,
                note: "Each entry is an operation with the same keys it takes as a step (below), and its own "
                    + "`performance` figures. The step's own `operation` is what the rules read; the estimate reports "
                    + "λ and P for every choice and the bracket they span, and `residual-tumour-risk` judges the design "
                    + "by the worst and names it."))
        sections.append(operationsTable())
        sections.append(
            choiceTable(
                "Performance figures (`performance:` in a step, with a `source`)",
                PerformanceFigure.choices, bounds: { PerformanceFigure(rawValue: $0)?.bounds }))
        sections.append(choiceTable("Vectors (`product.vector`)", VectorKind.choices))
        sections.append(choiceTable("Activation reagents (`reagent`)", ActivationReagent.choices))
        sections.append(choiceTable("Starting material kinds (`starting_material.kind`)", StartingMaterialKind.choices))
        sections.append(choiceTable("Donors (`starting_material.donor`)", DonorKind.choices))
        sections.append(choiceTable("Gene edits (`product.edits`)", GeneEdit.choices))
        sections.append(choiceTable("Product labels (`product.label`)", ProductLabel.choices))
        return sections.joined(separator: "\n")
    }

    /// One mapping's keys as a Markdown table under a heading: key, required, value, meaning.
    public static func table(_ title: String, _ fields: [Field], note: String? = nil) -> String {
        var lines = ["#### \(title)", "", "| key | required | value | meaning |", "|---|---|---|---|"]
        for field in fields {
            lines.append(
                "| `\(field.name)` | \(field.isRequired ? "yes" : "no") | \(describe(field.shape)) | \(field.summary) |"
            )
        }
        if let note { lines += ["", note] }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func releaseTestTable(_ choices: [Choice]) -> String {
        var lines = ["#### Release tests", "", "| value | meaning | limits (`min`, `max`) |", "|---|---|---|"]
        for choice in choices {
            let limit = ReleaseTestKind(rawValue: choice.value)?.limit
            lines.append(
                "| `\(choice.value)` | \(choice.summary) | "
                    + (limit.map { "\($0.unit), \($0.bounds.phrase)" } ?? "none: pass/fail") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func operationsTable() -> String {
        var lines = [
            "#### Operations (`operation` of a step) and their keys", "",
            "| operation | what it is | keys | performance figures |", "|---|---|---|---|",
        ]
        for kind in OperationKind.allCases {
            let keys = FormatSchema.parameters(of: kind)
                .map { "`\($0.name)`\($0.isRequired ? " (required)" : ""): \(describe($0.shape))" }
            lines.append(
                "| `\(kind.rawValue)` | \(kind.summary) | \(keys.isEmpty ? "none" : keys.joined(separator: "; ")) | "
                    + kind.performanceFigures.map { "`\($0.rawValue)`" }.joined(separator: ", ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Allowed values as a Markdown table under a heading: value, meaning (and range, when `bounds` gives one).
    public static func choiceTable(
        _ title: String, _ choices: [Choice], bounds: (String) -> NumberBounds? = { _ in nil }
    ) -> String {
        var lines = ["#### \(title)", "", "| value | meaning |", "|---|---|"]
        for choice in choices {
            let range = bounds(choice.value).map { " (\($0.phrase))" } ?? ""
            lines.append("| `\(choice.value)` | \(choice.summary)\(range) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ shape: Shape) -> String {
        switch shape {
        case .text(.prose): "text"
        case .text(.identifier): "identifier (letters, digits, `-`, `_`, `.`)"
        case .number(let bounds): "number, \(bounds.phrase)"
        case .integer(let allowed): allowed.map(String.init).joined(separator: " or ")
        case .boolean: "`true` or `false`"
        case .choice(let choices, _):
            choices.count > 6 ? "one of the values below" : choices.map { "`\($0.value)`" }.joined(separator: ", ")
        case .marker: "marker, e.g. `CD19`"
        case .list(let item, let constraints):
            "list of \(describe(item))\(constraints.minimumCount > 0 ? ", at least \(constraints.minimumCount)" : "")"
        case .object: "mapping, see below"
        case .tagged(let tagged): "\(tagged.noun) mappings, see below"
        case .choiceOrObject: "test name or mapping"
        case .dictionary(_, let value): "mapping of names to \(describe(value))"
        }
    }
}
