import Foundation
import LintKit
import ProcessModel
import TestSupport
import Testing

@testable import CustomRules

/// The design an external rule reads is the typed model, faithfully, and every path in it leads back to its text.
@Suite struct ExternalDesignDocumentTests {
    let processes =
        Repository.yamlFiles(in: "processes") + Repository.yamlFiles(in: "processes/flawed")
        + Repository.yamlFiles(in: "Tests/Fixtures/ok")

    func designs() throws -> [ProcessDesign] {
        try processes.map { file in try #require(ProcessLoader().load(file: file).design, "\(file)") }
    }

    @Test func pathsLeadToTheValuesTheyName() throws {
        for design in try designs() {
            let ranges = DesignDocument(design).ranges
            #expect(ranges["name"] == design.name.range)
            #expect(ranges["product.car_target"] == design.product.carTarget.range)
            #expect(ranges["dose.car_t_cells"] == design.dose?.carTCells?.range)
            for step in design.steps {
                #expect(ranges["steps.\(step.index).id"] == step.id.range)
                #expect(ranges["steps.\(step.index)"] == step.range)
                if case .cryopreservation(let dmso) = step.operation.value {
                    #expect(
                        ranges["steps.\(step.index).dmso_percent"] == dmso?.range, "\(design.file) \(step.id.value)")
                }
                if case .positiveSelection(let selection, _) = step.operation.value {
                    for (index, marker) in selection.markers.enumerated() {
                        #expect(ranges["steps.\(step.index).markers.\(index)"] == marker.range)
                    }
                }
            }
            for (index, test) in design.releaseTests.enumerated() {
                #expect(ranges["release_tests.\(index).test"] == test.kind.range)
                #expect(ranges["release_tests.\(index).max"] == test.maximum?.range)
            }
        }
    }

    /// Every path of the JSON has a place in the file, and every place is a path of the JSON.
    @Test func everyValueSentIsLocated() throws {
        for design in try designs() {
            let document = DesignDocument(design)
            var paths: Set<String> = []
            func walk(_ value: JSONValue, _ path: String) {
                if !path.isEmpty { paths.insert(path) }
                let prefix = path.isEmpty ? "" : path + "."
                switch value {
                case .object(let members): for (key, member) in members { walk(member, prefix + key) }
                case .array(let items): for (index, item) in items.enumerated() { walk(item, prefix + "\(index)") }
                default: break
                }
            }
            walk(document.json, "")
            #expect(paths == Set(document.ranges.keys), "\(design.file)")
        }
    }

    /// The design sent is itself a valid format-1 process document: an external rule can rely on the format's schema.
    @Test(.enabled(if: JSONSchemaCheck.isRequired))
    func theDesignIsAValidProcessDocument() throws {
        let scratch = try ScratchFolder()
        let encoder = JSONEncoder()
        let files = try designs().enumerated().map { index, design in
            try scratch.write(
                "design-\(index).json", String(decoding: try encoder.encode(DesignDocument(design).json), as: UTF8.self)
            )
        }
        let (status, report) = try JSONSchemaCheck.run(
            ["--schemafile", Repository.path("docs/process-1.schema.json")] + files)
        #expect(status == 0, "\(report)")
    }

    @Test func markersAreNormalisedAndReleaseTestsAreObjects() throws {
        let scratch = try ScratchFolder()
        try scratch.write(
            "p.yaml",
            """
            processlint: 1
            name: spelling
            product: {car_target: cd19+, vector: lentiviral}
            indication: B-ALL
            starting_material: {kind: leukapheresis, malignant_markers: [cd 019, CD269]}
            steps:
              - {id: sel, operation: positive-selection, markers: [cd3+]}
            release_tests: [sterility, {test: vcn, max: 5}]
            """)
        let json = DesignDocument(try scratch.design("p.yaml")).json
        guard case .object(let members) = json, case .object(let product)? = members["product"],
            case .object(let material)? = members["starting_material"], case .array(let steps)? = members["steps"],
            case .object(let step)? = steps.first, case .array(let tests)? = members["release_tests"]
        else {
            Issue.record("unexpected shape: \(json)")
            return
        }
        #expect(product["car_target"] == .string("CD19"))
        #expect(material["malignant_markers"] == .array([.string("CD19"), .string("BCMA")]))
        #expect(step["markers"] == .array([.string("CD3")]))
        #expect(
            tests == [.object(["test": .string("sterility")]), .object(["test": .string("vcn"), "max": .number(5)])])
    }
}
