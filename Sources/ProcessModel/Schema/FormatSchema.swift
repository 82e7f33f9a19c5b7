/// Format 1 of the process file, as data: the single definition the loader validates against,
/// `processlint schema` emits as JSON Schema, and `docs/format.md` documents.
public enum FormatSchema {
    /// The format version this build reads.
    public static let version = 1

    /// The whole process file.
    public static let process = ObjectShape([
        .required("processlint", .integer(allowed: [version]), "format version of the file; must be 1"),
        .required("name", .text(.prose), "name of the process"),
        .optional("description", .text(.prose), "free text: what the process is and where it comes from"),
        .required("product", .object(product), "the product being made"),
        .required("indication", .text(.prose), "disease the product treats, e.g. B-ALL, DLBCL, MCL, multiple myeloma"),
        .required("starting_material", .object(startingMaterial), "what the process starts from"),
        .required(
            "steps", .list(of: .tagged(step), constraints: ListConstraints(minimumCount: 1, uniqueBy: "id")),
            "the unit operations, in the order they are performed"),
        .optional("dose", .object(dose), "the dose infused, which decides the share of the product a patient receives"),
        .optional(
            "release_tests", .list(of: releaseTest, constraints: ListConstraints(uniqueBy: "test")),
            "tests the final product must pass before release, with limits where they have one"),
    ])

    static let product = ObjectShape([
        .required("car_target", .marker, "antigen the CAR binds, e.g. CD19, BCMA"),
        .required("vector", .choice(VectorKind.choices), "how the CAR gene is put into the cells"),
        .optional(
            "label", .choice(ProductLabel.choices),
            "the approved product this process models, so its file is held to the product's label (dose range)"),
        .optional(
            "edits", .list(of: .choice(GeneEdit.choices), constraints: ListConstraints(uniqueBy: ".")),
            "genes knocked out in the product's T cells, e.g. [TRAC, CD7]"),
        .optional(
            "target_blocker", .marker,
            "an antigen whose surface expression the product blocks without editing its gene (a protein expression blocker), e.g. CD7"
        ),
        .optional(
            "tcr_intact_reason", .text(.prose),
            "why an allogeneic product keeps its T-cell receptor, e.g. virus-specific T cells from a matched donor"),
        .optional(
            "lymphodepletion", .text(.prose),
            "what the patient receives before infusion, e.g. fludarabine, cyclophosphamide and alemtuzumab"),
    ])

    static let startingMaterial = ObjectShape([
        .required("kind", .choice(StartingMaterialKind.choices), "kind of starting material"),
        .optional(
            "donor", .choice(DonorKind.choices),
            "whose cells: autologous (the patient's, the default) or allogeneic (a healthy donor's)"),
        .optional("cryopreserved", .boolean, "whether the starting material is frozen before processing"),
        // A large-volume leukapheresis collects a few times 1e10 nucleated cells; a whole adult body holds about 3e13
        // cells, most of them red cells without a nucleus, so 1e13 nucleated cells cannot be collected.
        .optional(
            "total_nucleated_cells", .number(NumberBounds(minimum: 0, maximum: 1e13, minimumIsExclusive: true)),
            "nucleated cells collected, e.g. 1.0e10"),
        .optional(
            "composition", .object(composition),
            "fraction of nucleated cells in each population; fractions add up to at most 1"),
        .optional(
            "malignant_markers", .list(of: .marker, constraints: ListConstraints(uniqueBy: ".")),
            "markers the malignant cells carry, e.g. [CD19, CD10, CD34]; a marker they lack must not be listed"),
        .optional(
            "malignant_marker_negative",
            .list(of: .object(markerNegative), constraints: ListConstraints(uniqueBy: "marker")),
            "shares of the malignant cells that lack a marker listed in 'malignant_markers' (a target-negative "
                + "subclone, e.g. after blinatumomab): [{marker: CD19, fraction: 0.15}]"),
    ])

    /// One marker that a share of the malignant cells lacks: a subclone that lost it (CD19 after blinatumomab or a
    /// CD19 CAR). A share of 0 or 1 is said otherwise (list the marker, or leave it out), so both ends are excluded.
    static let markerNegative = ObjectShape([
        .required("marker", .marker, "a marker listed in 'malignant_markers'"),
        .required(
            "fraction",
            .number(NumberBounds(minimum: 0, maximum: 1, minimumIsExclusive: true, maximumIsExclusive: true)),
            "share of the malignant cells that lack it, e.g. 0.15"),
    ])

    static let composition = ObjectShape(
        Population.allCases.map { .optional($0.rawValue, .number(.fraction), $0.summary) },
        sumAtMost: 1
    )

    static let dose = ObjectShape(
        [
            // About 1e12 cells weigh a kilogram; approved doses are near 1e8 (DOMAIN.md), and no infusion holds a kilogram of cells.
            .optional(
                "car_t_cells", .number(NumberBounds(minimum: 0, maximum: 1e12, minimumIsExclusive: true)),
                "CAR-positive T cells infused, e.g. 1.0e8"),
            // Per-kg doses are near 1e6; 1e10 per kg would be most of a kilogram of cells for an adult.
            .optional(
                "car_t_cells_per_kg", .number(NumberBounds(minimum: 0, maximum: 1e10, minimumIsExclusive: true)),
                "CAR-positive T cells infused per kg of body weight"),
            .optional(
                "body_weight_kg", .number(NumberBounds(minimum: 0, maximum: 300, minimumIsExclusive: true)),
                "body weight the per-kg dose is computed for"),
        ],
        // Both at once would leave the tool to choose one silently.
        exactlyOneOf: ["car_t_cells", "car_t_cells_per_kg"]
    )

    static let releaseTest = Shape.choiceOrObject(
        choices: ReleaseTestKind.choices,
        key: "test",
        object: ObjectShape(
            [
                .required("test", .choice(ReleaseTestKind.choices), "which test"),
                .optional(
                    "max", .number(.between(0, 1e12)), "upper limit of the specification, in the test's unit (below)"),
                .optional(
                    "min", .number(.between(0, 1e12)), "lower limit of the specification, in the test's unit (below)"),
                .optional("method", .text(.prose), "assay used, e.g. qPCR, flow cytometry"),
                detectionField,
            ], ordered: [.minAtMostMax]),
        variants: Dictionary(uniqueKeysWithValues: ReleaseTestKind.allCases.map { ($0.rawValue, releaseTestShape($0)) })
    )

    /// A release test's mapping: its limits in its own unit and range, or none for a pass/fail test.
    static func releaseTestShape(_ kind: ReleaseTestKind) -> ObjectShape {
        let test = Field.required("test", .choice(ReleaseTestKind.choices), "which test")
        let method = Field.optional("method", .text(.prose), "assay used, e.g. qPCR, flow cytometry")
        // Only a test for residual malignant cells has a limit of detection the estimate can judge.
        let detection = [
            "detection":
                "'detection' (a method's limit of detection) is stated for 'residual-malignant-cells' only; "
                + "'\(kind.rawValue)' takes 'method'"
        ]
        guard let limit = kind.limit else {
            let reason =
                "'\(kind.rawValue)' is a pass/fail test: it takes no numeric limit; write it as a name, or give only 'method'"
            return ObjectShape([test, method], refusals: ["min": reason, "max": reason].merging(detection) { $1 })
        }
        return ObjectShape(
            [
                test,
                .optional("max", .number(limit.bounds), "upper limit, \(limit.unit)"),
                .optional("min", .number(limit.bounds), "lower limit, \(limit.unit)"),
                method,
            ] + (kind == .residualMalignantCells ? [detectionField] : []), ordered: [.minAtMostMax],
            refusals: kind == .residualMalignantCells ? [:] : detection)
    }

    static let detectionField = Field.optional(
        "detection", .object(detection),
        "residual-malignant-cells only: the method's limit of detection, as a fraction or as events in a number of "
            + "acquired events; the estimate gives the chance that a lot carrying a CAR-carrying malignant cell passes")

    /// What a method for residual malignant cells can see: a fraction, or events among acquired events (flow
    /// cytometry acquires cells; qPCR or ddPCR for a clonal marker reads genome equivalents). Either way the
    /// estimate treats the test as Poisson sampling of malignant events (docs/estimate.md).
    static let detection = ObjectShape(
        [
            .optional(
                "limit_of_detection",
                .number(NumberBounds(minimum: 0, maximum: 1, minimumIsExclusive: true)),
                "fraction of cells the method detects in 95% of tests (CLSI EP17), e.g. 1.0e-4"),
            // A flow cytometer acquires up to about 1e7 cells per tube and a qPCR or ddPCR for a clonal marker reads
            // about 1e6 genome equivalents (a few micrograms of DNA); 1e9 cells would consume a dose.
            .optional(
                "acquired_events",
                .number(NumberBounds(minimum: 0, maximum: 1e9, minimumIsExclusive: true)),
                "cells (flow cytometry) or genome equivalents (qPCR, ddPCR) the method reads per test, e.g. 1.0e6"),
            .optional(
                "events", .number(NumberBounds(minimum: 1, maximum: 1e6)),
                "malignant events the method needs to call a test positive, e.g. 20 for a flow cluster; 1 when "
                    + "not given"),
        ],
        exactlyOneOf: ["limit_of_detection", "acquired_events"],
        ordered: [OrderedPair("events", atMost: "acquired_events")]
    )
}
