import Foundation
import TestSupport
import Testing

@testable import CustomRules

/// The protocol's schemas are current, and a real request and the example program's real response satisfy them.
@Suite struct ExternalRuleSchemaTests {
    @Test func committedSchemasAreCurrent() throws {
        let request = try String(
            contentsOfFile: Repository.path("docs/external-rule-request.schema.json"), encoding: .utf8)
        #expect(
            request == ExternalRuleSchema.requestText(),
            "regenerate it: swift run processlint schema --format external-rule-request > docs/external-rule-request.schema.json"
        )
        let response = try String(
            contentsOfFile: Repository.path("docs/external-rule-response.schema.json"), encoding: .utf8)
        #expect(
            response == ExternalRuleSchema.responseText(),
            "regenerate it: swift run processlint schema --format external-rule-response > docs/external-rule-response.schema.json"
        )
    }

    @Test(.enabled(if: JSONSchemaCheck.isRequired))
    func schemasAreValidJSONSchemas() throws {
        let (status, report) = try JSONSchemaCheck.run([
            "--check-metaschema", Repository.path("docs/external-rule-request.schema.json"),
            Repository.path("docs/external-rule-response.schema.json"),
        ])
        #expect(status == 0, "\(report)")
    }

    /// The request a program really receives (saved by the fixture program), and what the example program
    /// really prints for it.
    @Test(.enabled(if: JSONSchemaCheck.isRequired))
    func aRealRequestAndTheExampleProgramsResponseMatchTheirSchemas() throws {
        let scratch = try ScratchFolder()
        let request = scratch.path + "/request.json"
        try scratch.write(
            ".processlint.yml",
            """
            external_rules:
              - {id: site-capture, command: [python3, \(ScratchFolder.externalRule("count-invocations.py")), log, \(request)]}
            """)
        // Risk by Monte Carlo (the bundled catalogue's skewed figures), none at all (no malignant fraction
        // stated), and by the exact path (a CAR that does not persist: λ is zero without a draw).
        let files = [
            "processes/ctl019-academic-2018.yaml", "Tests/Fixtures/ok/minimal.yaml",
            "examples/external-rule/open-flask-expansion.yaml",
        ]
        for (index, file) in files.enumerated() { try scratch.copy(file, to: "p\(index).yaml") }
        try scratch.write(
            "p\(files.count).yaml",
            """
            processlint: 1
            name: no persisting CAR
            product: {car_target: CD19, vector: mrna}
            indication: B-ALL
            starting_material: {kind: leukapheresis, total_nucleated_cells: 1.0e10, composition: {T: 0.5, malignant: 0.1}}
            steps:
              - {id: s, operation: depletion, markers: [CD4]}
              - {id: t, operation: electroporation}
            dose: {car_t_cells: 1.0e5}
            """)
        let configuration = try scratch.configuration(".processlint.yml")
        let results = ExternalRuleSession(configurations: [configuration])
            .run(try (0...files.count).map { (try scratch.design("p\($0).yaml"), configuration) })
        #expect(results.failures.isEmpty, "\(results.failures)")
        let text = try String(contentsOfFile: request, encoding: .utf8)
        #expect(text.contains("\"monte-carlo\"") && text.contains("\"exact\"") && text.contains("\"unavailable\""))
        struct Sent: Decodable {
            struct Process: Decodable { let path: String }
            let processes: [Process]
        }
        let sent = try JSONDecoder().decode(Sent.self, from: Data(text.utf8))
        #expect(
            sent.processes.map(\.path)
                == (0...files.count).map {
                    URL(fileURLWithPath: scratch.path + "/p\($0).yaml").standardizedFileURL.path
                })
        var check = try JSONSchemaCheck.run([
            "--schemafile", Repository.path("docs/external-rule-request.schema.json"), request,
        ])
        #expect(check.status == 0, "\(check.output)")

        let example = try ProgramRun(
            "python3", [Repository.path("examples/external-rule/closed_expansion.py")], input: request)
        #expect(example.status == 0)
        #expect(example.output.contains("T-175 flasks"), "the example reports its finding")
        let responseFile = try scratch.write("response.json", example.output)
        check = try JSONSchemaCheck.run([
            "--schemafile", Repository.path("docs/external-rule-response.schema.json"), responseFile,
        ])
        #expect(check.status == 0, "\(check.output)")
    }
}
