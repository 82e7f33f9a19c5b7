import ProcessModel
import Testing

/// The format additions of issue 11: a residual-malignant-cells test's limit of detection, and shares of the
/// malignant cells that lack a marker. Each bad value is an error at its own place.
@Suite struct DetectionAndMarkerShareTests {
    func load(
        detection: String = "{limit_of_detection: 1.0e-4}", negative: String = "", markers: String = "[CD19, CD10]"
    )
        -> LoadResult
    {
        ProcessLoader().load(
            bytes: Array(text(detection: detection, negative: negative, markers: markers).utf8), file: "detection.yaml")
    }

    func text(
        detection: String = "{limit_of_detection: 1.0e-4}", negative: String = "", markers: String = "[CD19, CD10]"
    )
        -> String
    {
        """
        processlint: 1
        name: detection
        product: {car_target: CD19, vector: lentiviral}
        indication: B-ALL
        starting_material:
          kind: leukapheresis
          composition: {T: 0.3, malignant: 0.1}
          malignant_markers: \(markers)\(negative.isEmpty ? "" : "\n  malignant_marker_negative: \(negative)")
        steps:
          - {id: transduce, operation: transduction}
        release_tests:
          - test: residual-malignant-cells
            max: 1.0e-3
            detection: \(detection)
        """
    }

    /// Line and column (1-based) of the first occurrence of `needle` in `text`.
    func position(of needle: String, in text: String) -> (line: Int, column: Int)? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: needle) {
                return (index + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return nil
    }

    /// The one error of a load, with its line and column.
    func error(_ result: LoadResult) -> (message: String, line: Int, column: Int)? {
        guard result.diagnostics.count == 1, let only = result.diagnostics.first else { return nil }
        return (only.message, only.location.range.start.line, only.location.range.start.column)
    }

    @Test func theMethodAndTheSharesLoadIntoTheModel() throws {
        let result = load(
            detection: "{events: 20, acquired_events: 1.0e6}", negative: "[{marker: cd19, fraction: 0.15}]")
        let design = try #require(result.design, "\(result.diagnostics.map(\.description))")
        let detection = try #require(design.releaseTest(.residualMalignantCells)?.detection)
        #expect(detection.events?.value == 20 && detection.acquiredEvents?.value == 1e6)
        #expect(detection.limitOfDetection == nil)
        #expect(design.startingMaterial.malignantMarkerNegative.map(\.marker.value) == [Marker(normalising: "CD19")])
        #expect(design.startingMaterial.malignantShare(carrying: Marker(normalising: "CD19")) == 0.85)
        #expect(design.startingMaterial.malignantShare(carrying: Marker(normalising: "CD10")) == 1)
        #expect(design.startingMaterial.malignantShare(carrying: Marker(normalising: "CD3")) == 0)
    }

    @Test func todaysFilesLoadAsBefore() throws {
        let design = try #require(load(detection: "{limit_of_detection: 1.0e-4}").design)
        #expect(design.startingMaterial.malignantMarkerNegative.isEmpty)
        #expect(design.releaseTest(.residualMalignantCells)?.detection?.limitOfDetection?.value == 1e-4)
    }

    @Test(arguments: ["{limit_of_detection: 0}", "{limit_of_detection: 1.5}", "{limit_of_detection: -1e-4}"])
    func aLimitOutOfRangeIsAnErrorAtTheLimit(detection: String) throws {
        let found = try #require(error(load(detection: detection)))
        #expect(found.message.contains("'limit_of_detection' must be greater than 0 and at most 1"), "\(found)")
        let value = String(detection.dropFirst("{limit_of_detection: ".count).dropLast())
        let expected = try #require(position(of: value + "}", in: text(detection: detection)))
        #expect(found.line == expected.line && found.column == expected.column, "\(found)")
    }

    @Test(arguments: ["{acquired_events: 0}", "{acquired_events: 1.0e12}"])
    func acquiredEventsOutOfRangeAreAnError(detection: String) throws {
        let found = try #require(error(load(detection: detection)))
        #expect(found.message.contains("'acquired_events' must be greater than 0 and at most 1e9"), "\(found)")
    }

    @Test(arguments: ["{events: 20}", "{}"])
    func aMethodWithNeitherAFractionNorAcquiredEventsIsAnErrorAtTheMethod(detection: String) throws {
        let found = try #require(error(load(detection: detection)))
        #expect(found.message == "'detection' needs one of 'limit_of_detection' or 'acquired_events'")
        let expected = try #require(position(of: detection, in: text(detection: detection)))
        #expect(found.line == expected.line && found.column == expected.column, "\(found)")
    }

    @Test func aMethodWithBothIsAnError() throws {
        let found = try #require(error(load(detection: "{limit_of_detection: 1.0e-4, acquired_events: 1.0e6}")))
        #expect(found.message.contains("may have only one of 'limit_of_detection' or 'acquired_events'"))
    }

    @Test func moreEventsThanAcquiredIsAnError() throws {
        let found = try #require(error(load(detection: "{events: 50, acquired_events: 20}")))
        #expect(found.message.contains("'events' 50 is above 'acquired_events' 20"), "\(found)")
    }

    @Test func onlyAResidualMalignantCellsTestTakesADetectionLimit() throws {
        let text = """
            processlint: 1
            name: detection on another test
            product: {car_target: CD19, vector: lentiviral}
            indication: B-ALL
            starting_material: {kind: leukapheresis}
            steps:
              - {id: transduce, operation: transduction}
            release_tests: [{test: vcn, max: 5, detection: {acquired_events: 1.0e6}}]
            """
        let result = ProcessLoader().load(bytes: Array(text.utf8), file: "vcn.yaml")
        let found = try #require(error(result))
        #expect(found.message.contains("stated for 'residual-malignant-cells' only"), "\(found)")
    }

    @Test(arguments: ["0", "1", "1.5"])
    func aShareOutOfRangeIsAnError(fraction: String) throws {
        let found = try #require(error(load(negative: "[{marker: CD19, fraction: \(fraction)}]")))
        #expect(found.message.contains("'fraction' must be greater than 0 and less than 1"), "\(found)")
    }

    @Test func aShareOfAMarkerNotListedIsAnErrorAtTheMarker() throws {
        let negative = "[{marker: CD22, fraction: 0.2}]"
        let found = try #require(error(load(negative: negative)))
        #expect(found.message.contains("'CD22' is not in 'malignant_markers'"), "\(found)")
        let expected = try #require(position(of: "CD22", in: text(negative: negative)))
        #expect(found.line == expected.line && found.column == expected.column, "\(found)")
        let twice = try #require(
            error(load(negative: "[{marker: CD19, fraction: 0.2}, {marker: cd19, fraction: 0.1}]")))
        #expect(twice.message.contains("'CD19' is given twice"), "\(twice)")
    }
}
