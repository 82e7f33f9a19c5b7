import Foundation
import ProcessLintCLI
import Testing

@Suite struct EstimateCommandTests {
    let academic = CommandRunner.repository + "/processes/ctl019-academic-2018.yaml"

    @Test func withoutAPathItEstimatesTheCurrentDirectoryAsLintDoes() throws {
        // Not a usage error (exit 64) any more: both commands default to `.`.
        #expect(throws: Never.self) { try ProcessLintCommand.parseAsRoot(["estimate"]) }
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent(
            "processlint-estimate-empty-\(UUID())"
        ).path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let nothing = CommandRunner.run("estimate", empty)
        #expect(nothing.status == 2)
        #expect(nothing.err.contains("error: no process files (*.yaml, *.yml) under \(empty)"))
    }

    /// The figures are the catalogue's updated on the record, and say so; `--priors` draws from the catalogue alone,
    /// where the zero events of the commercial products have not pulled the recorded rate down: a larger risk.
    @Test func thePriorsAloneAreOneFlagAway() throws {
        let updated = CommandRunner.run("estimate", "--format", "json", academic)
        let priors = CommandRunner.run("estimate", "--format", "json", "--priors", academic)
        #expect(updated.status == 0 && priors.status == 0)
        func risk(_ output: CommandRunner.Output) throws -> [String: Any] {
            let json = try JSONSerialization.jsonObject(with: Data(output.out.utf8)) as? [String: Any]
            let process = try #require((json?["processes"] as? [[String: Any]])?.first)
            return try #require(process["risk"] as? [String: Any])
        }
        let withUpdate = try risk(updated)
        let alone = try risk(priors)
        #expect((withUpdate["recordUpdate"] as? String)?.contains("updated on the record of 6 products") == true)
        #expect(alone["recordUpdate"] == nil)
        let gate = { (risk: [String: Any]) in (risk["calibratedProbability"] as? [String: Any])?["mean"] as? Double }
        #expect(try #require(gate(alone)) > 3 * (try #require(gate(withUpdate))))
    }

    @Test func tablePrintsEveryStepAndTheRiskWithItsInterval() {
        let output = CommandRunner.run("estimate", academic)
        #expect(output.status == 0)
        for step in ["thaw", "bead-activation", "lv-transduction", "expansion", "cryopreservation"] {
            #expect(output.out.contains("\n" + step + " "), "\(step)")
        }
        #expect(output.out.contains("risk (Monte Carlo: 100000 draws, seed 2018):"))
        #expect(output.out.contains("(the exact path does not apply: figures drawn from an asymmetric range"))
        #expect(output.out.contains("relative risk (λ ÷ λ of the reference cohort)"))
        #expect(output.out.contains("P(relapse from a CAR+ malignant cell)"))
        #expect(output.out.contains("(1 in "))
        #expect(output.out.contains("calibrated on the academic CTL019 B-ALL cohort"))
        #expect(output.out.contains("is assumed the same for every process"))
        #expect(output.out.contains("figures by their share of the uncertainty of log10 λ"))
        #expect(output.out.contains("malignantBiology.B-ALL.culturePerDay"))
        #expect(output.out.contains("(90%: "))
        #expect(output.out.contains("add a CD19 depletion before step 'bead-activation'"))
    }

    @Test func jsonCarriesEveryFigureAndAVersion() throws {
        let output = CommandRunner.run("estimate", "--format", "json", academic)
        #expect(output.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.out.utf8)) as? [String: Any])
        #expect(document["schemaVersion"] as? Int == 1)
        let process = try #require((document["processes"] as? [[String: Any]])?.first)
        #expect((process["steps"] as? [Any])?.count == 9)
        let risk = try #require(process["risk"] as? [String: Any])
        #expect(risk["method"] as? String == "monte-carlo")
        #expect(risk["calibrationCohort"] as? String != nil)
        #expect(risk["relativeRisk"] as? [String: Double] != nil)
        #expect((process["figures"] as? [[String: Any]])?.isEmpty == false)
        let lambda = try #require(risk["lambda"] as? [String: Double])
        #expect(lambda["low"]! < lambda["median"]! && lambda["median"]! < lambda["high"]!)
    }

    @Test func csvHasAHeaderAndARowPerStep() {
        let output = CommandRunner.run("estimate", "--format", "csv", academic)
        let lines = output.out.split(separator: "\n")
        #expect(lines.first?.hasPrefix("file,step,operation,t_cells,malignant") == true)
        #expect(lines.count == 10)
        // Every row has the header's columns: the step's figures, then the process's (the dose's malignant cells and
        // what the release test can see), left empty where the file gives none.
        let columns = lines.first?.split(separator: ",", omittingEmptySubsequences: false).count
        #expect(columns == 16)
        #expect(
            lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == columns }
        )
        #expect(
            lines.first?.hasSuffix(
                ",malignant_share,dose_malignant,dose_malignant_low,dose_malignant_high,"
                    + "dose_malignant_target_negative_share,release_test_limit,release_test_pass_if_car_malignant")
                == true)
    }

    @Test func aFileWithoutAMalignantFractionSaysSoInsteadOfGuessing() {
        let output = CommandRunner.run("estimate", CommandRunner.repository + "/Tests/Fixtures/ok/minimal.yaml")
        #expect(output.status == 0)
        #expect(output.out.contains("risk: not estimated: the starting material states no malignant fraction"))
    }

    @Test func badInputGetsTheLoadersLocatedErrorsAndExitTwo() {
        let file = CommandRunner.repository + "/Tests/Fixtures/err/unknown-keys.yaml"
        let output = CommandRunner.run("estimate", file)
        #expect(output.status == 2)
        #expect(output.err.contains(file + ":3:1: error: unknown key 'prodcut'"))
        #expect(CommandRunner.run("estimate", "/no/such/file.yaml").status == 2)
    }
}
