extension FormatSchema {
    /// A step: common fields, then the parameters of its operation.
    static let step = TaggedShape(
        key: "operation",
        common: [
            .required("id", .text(.identifier), "identifier of the step, unique in the process; findings name it"),
            .required("operation", .choice(OperationKind.choices), "kind of unit operation"),
            .optional("note", .text(.prose), "free text about the step"),
            .optional(
                "alternatives", .list(of: .tagged(alternative), constraints: .nonEmpty),
                "other operations the step may be, when its chemistry is not public or not chosen yet: each a mapping with "
                    + "'operation' and its keys; the estimate reports every choice, and lint judges the design by the worst"
            ),
        ],
        variants: operationVariants
    )

    /// One operation a step may be instead of its own (an entry of `alternatives`): an operation and its keys,
    /// without an id (it is the step's) or alternatives of its own.
    static let alternative = TaggedShape(
        key: "operation",
        common: [
            .required("operation", .choice(OperationKind.choices), "kind of unit operation"),
            .optional("note", .text(.prose), "free text about this alternative: what it is and where it comes from"),
        ],
        variants: operationVariants,
        noun: "alternative"
    )

    /// Each operation's own keys, with its performance figures.
    private static let operationVariants = OperationKind.allCases.map { kind in
        TaggedShape.Variant(
            choice: Choice(kind.rawValue, kind.summary, synonyms: kind.synonyms),
            fields: parameters(of: kind) + [
                .optional(
                    "performance", .object(performance(of: kind)),
                    "figures measured for this step that replace the catalogue's; needs a source")
            ])
    }

    /// The parameters a step of this kind may state, besides its id, note and performance figures.
    public static func parameters(of kind: OperationKind) -> [Field] {
        let device = Field.optional("device", .text(.prose), "instrument or kit, e.g. CliniMACS Prodigy")
        let markers = Field.required(
            "markers", .list(of: .marker, constraints: ListConstraints(minimumCount: 1, uniqueBy: ".")),
            kind == .depletion ? "markers of the cells to remove" : "markers of the cells to keep"
        )
        let cytokines = Field.optional(
            "cytokines", .list(of: .text(.prose), constraints: .any),
            "cytokines in the medium, e.g. [IL-2] or [IL-7, IL-15]")
        let payload = Field.optional(
            "payload", .choice([VectorKind.transposon, .mRNA].map { Choice($0.rawValue, $0.summary) }),
            "what is delivered; defaults to the product's vector"
        )
        switch kind {
        case .densityGradient:
            return [.optional("medium", .text(.prose), "gradient medium, e.g. Ficoll-Paque")]
        case .elutriation, .beadRemoval:
            return [device]
        case .adherence:
            // Monocytes adhere within an hour or two; after a week a culture is no longer an adherence step.
            return [.optional("hours", .number(.between(0, 168)), "time the cells are left to adhere")]
        case .positiveSelection:
            return [
                markers, device,
                .optional(
                    "separate_arms", .boolean,
                    "each marker is selected from its own share of the material and processed in its own arm until "
                        + "formulation (e.g. separate CD4 and CD8 components)"
                ),
            ]
        case .depletion:
            return [markers, device]
        case .activation:
            return [.required("reagent", .choice(ActivationReagent.choices), "activation reagent"), cytokines]
        case .transduction:
            return [
                .optional(
                    "vector",
                    .choice([VectorKind.lentiviral, .gammaRetroviral].map { Choice($0.rawValue, $0.summary) }),
                    "viral vector used; defaults to the product's vector"),
                .optional(
                    "moi", .number(NumberBounds(minimum: 0, maximum: 1000, minimumIsExclusive: true)),
                    "multiplicity of infection, vector units per cell"),
            ]
        case .electroporation, .transfection:
            return [payload, device]
        case .expansion:
            return [.required("days", .number(.between(0, 60)), "days in culture"), device, cytokines]
        case .wash, .harvest, .formulation, .thaw:
            return []
        case .cryopreservation:
            return [.optional("dmso_percent", .number(.between(0, 100)), "DMSO in the freezing medium, percent v/v")]
        case .hold:
            return [
                // A frozen product may be stored for years; ten years (87,600 hours) is past any shelf life claimed.
                .optional("hours", .number(.between(0, 87_600)), "length of the hold"),
                .optional("temperature_c", .number(.between(-200, 45)), "temperature of the hold, degrees Celsius"),
            ]
        }
    }

    static func performance(of kind: OperationKind) -> ObjectShape {
        ObjectShape(
            [.required("source", .text(.prose), "where the figures come from: a validation report, a paper with DOI")]
                + kind.performanceFigures.map { .optional($0.rawValue, .number($0.bounds), $0.summary) },
            requiresOneOf: [kind.performanceFigures.map(\.rawValue)]
        )
    }
}
