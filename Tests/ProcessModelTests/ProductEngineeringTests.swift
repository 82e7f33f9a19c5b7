import ProcessModel
import Testing

/// The format additions of issue 17: optional keys that load into the typed model, and typos that are named.
@Suite struct ProductEngineeringTests {
    func load(_ product: String, donor: String = "") -> LoadResult {
        let text = """
            processlint: 1
            name: engineered
            product: {car_target: CD7, vector: lentiviral\(product)}
            indication: T-ALL
            starting_material: {kind: leukapheresis\(donor)}
            steps:
              - {id: transduce, operation: transduction}
            release_tests: [sterility, integration-site-analysis, clonality]
            """
        return ProcessLoader().load(bytes: Array(text.utf8), file: "engineered.yaml")
    }

    @Test func newKeysLoadIntoTheModel() throws {
        let result = load(
            ", label: kymriah, edits: [CD7, TRAC], target_blocker: cd7+, tcr_intact_reason: none, lymphodepletion: flu/cy",
            donor: ", donor: allogeneic")
        let design = try #require(result.design, "\(result.diagnostics.map(\.description))")
        #expect(!result.hasErrors)
        #expect(design.product.label?.value == .kymriah)
        #expect(design.product.edits.map(\.value) == [.cd7, .trac])
        #expect(design.product.targetBlocker?.value == Marker(normalising: "CD7"))
        #expect(design.product.tcrIntactReason?.value == "none")
        #expect(design.product.lymphodepletion?.value == "flu/cy")
        #expect(design.startingMaterial.donorKind == .allogeneic)
        #expect(design.releaseTest(.integrationSiteAnalysis) != nil && design.releaseTest(.clonality) != nil)
    }

    @Test func everyNewKeyIsOptionalAndTheDonorDefaultsToThePatient() throws {
        let design = try #require(load("").design)
        #expect(design.product.label == nil && design.product.edits.isEmpty && design.product.targetBlocker == nil)
        #expect(design.startingMaterial.donor == nil && design.startingMaterial.donorKind == .autologous)
    }

    @Test func misspeltEditsAndDonorsAreNamedWithTheNearestValue() {
        let edit = load(", edits: [TRAK]").diagnostics.map(\.message)
        #expect(edit.contains { $0.contains("'TRAK'") && $0.contains("'TRAC'") }, "\(edit)")
        let donor = load("", donor: ", donor: healthy donor").diagnostics.map(\.message)
        #expect(donor.contains { $0.contains("'allogeneic'") }, "\(donor)")
        let label = load(", label: tisagenlecleucel").diagnostics.map(\.message)
        #expect(label.contains { $0.contains("'kymriah'") }, "\(label)")
    }
}
