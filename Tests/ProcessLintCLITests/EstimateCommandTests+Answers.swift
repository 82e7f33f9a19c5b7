import Foundation
import TestSupport
import Testing

/// `estimate --target` and `estimate A B --compare` (issue 11, items 1, 2 and 5), through the command line.
extension EstimateCommandTests {
    /// A small design whose only enrichment is bead activation, above a target of 1e-4.
    static func answersProcess(malignant: Double = 0.02, before: String = "") -> String {
        """
        processlint: 1
        name: answers
        product: {car_target: CD19, vector: lentiviral}
        indication: B-ALL
        starting_material: {kind: leukapheresis, total_nucleated_cells: 1.0e10, composition: {T: 0.3, malignant: \(malignant)}, malignant_markers: [CD19, CD10]}
        steps:
        \(before)  - {id: activate, operation: activation, reagent: anti-cd3-cd28-magnetic-beads}
          - {id: transduce, operation: transduction}
          - {id: expand, operation: expansion, days: 9}
        dose: {car_t_cells: 1.0e8}
        """
    }

    static func answersJSON(_ output: CommandRunner.Output) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.out.utf8)) as? [String: Any], "\(output.err)")
    }

    static func answersGate(_ file: String) throws -> Double {
        let document = try answersJSON(CommandRunner.run("estimate", "--format", "json", file))
        let process = try #require((document["processes"] as? [[String: Any]])?.first)
        let risk = try #require(process["risk"] as? [String: Any])
        return try #require((risk["calibratedProbability"] as? [String: Double])?["mean"])
    }

    @Test func ctl019PrintsTheRequiredLogReductionsAndTheEligibilityThreshold() {
        let output = CommandRunner.run(
            "estimate", "--target", "1e-4", CommandRunner.repository + "/processes/ctl019-academic-2018.yaml")
        #expect(output.status == 0, "\(output.err)")
        let text = output.out
        #expect(
            text.contains(
                "required performance: for P(relapse from a CAR+ malignant cell), averaged over the uncertainty, to stay under 0.0001"
            ), "\(text)")
        #expect(
            text.contains(
                "  bead-activation (activation): now 1.23 log\n    cannot reach 0.0001 alone: it would need "),
            "\(text)")
        #expect(
            text.contains(
                "  cd19-depletion (depletion, inserted before step 'bead-activation'): now 2.00 log\n    must achieve ")
        )
        #expect(text.contains("  cd4-cd8-selection (positive-selection, inserted before step 'bead-activation')"))
        #expect(text.contains("validate to a median log_depletion of "))
        #expect(text.contains("eligibility: under 0.0001 up to a malignant fraction of "))
        // Steps that cannot act on malignant cells are not proposed.
        for step in ["thaw", "apheresis-wash", "lv-transduction", "expansion", "cryopreservation"] {
            #expect(!text.contains("  \(step) ("), "\(step)")
        }
    }

    @Test func theAnswersLandOnTheTargetWhenWrittenIntoTheFile() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write("answers.yaml", Self.answersProcess())
        let document = try Self.answersJSON(CommandRunner.run("estimate", "--format", "json", "--target", "1e-4", file))
        let process = try #require((document["processes"] as? [[String: Any]])?.first)
        let target = try #require(process["target"] as? [String: Any])
        #expect(target["target"] as? Double == 1e-4)
        let steps = try #require(target["steps"] as? [[String: Any]])
        #expect(steps.compactMap { $0["step"] as? String } == ["activate", "cd19-depletion", "cd4-cd8-selection"])
        // The inserted depletion, written where the answer puts it, at the reduction it must achieve.
        let depletion = try #require(steps.first { $0["step"] as? String == "cd19-depletion" })
        let required = try #require(depletion["requiredLog10Reduction"] as? Double)
        let edited = try scratch.write(
            "required.yaml",
            Self.answersProcess(
                before: "  - {id: cd19-depletion, operation: depletion, markers: [CD19], "
                    + "performance: {malignant_log_depletion: \(required), source: spike-in}}\n"))
        #expect(abs(try Self.answersGate(edited) / 1e-4 - 1) < 0.02)
        // The eligibility threshold, written as the malignant fraction.
        let eligibility = try #require(target["eligibility"] as? [String: Any])
        let fraction = try #require(eligibility["malignantFraction"] as? Double)
        #expect(abs(try #require(eligibility["malignantCells"] as? Double) / (fraction * 1e10) - 1) < 1e-12)
        let eligible = try scratch.write("eligible.yaml", Self.answersProcess(malignant: fraction))
        #expect(abs(try Self.answersGate(eligible) / 1e-4 - 1) < 0.02)
    }

    @Test func csvCarriesTheAnswersInColumnsAndARowPerInsertedStep() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write("answers.yaml", Self.answersProcess())
        let lines = CommandRunner.run("estimate", "--format", "csv", "--target", "1e-4", file).out.split(
            separator: "\n")
        #expect(
            lines.first?.hasSuffix(
                ",target,inserted_before,current_log_reduction,required_log_reduction,"
                    + "validated_log_depletion,best_log_reduction,reaches_target,eligible_malignant_fraction,eligible_malignant_cells"
            ) == true)
        #expect(lines.count == 1 + 3 + 2)
        // Nine step columns, the malignant share and six of the whole process, then the nine of --target.
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 25 })
        let inserted = try #require(lines.first { $0.hasPrefix(file + ",cd19-depletion,depletion,,,,,,,,") })
        #expect(inserted.split(separator: ",", omittingEmptySubsequences: false)[16...17] == ["0.0001", "activate"])
    }

    @Test(arguments: ["0", "1", "-0.1", "1.5", "nan", "inf", "abc", "", "1e-4x"])
    func aTargetThatIsNotAProbabilityIsAClearErrorAndExitTwo(_ value: String) {
        let output = CommandRunner.run(
            "estimate", "--target", value, CommandRunner.repository + "/processes/ctl019-academic-2018.yaml")
        #expect(output.status == 2)
        #expect(
            output.err
                == "error: --target must be a probability strictly between 0 and 1, such as 1e-4; got '\(value)'\n")
        #expect(output.out.isEmpty)
    }

    @Test func compareGivesTheRatioFromTheSameDraws() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write("answers.yaml", Self.answersProcess())
        let document = try Self.answersJSON(CommandRunner.run("estimate", "--format", "json", "--compare", file, file))
        let comparison = try #require(document["comparison"] as? [String: Any])
        // A version against itself: exactly 1, with zero width.
        #expect(comparison["ratio"] as? [String: Double] == ["median": 1, "low": 1, "high": 1, "mean": 1])
        #expect(comparison["draws"] as? Int == 100_000)
        let depleted = try scratch.write(
            "depleted.yaml",
            Self.answersProcess(before: "  - {id: cd19-depletion, operation: depletion, markers: [CD19]}\n"))
        let text = CommandRunner.run("estimate", "--compare", depleted, file)
        #expect(text.status == 0)
        #expect(
            text.out.contains(
                "comparison: λ of \(file) ÷ λ of \(depleted), from the same draws of every figure they share (Monte Carlo: 100000 draws, seed 2018):\n  median 7."
            ), "\(text.out)")
        let alone = CommandRunner.run("estimate", "--compare", file)
        #expect(alone.status == 2 && alone.err.contains("error: --compare needs two process files, A B; got 1 path"))
    }
}
