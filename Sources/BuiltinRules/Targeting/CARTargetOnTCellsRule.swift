import LintKit
import ProcessModel
import ResidualModel

/// The CAR's target is on T cells, so the CAR T cells kill each other, and the product states no edit or blocker of it.
struct CARTargetOnTCellsRule: Rule {
    let description = RuleDescription(
        id: "car-target-on-t-cells",
        title: "CAR target on T cells, neither edited nor blocked",
        defaultSeverity: .warning,
        rationale: """
            When the CAR's target is on T cells themselves (CD7, CD5, CD3, CD2, CD38 and the others the \
            catalogue's marker expression gives T cells), the CAR T cells bind each other and kill each other \
            (fratricide). How much depends on the antigen. A CD7 CAR impaired the expansion of the transduced \
            T cells until CD7 was knocked out or held inside the cell by a protein expression blocker, and CD3 \
            CAR T cells were viable only after their TCR-CD3 complex was disrupted: without an edit or a \
            blocker such a product is an error. CD5 CAR T cells lose CD5 and expand with limited, transient \
            fratricide, and the evidence for CD38 is mixed: a warning, to say which strategy the product relies \
            on. A product states its knockouts in 'product.edits' and a blocker in 'product.target_blocker'.
            """,
        references: [
            "Gomes-Silva D et al., Blood 2017;130(3):285, DOI 10.1182/blood-2017-01-761320 (CD7 edited before CD7 CAR transduction)",
            "Png YT et al., Blood Adv 2017;1(25):2348 (a CD7 protein expression blocker prevents fratricide)",
            "Mamonkin M et al., Blood 2015;126(8):983, DOI 10.1182/blood-2015-02-629527 (CD5 CAR: limited, transient fratricide)",
            "Rasaiyaah J et al., JCI Insight 2018 (CD3 CAR T cells viable only after TCR-CD3 disruption)",
            "Cooper ML et al., Leukemia 2018;32(9):1970 (UCART7: CD7 and TRAC deleted)",
            "Blood Adv 2023;7(16):4418 (CD38 CAR T cells expanded despite CD38 on activated T cells)",
        ],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: CD7 CAR, CD7 neither edited nor blocked
                product: {car_target: ↓CD7, vector: lentiviral}
                indication: T-ALL
                starting_material: {kind: leukapheresis, donor: allogeneic, composition: {T: 0.4, malignant: 0}}
                steps:
                  - {id: transduce, operation: transduction}
                """,
                message:
                    "the CAR's target CD7 is on about 90% of T cells: CD7 CAR T cells kill each other and fail to expand, and the product states no edit or blocker of CD7",
                fix: "add CD7 to product.edits, or block its surface expression (product.target_blocker: CD7)"),
            RuleExample(
                """
                processlint: 1
                name: CD5 CAR, no edit
                product: {car_target: ↓CD5, vector: lentiviral, edits: [TRAC]}
                indication: T-ALL
                starting_material: {kind: leukapheresis, donor: allogeneic, composition: {T: 0.4, malignant: 0}}
                steps:
                  - {id: transduce, operation: transduction}
                """),
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: CD7 CAR with CD7 knocked out
                product: {car_target: CD7, vector: lentiviral, edits: [CD7, TRAC]}
                indication: T-ALL
                starting_material: {kind: leukapheresis, donor: allogeneic, composition: {T: 0.4, malignant: 0}}
                steps:
                  - {id: transduce, operation: transduction}
                """),
            RuleExample(
                """
                processlint: 1
                name: CD7 CAR with a CD7 expression blocker
                product: {car_target: CD7, vector: lentiviral, target_blocker: CD7}
                indication: T-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0}}
                steps:
                  - {id: transduce, operation: transduction}
                """),
            RuleExample(
                """
                processlint: 1
                name: CD19 CAR
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0}}
                steps:
                  - {id: transduce, operation: transduction}
                """),
        ]
    )

    /// CD3 leaves the surface with the T-cell receptor it carries, so a TCR knockout removes it too.
    static let cd3 = Marker(normalising: "CD3")

    func check(_ context: LintContext) -> [Finding] {
        let product = context.design.product
        let target = product.carTarget.value
        let facts = DesignFacts.bundled.tCellAntigens[target.name]
        let fraction = context.catalogue.markerExpression["T"]?[target.name]?.central
        guard facts != nil || (fraction ?? 0) > 0 else { return [] }
        let edited = product.edits.contains {
            $0.value.removedMarker == target || (target == Self.cd3 && $0.value.disruptsTCR)
        }
        guard !edited, product.targetBlocker?.value != target else { return [] }
        let share =
            fraction.map {
                $0 >= 1 ? "on essentially all T cells" : "on about \(Int(($0 * 100).rounded()))% of T cells"
            }
            ?? "on part of the T cells"
        let (consequence, severity): (String, Severity?) =
            switch facts?.fratricide {
            case .preventsExpansion?: ("\(target) CAR T cells kill each other and fail to expand", .error)
            case .selfLimiting?:
                ("\(target) CAR T cells kill some of each other; published products expanded regardless", nil)
            case nil:
                ("the CAR T cells can kill each other, and the tool holds no study of how a \(target) CAR fares", nil)
            }
        let knockout =
            target == Self.cd3
            ? "add TRAC or CD3E to product.edits"
            : GeneEdit.allCases.first { $0.removedMarker == target }.map { "add \($0.rawValue) to product.edits" }
                ?? "knock \(target)'s gene out"
        return [
            Finding(
                "the CAR's target \(target) is \(share): \(consequence), and the product states no edit or blocker of \(target)",
                at: product.carTarget.range,
                fix: "\(knockout), or block its surface expression (product.target_blocker: \(target))",
                severity: severity
            )
        ]
    }
}
