import Foundation
import TestSupport
import Testing

@testable import ProcessModel

@Suite struct LoaderTests {
    func load(_ text: String, limits: LoadLimits = .standard) -> LoadResult {
        ProcessLoader(limits: limits).load(bytes: Array(text.utf8), file: "test.yaml")
    }

    func annotatedExample() throws -> ProcessDesign {
        let result = ProcessLoader().load(file: Repository.path("Tests/Fixtures/ok/annotated-example.yaml"))
        return try #require(result.design)
    }

    @Test func typedModelHoldsTheValuesOfTheFile() throws {
        let design = try annotatedExample()
        #expect(design.formatVersion.value == 1)
        #expect(design.product.carTarget.value == Marker(normalising: "CD19"))
        #expect(design.product.vector.value == .lentiviral)
        #expect(design.startingMaterial.totalNucleatedCells?.value == 1.0e10)
        #expect(design.startingMaterial.composition[.malignant]?.value == 0.10)
        #expect(design.startingMaterial.composition.count == 6)
        #expect(design.startingMaterial.malignantMarkers?.map(\.value.name) == ["CD19", "CD10", "CD22", "CD34"])
        #expect(
            design.steps.map(\.kind) == [
                .densityGradient, .positiveSelection, .depletion, .activation, .transduction, .expansion,
                .beadRemoval, .harvest, .formulation, .cryopreservation,
            ])
        #expect(design.steps.map(\.index) == Array(0..<10))
        #expect(design.dose?.carTCells?.value == 1.0e8)
        #expect(design.releaseTest(.vcn)?.maximum?.value == 5)
        #expect(design.releaseTest(.viability)?.minimum?.value == 0.7)
        #expect(design.releaseTests.count == 10)
    }

    @Test func operationParametersAreTyped() throws {
        let design = try annotatedExample()
        guard
            case .positiveSelection(let selection, let arms) = try #require(design.step(withID: "cd4-cd8-selection"))
                .operation.value
        else {
            Issue.record("not a positive selection")
            return
        }
        #expect(selection.markerSet == [Marker(normalising: "CD4"), Marker(normalising: "CD8")])
        #expect(selection.device?.value == "CliniMACS Prodigy")
        #expect(arms == nil)
        guard
            case .activation(let reagent, let cytokines) = try #require(design.step(withID: "activation")).operation
                .value
        else {
            Issue.record("not an activation")
            return
        }
        #expect(reagent.value.leavesMagneticBeads)
        #expect(cytokines.map(\.value) == ["IL-2"])
        guard case .expansion(let days, _, _) = try #require(design.step(withID: "expansion")).operation.value
        else {
            Issue.record("not an expansion")
            return
        }
        #expect(days.value == 9)
    }

    @Test func performanceOverrideKeepsItsSourceAndFigures() throws {
        let step = try #require(try annotatedExample().step(withID: "cd4-cd8-selection"))
        let performance = try #require(step.performance)
        #expect(performance.figures[.recovery]?.value == 0.55)
        #expect(performance.figures[.malignantLogDepletion]?.value == 3.0)
        #expect(performance.figures.count == 2)
        #expect(performance.source.value.hasPrefix("site validation report VR-12"))
    }

    @Test func everyValueKnowsWhereItWasWritten() throws {
        let design = try annotatedExample()
        // Lines of Tests/Fixtures/ok/annotated-example.yaml; the fixture is the example of docs/format.md.
        #expect(design.name.range.start == SourcePosition(line: 3, column: 7))
        #expect(
            design.product.carTarget.range
                == SourceRange(start: SourcePosition(line: 7, column: 15), end: SourcePosition(line: 7, column: 19)))
        let transduction = try #require(design.step(withID: "transduction"))
        #expect(transduction.id.range.start == SourcePosition(line: 41, column: 9))
        #expect(transduction.operation.range.start == SourcePosition(line: 42, column: 16))
        #expect(transduction.range.start == SourcePosition(line: 41, column: 5))
        #expect(design.releaseTest(.vcn)?.maximum?.range.start == SourcePosition(line: 65, column: 22))
    }

    @Test func markersAreNormalisedWherePopulationsAreDescribed() throws {
        let result = load(
            """
            processlint: 1
            name: n
            product: {car_target: "cd19+", vector: lentiviral}
            indication: B-ALL
            starting_material: {kind: leukapheresis, malignant_markers: [cd 19, CD10+]}
            steps: [{id: d, operation: depletion, markers: [Cd19+]}]
            """)
        let design = try #require(result.design)
        #expect(result.diagnostics.isEmpty)
        #expect(design.product.carTarget.value.name == "CD19")
        #expect(design.startingMaterial.malignantMarkers?.map(\.value.name) == ["CD19", "CD10"])
        guard case .depletion(let selection) = design.steps[0].operation.value else {
            Issue.record("not a depletion")
            return
        }
        #expect(selection.markerSet == [Marker(normalising: "CD19")])
    }

    @Test func unstatedFiguresAreAbsentNotZero() throws {
        let design = try #require(ProcessLoader().load(file: Repository.path("Tests/Fixtures/ok/minimal.yaml")).design)
        #expect(design.startingMaterial.composition.isEmpty)
        #expect(design.startingMaterial.totalNucleatedCells == nil)
        #expect(design.startingMaterial.malignantMarkers == nil)
        #expect(design.dose == nil)
        #expect(design.releaseTests.isEmpty)
    }

    @Test func aRoundedCompositionJustOverOneIsAccepted() {
        let base = """
            processlint: 1
            name: n
            product: {car_target: CD19, vector: lentiviral}
            indication: B-ALL
            steps: [{id: w, operation: wash}]
            starting_material: {kind: pbmc, composition: {T: 0.5, malignant: %@}}
            """
        #expect(!load(base.replacingOccurrences(of: "%@", with: "0.504")).hasErrors)
        #expect(load(base.replacingOccurrences(of: "%@", with: "0.51")).diagnostics.map(\.kind) == [.outOfRange])
    }

    @Test func versionFromAnotherFormatStopsFurtherChecks() {
        let result = load("processlint: 3\nunknown: 1\n")
        #expect(result.diagnostics.map(\.kind) == [.unsupportedVersion])
    }

    @Test func diagnosticsAreCappedWithACountOfTheRest() {
        let steps = (0..<50).map { "  - {id: s\($0), operation: wash, bogus: 1, also_bogus: 2}" }.joined(
            separator: "\n")
        let text =
            "processlint: 1\nname: n\nproduct: {car_target: CD19, vector: mrna}\nindication: x\n"
            + "starting_material: {kind: pbmc}\nsteps:\n" + steps + "\n"
        let result = load(text, limits: LoadLimits(maximumDiagnostics: 10))
        #expect(result.diagnostics.count == 11)
        #expect(result.diagnostics.last?.message == "90 more problems not shown (90 errors); fix the ones above first")
    }

    @Test func theCapLimitsWhatIsShownNeverTheVerdict() {
        // Warnings past the cap stay warnings: the line that stands for them does not turn the file into an error.
        var warnings = DiagnosticList(file: "w.yaml", limit: 10)
        for line in 1...300 { warnings.add(.warning, .invalidValue, "w", at: SourcePosition(line: line, column: 1)) }
        #expect(!warnings.hasErrors)
        #expect(warnings.sorted().count == 11)
        #expect(warnings.sorted().allSatisfy { $0.severity == .warning })
        #expect(
            warnings.sorted().last?.message == "290 more problems not shown (290 warnings); fix the ones above first")
        // An error past the cap still makes the file an error, though none is shown above the line.
        var mixed = warnings
        mixed.add(.error, .invalidValue, "e", at: SourcePosition(line: 301, column: 1))
        #expect(mixed.hasErrors)
        #expect(
            mixed.sorted().last?.description
                == "w.yaml:1:1: error: 291 more problems not shown (1 error, 290 warnings); fix the ones above first")
    }

    @Test func sizeLimitIsConfigurable() {
        let result = load("processlint: 1\n", limits: LoadLimits(maximumFileBytes: 8))
        #expect(result.diagnostics.map(\.kind) == [.fileTooLarge])
        #expect(result.diagnostics.first?.message.contains("15 bytes, over the limit of 8 bytes") == true)
    }

    @Test func depthLimitIsConfigurable() {
        let text = "processlint: 1\nname: {a: {b: {c: 1}}}\n"
        #expect(load(text, limits: LoadLimits(maximumDepth: 3)).diagnostics.map(\.kind) == [.nestingTooDeep])
        #expect(!load(text, limits: LoadLimits(maximumDepth: 4)).diagnostics.map(\.kind).contains(.nestingTooDeep))
    }
}
