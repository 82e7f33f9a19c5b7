import LintKit
import ProcessModel

/// A transposon product has no copy-number limit, or one above the configured maximum.
struct TransposonCopyNumberRule: Rule {
    /// The highest copy-number limit accepted for a transposon product, copies per cell.
    static let maximum = RuleOption(
        "maximum", default: 5, bounds: NumberBounds(minimum: 0, minimumIsExclusive: true),
        // assumption: no transposon-specific limit was found; the common viral release limit (below 5 copies per
        // transduced cell, CD20 CAR trial, PMC11461191, Table 1) is carried over.
        "highest transgene copy number limit accepted for a transposon product, copies per cell (default 5: assumption, "
            + "the viral-vector practice carried over)"
    )

    let description = RuleDescription(
        id: "transposon-copy-number",
        title: "Transposon copy number unlimited or above the limit",
        defaultSeverity: .warning,
        rationale: """
            A transposon can insert many copies into one cell, and each copy is a chance of insertional harm. \
            The first lymphoma from a piggyBac CD19 CAR-T product carried a high transgene copy number. A \
            transposon product needs a copy-number test with a limit; no transposon-specific limit is published \
            in what was checked, so the default maximum carries over the viral practice (below 5 copies per \
            transduced cell) and is marked an assumption: set 'maximum' to the product's validated limit.
            """,
        references: [
            "Micklethwaite KP et al., Blood 2021;138(16):1391 (high transgene copy number in the first lymphoma)",
            "CD20 CAR trial release specification (PMC11461191), Table 1: VCN below 5 copies per transduced cell (viral vector)",
        ],
        options: [maximum],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: transposon, limit of 10
                product: {car_target: CD19, vector: transposon}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: electroporate, operation: electroporation}
                release_tests: [{test: vcn, max: ↓10}]
                """,
                message: "transposon copy-number limit 10 is above 5 copies per cell",
                fix: "lower the limit to 5 or justify it"),
            RuleExample(
                """
                processlint: 1
                name: transposon, no copy-number test
                product: {car_target: CD19, vector: transposon}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: electroporate, operation: electroporation}
                release_tests: ↓[sterility]
                """),
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: a site that validated 10 copies
                product: {car_target: CD19, vector: transposon}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: electroporate, operation: electroporation}
                release_tests: [{test: vcn, max: 10}]
                """,
                options: ["maximum": 10]),
            RuleExample(
                """
                processlint: 1
                name: transposon, limit of 5
                product: {car_target: CD19, vector: transposon}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: electroporate, operation: electroporation}
                release_tests: [{test: vcn, max: 5}]
                """),
            RuleExample(
                """
                processlint: 1
                name: lentiviral (vcn-limit's business)
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction}
                release_tests: [{test: vcn, max: 10}]
                """),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let design = context.design
        guard design.product.vector.value == .transposon else { return [] }
        let maximum = context.option(Self.maximum)
        guard let test = design.releaseTest(.vcn) else {
            return [
                Finding(
                    "the transposon product has no copy-number test ('vcn')", at: design.releaseTestsAnchor,
                    fix: "add {test: vcn, max: \(FigureFormat.plain(maximum))} to release_tests")
            ]
        }
        guard let limit = test.maximum else {
            return [
                Finding(
                    "the transposon copy-number test has no limit", at: test.kind.range,
                    fix: "state the limit: {test: vcn, max: \(FigureFormat.plain(maximum))}")
            ]
        }
        guard limit.value > maximum else { return [] }
        return [
            Finding(
                "transposon copy-number limit \(FigureFormat.plain(limit.value)) is above \(FigureFormat.plain(maximum)) copies per cell",
                at: limit.range, fix: "lower the limit to \(FigureFormat.plain(maximum)) or justify it")
        ]
    }
}
