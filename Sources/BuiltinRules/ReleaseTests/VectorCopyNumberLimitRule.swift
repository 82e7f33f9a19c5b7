import LintKit
import ProcessModel

/// The vector copy number limit is missing, or above the highest a site accepts (5 copies per transduced cell unless
/// its configuration sets another).
struct VectorCopyNumberLimitRule: Rule {
    /// The highest limit accepted, in copies per transduced cell.
    static let maximum = RuleOption(
        "maximum", default: 5, bounds: NumberBounds(minimum: 0, minimumIsExclusive: true),
        "highest vector copy number limit accepted, copies per transduced cell")

    let description = RuleDescription(
        id: "vcn-limit",
        title: "Vector copy number limit missing or above the accepted maximum",
        defaultSeverity: .warning,
        rationale: """
            Each integrated copy of the vector is a chance of insertional mutagenesis. Published CAR-T release \
            specifications commonly cap the vector copy number below 5 copies per transduced cell; a higher \
            limit, or none, needs a justification.
            """,
        references: [
            "CD20 CAR trial release specification (PMC11461191), Table 1: VCN below 5 copies per transduced cell",
            "ARI-0001 release specification (PMC6319086), Table 2: VCN at most 10 copies per cell",
        ],
        options: [maximum],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: limit of 10
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction}
                release_tests: [{test: vcn, max: ↓10}]
                """,
                message: "vector copy number limit 10 is above 5 copies per transduced cell",
                fix: "lower the limit to 5 or justify it"),
            RuleExample(
                """
                processlint: 1
                name: no limit
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction}
                release_tests: [↓vcn]
                """,
                options: ["maximum": 3],
                message: "the vector copy number test has no limit",
                fix: "state the limit: {test: vcn, max: 3}"),
            RuleExample(
                """
                processlint: 1
                name: a site that accepts at most 3
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction}
                release_tests: [{test: vcn, max: ↓5}]
                """,
                options: ["maximum": 3],
                message: "vector copy number limit 5 is above 3 copies per transduced cell",
                fix: "lower the limit to 3 or justify it"),
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: limit of 5
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction}
                release_tests: [{test: vcn, max: 5}]
                """),
            RuleExample(
                """
                processlint: 1
                name: a site that accepts up to 10
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction}
                release_tests: [{test: vcn, max: 10}]
                """,
                options: ["maximum": 10]),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        // Transposon products have their own rule (transposon-copy-number), with its own maximum.
        guard context.design.product.vector.value.isViral, let test = context.design.releaseTest(.vcn) else {
            return []
        }
        let maximum = context.option(Self.maximum)
        guard let limit = test.maximum else {
            return [
                Finding(
                    "the vector copy number test has no limit", at: test.kind.range,
                    fix: "state the limit: {test: vcn, max: \(FigureFormat.plain(maximum))}")
            ]
        }
        guard limit.value > maximum else { return [] }
        return [
            Finding(
                "vector copy number limit \(FigureFormat.plain(limit.value)) is above \(FigureFormat.plain(maximum)) copies per transduced cell",
                at: limit.range, fix: "lower the limit to \(FigureFormat.plain(maximum)) or justify it")
        ]
    }
}
