import LintKit
import ProcessModel

/// A product with an integrating vector or a transposon lists no integration-site or clonality test.
struct IntegrationSiteTestingMissingRule: Rule {
    let description = RuleDescription(
        id: "integration-site-testing-missing",
        title: "No integration-site or clonality test",
        defaultSeverity: .note,
        rationale: """
            Every cell that takes up an integrating vector or a transposon carries it at a new place in its \
            genome, and an insertion can help a cell grow out of control. Two CAR-positive T-cell lymphomas \
            followed a piggyBac transposon CD19 CAR-T trial, the first with a high transgene copy number, and \
            since 2024 a boxed warning on every approved CD19 and BCMA CAR-T covers T-cell malignancies, \
            CAR-positive ones among them. An integration-site analysis or a clonality test, at release or in \
            the product's characterisation, is what shows a dominant clone or an insertion near an oncogene. \
            The finding is a warning for transposon products, where the record is, and a note for viral vectors.
            """,
        references: [
            "Micklethwaite KP et al., Blood 2021;138(16):1391 (product-derived lymphoma after piggyBac-modified CD19 CAR T cells)",
            "Bishop DC et al., 2021, the trial's clinical report, as discussed with Micklethwaite 2021 in Schambach A, Morgan M, "
                + "Fehse B, Mol Ther 2021;29(9):2631, DOI 10.1016/j.ymthe.2021.08.013",
            "FDA, Boxed warning for T cell malignancies following BCMA-directed or CD19-directed autologous CAR T cell immunotherapies "
                + "(safety communication November 2023; page of 18 April 2024)",
        ],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: transposon, no integration-site test
                product: {car_target: CD19, vector: transposon}
                indication: B-ALL
                starting_material: {kind: leukapheresis, donor: allogeneic, composition: {T: 0.4, malignant: 0}}
                steps:
                  - {id: electroporate, operation: electroporation}
                release_tests: ↓[sterility, {test: vcn, max: 5}]
                """,
                message:
                    "the product integrates a transposon payload, and no integration-site analysis or clonality test is listed",
                fix:
                    "add 'integration-site-analysis' or 'clonality' to release_tests (at release or as characterisation)"
            ),
            RuleExample(
                """
                processlint: 1
                name: lentiviral, no list at all
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction}
                release_tests: ↓[]
                """),
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: transposon with integration sites
                product: {car_target: CD19, vector: transposon}
                indication: B-ALL
                starting_material: {kind: leukapheresis, donor: allogeneic, composition: {T: 0.4, malignant: 0}}
                steps:
                  - {id: electroporate, operation: electroporation}
                release_tests: [sterility, integration-site-analysis]
                """),
            RuleExample(
                """
                processlint: 1
                name: mRNA, nothing integrates
                product: {car_target: CD19, vector: mrna}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: electroporate, operation: electroporation}
                release_tests: [sterility]
                """),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let design = context.design
        let vector = design.product.vector.value
        guard vector.integrates, design.releaseTest(.integrationSiteAnalysis) == nil,
            design.releaseTest(.clonality) == nil
        else { return [] }
        return [
            Finding(
                "the product integrates a \(vector.rawValue) payload, and no integration-site analysis or clonality test is listed",
                at: design.releaseTestsAnchor,
                fix:
                    "add 'integration-site-analysis' or 'clonality' to release_tests (at release or as characterisation)",
                severity: vector == .transposon ? .warning : nil
            )
        ]
    }
}
