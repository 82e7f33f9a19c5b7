import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The CI formats from real runs: golden files (re-recorded with `RECORD_GOLDEN=1 swift test --filter CIFormatTests`,
/// then reviewed in the diff), the SARIF schema and GitHub code scanning's requirements, and fingerprints.
@Suite struct CIFormatTests {
    static let repository = CommandRunner.repository
    /// A reference process with risk figures, a file with suppressions (justified and not), and one that breaks the format.
    static let files = [
        "processes/ctl019-academic-2018.yaml", "Tests/Fixtures/lint/suppressed.yaml",
        "Tests/Fixtures/err/typical-mistakes.yaml",
    ].map { repository + "/" + $0 }

    /// The output of one run over the golden files, with the machine's path to the repository taken out.
    static func golden(_ format: String) -> (status: Int32, text: String) {
        let output = CommandRunner.run(["lint", "--format", format, "--source-root", repository] + files)
        return (
            output.status,
            output.out.replacingOccurrences(of: "file://" + repository + "/", with: "file:///REPOSITORY/")
        )
    }

    @Test(arguments: [("sarif", "lint.sarif"), ("github", "lint.github.txt"), ("junit", "lint.junit.xml")])
    func outputMatchesItsGoldenFile(format: String, name: String) throws {
        let (status, text) = Self.golden(format)
        #expect(status == 2, "a file that breaks the format")
        let path = Repository.path("Tests/Fixtures/golden/" + name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            text == expected,
            "--format \(format) differs from \(name); re-record with RECORD_GOLDEN=1 if the change is meant")
    }

    @Test func junitIsWellFormedXMLAndGitHubOutputIsOnlyCommands() {
        #expect(XMLParser(data: Data(Self.golden("junit").text.utf8)).parse())
        let lines = Self.golden("github").text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines.dropLast().allSatisfy {
                $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ")
            })
        #expect(lines.last == "")
    }

    /// Every reference process, every lint fixture and every broken file, as one log.
    static func sarif() -> String {
        CommandRunner.run([
            "lint", "--format", "sarif", "--source-root", repository, repository + "/processes",
            repository + "/Tests/Fixtures/lint", repository + "/Tests/Fixtures/err",
        ]).out
    }

    @Test(.enabled(if: JSONSchemaCheck.isRequired))
    func sarifValidatesAgainstTheSARIFSchema() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("processlint-\(UUID()).sarif")
        try Data(Self.sarif().utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, report) = try JSONSchemaCheck.run([
            "--schemafile", Repository.path("docs/schemas/sarif-schema-2.1.0.json"), file.path,
        ])
        #expect(status == 0, "\(report)")
    }

    @Test func theSchemaCopyMatchesTheSharedOne() throws {
        // CI runs on a clean clone, so the schema lives in the repository; where the shared copy is beside it, they agree.
        let shared = Repository.root.deletingLastPathComponent().appendingPathComponent(
            "shared/schemas/sarif-schema-2.1.0.json")
        guard let original = FileManager.default.contents(atPath: shared.path) else { return }
        #expect(
            FileManager.default.contents(atPath: Repository.path("docs/schemas/sarif-schema-2.1.0.json")) == original)
    }

    /// GitHub code scanning's own requirements, beyond the schema: rule texts, relative paths, resolvable rules, limits.
    @Test func sarifMeetsGitHubCodeScanningRequirements() throws {
        let log = try #require(try JSONSerialization.jsonObject(with: Data(Self.sarif().utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(
            ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        for rule in rules {
            for key in ["shortDescription", "fullDescription"] {
                #expect((rule[key] as? [String: String])?["text"]?.isEmpty == false, "\(rule["id"] ?? "") \(key)")
            }
            let help = rule["help"] as? [String: String]
            #expect(help?["text"]?.isEmpty == false && help?["markdown"]?.isEmpty == false)
        }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(!results.isEmpty && results.count <= 25_000)
        #expect(
            Set(results.compactMap { $0["ruleId"] as? String }).isSuperset(of: [
                "format", "suppression", "residual-tumour-risk",
            ]))
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            let locations =
                (result["locations"] as? [[String: Any]] ?? []) + (result["relatedLocations"] as? [[String: Any]] ?? [])
            for location in locations {
                let artifact = try #require(
                    (location["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: String])
                #expect(artifact["uriBaseId"] == "%SRCROOT%" && artifact["uri"]?.contains(":") == false, "\(artifact)")
            }
            #expect((result["partialFingerprints"] as? [String: String])?["processlint/v1"] != nil)
        }
    }

    @Test func aFindingKeepsItsFingerprintWhenAStepIsInsertedAboveIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("processlint-fingerprint-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try String(
            contentsOfFile: Self.repository + "/processes/ctl019-academic-2018.yaml", encoding: .utf8)
        let anchor = "  - id: bead-activation\n"
        #expect(original.contains(anchor))
        let edited = original.replacingOccurrences(
            of: anchor, with: "  - id: second-wash\n    operation: wash\n" + anchor)

        func finding(in text: String) throws -> (line: Int, fingerprint: String) {
            let file = folder.appendingPathComponent("process.yaml")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let output = CommandRunner.run("lint", "--format", "sarif", "--source-root", folder.path, file.path)
            let log = try #require(try JSONSerialization.jsonObject(with: Data(output.out.utf8)) as? [String: Any])
            let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
            let result = try #require(
                results.first { $0["ruleId"] as? String == "no-tumour-depletion-before-transduction" })
            let region = (result["locations"] as? [[String: Any]])?.first.flatMap {
                ($0["physicalLocation"] as? [String: Any])?["region"] as? [String: Int]
            }
            return (
                try #require(region?["startLine"]),
                try #require((result["partialFingerprints"] as? [String: String])?["processlint/v1"])
            )
        }

        let before = try finding(in: original)
        let after = try finding(in: edited)
        #expect(after.line == before.line + 2, "the finding moved down with the inserted step")
        #expect(after.fingerprint == before.fingerprint)
        #expect(
            before.fingerprint == "process.yaml|no-tumour-depletion-before-transduction/lv-transduction/"
                + "step 'lv-transduction' puts the CAR gene into cells, but no step before it removes malignant cells")
    }
}
