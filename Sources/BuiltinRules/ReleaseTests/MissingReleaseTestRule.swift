import LintKit
import ProcessModel

/// A release test the product needs is not listed.
struct MissingReleaseTestRule: Rule {
    let description = RuleDescription(
        id: "missing-release-test",
        title: "Missing release test",
        defaultSeverity: .warning,
        rationale: """
            A product is released only on tests that show it is safe, is what it claims, and works. These are \
            safety (sterility, mycoplasma, endotoxin; replication-competent virus for viral vectors), identity, \
            potency, viability and purity; a product made with an integrating viral \
            vector also needs its vector copy number, one activated on magnetic beads a residual-bead count, and \
            one made from material that can hold malignant cells a residual-malignant-cell assay. Missing safety \
            tests are errors.
            """,
        references: [
            "Wang X, Rivière I, Mol Ther Oncolytics 2016 (PMC4909095), Table 2",
            "FDA, Considerations for the Development of CAR T Cell Products, January 2024",
            "ARI-0001 release specification (PMC6319086), Table 2",
        ],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: sterility only
                product: {car_target: CD19, vector: mrna}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0}}
                steps:
                  - {id: ep, operation: electroporation}
                release_tests: ↓↓↓↓↓[sterility]
                """,
                message: "release tests lack 'endotoxin', which every cell product needs",
                fix: "add 'endotoxin' to release_tests, with its limit")
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: complete
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.01}}
                steps:
                  - {id: activate, operation: activation, reagent: anti-cd3-cd28-magnetic-beads}
                  - {id: transduce, operation: transduction}
                  - {id: debead, operation: bead-removal}
                release_tests: [sterility, mycoplasma, endotoxin, rcl, vcn, identity, potency, viability, residual-malignant-cells, residual-beads]
                """)
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let design = context.design
        let vector = design.product.vector.value
        var required: [(ReleaseTestKind, Severity, String)] = [
            (.sterility, .error, "every cell product"), (.mycoplasma, .error, "every cell product"),
            (.endotoxin, .error, "every cell product"), (.identity, .warning, "every CAR-T product"),
            (.potency, .warning, "every CAR-T product"), (.viability, .warning, "every cell product"),
        ]
        if vector == .lentiviral { required.append((.rcl, .error, "a lentiviral product")) }
        if vector == .gammaRetroviral { required.append((.rcr, .error, "a gamma-retroviral product")) }
        // A transposon product's copy number is transposon-copy-number's finding, with that rule's limit.
        if vector.isViral { required.append((.vcn, .warning, "a product made with an integrating vector")) }
        if design.mayHoldMalignantCells {
            required.append((.residualMalignantCells, .warning, "starting material that can hold malignant cells"))
        }
        if design.magneticBeadActivation != nil {
            required.append((.residualBeads, .warning, "activation on magnetic beads"))
        }
        let anchor = design.releaseTestsRange ?? design.name.range
        return required.filter { design.releaseTest($0.0) == nil }.map { test, severity, reason in
            Finding(
                "release tests lack '\(test.rawValue)', which \(reason) needs", at: anchor,
                fix: "add '\(test.rawValue)' to release_tests, with its limit", severity: severity)
        }
    }
}
