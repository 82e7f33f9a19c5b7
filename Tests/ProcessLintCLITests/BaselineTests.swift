import Foundation
import TestSupport
import Testing

/// `lint --write-baseline` then `--baseline`: old findings accepted, new ones still fail, edits elsewhere keep the match.
@Suite struct BaselineTests {
    static let academic = try! String(
        contentsOfFile: CommandRunner.repository + "/processes/ctl019-academic-2018.yaml", encoding: .utf8)

    @Test func acceptsWhatWasThereAndFailsOnWhatIsNew() throws {
        let scratch = try ScratchFolder()
        let folder = scratch.path
        try scratch.write("process.yaml", Self.academic)
        let baseline = folder + "/baseline.json"
        let written = CommandRunner.run("lint", "--write-baseline", baseline, folder + "/process.yaml")
        #expect(written.status == 0, "writing a baseline adopts the findings: \(written.err)")
        #expect(written.err.hasSuffix("wrote 6 findings to the baseline \(baseline)\n"), "\(written.err)")

        let accepted = CommandRunner.run("lint", "--baseline", baseline, folder + "/process.yaml")
        #expect(accepted.status == 0)
        #expect(accepted.diagnosticLines.isEmpty)
        let json = CommandRunner.run("lint", "--format", "json", "--baseline", baseline, folder + "/process.yaml")
        #expect(
            json.out.components(separatedBy: "\"suppressed\":\"in the baseline \(baseline)\"").count - 1 == 6,
            "kept as an audit trail")

        // Lines shift (a comment on top) and the dose changes: still the same findings.
        let edited =
            "# reviewed 2026-11\n"
            + Self.academic.replacingOccurrences(of: "car_t_cells: 2.5e8", with: "car_t_cells: 1.0e8")
        try scratch.write("process.yaml", edited)
        #expect(CommandRunner.run("lint", "--baseline", baseline, folder + "/process.yaml").status == 0)

        // A vector copy number limit loosened: a new finding, reported alone.
        try scratch.replace("{test: vcn, max: 5,", with: "{test: vcn, max: 8,", in: "process.yaml")
        let worse = CommandRunner.run("lint", "--fail-on", "warning", "--baseline", baseline, folder + "/process.yaml")
        #expect(worse.status == 1)
        #expect(
            worse.diagnosticLines.map { $0.components(separatedBy: " [").last ?? "" } == ["vcn-limit]"], "\(worse.out)")
    }

    @Test func anUnreadableBaselineIsAnInputError() throws {
        let scratch = try ScratchFolder()
        let folder = scratch.path
        try scratch.write("baseline.json", "{\"findings\": 3}")
        let output = CommandRunner.run(
            "lint", "--baseline", folder + "/baseline.json", CommandRunner.repository + "/processes")
        #expect(output.status == 2)
        #expect(output.err.hasPrefix(folder + "/baseline.json:1:1: error: not a processlint baseline"))
        #expect(
            CommandRunner.run("lint", "--baseline", folder + "/none.json", CommandRunner.repository + "/processes")
                .status == 2)
    }

    /// Issue 13, item 5, over a scripted git history: the baseline is committed with the processes, then the
    /// processes change. An accepted risk stays accepted only while λ has not risen past the baseline's factor;
    /// entries that match nothing are counted; `--update-baseline` drops them and never raises an accepted λ.
    @Test func anAcceptedRiskIsReportedAgainOnceLambdaRisesPastTheFactor() throws {
        let repository = try DiffCommandTests.Repository()
        let processes = repository.root + "/processes"
        let baseline = repository.root + "/processlint-baseline.json"
        #expect(CommandRunner.run("lint", "--write-baseline", baseline, processes).status == 0)
        try repository.git("add", ".")
        try repository.git(
            "-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "baseline")
        let written =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: baseline))) as? [String: Any]
        #expect(written?["riskFactor"] as? Double == 2 && written?["processlintBaseline"] as? Int == 2)
        let riskEntry = try #require(
            (written?["findings"] as? [[String: Any]])?.first { $0["rule"] as? String == "residual-tumour-risk" })
        let accepted = try #require(riskEntry["lambda"] as? Double)
        #expect(riskEntry["process"] as? String == "added")

        // λ up by half: within the factor, still accepted.
        try repository.folder.replace(
            "dose: {car_t_cells: 1.0e8}", with: "dose: {car_t_cells: 1.5e8}", in: "processes/added.yaml")
        let within = CommandRunner.run("lint", "--baseline", baseline, processes)
        #expect(within.status == 0, "\(within.out)")

        // λ up fivefold: past the factor, reported as new with the rise.
        try repository.folder.replace(
            "dose: {car_t_cells: 1.5e8}", with: "dose: {car_t_cells: 5.0e8}", in: "processes/added.yaml")
        let past = CommandRunner.run("lint", "--baseline", baseline, processes)
        #expect(past.status == 1, "\(past.out)")
        let reported = past.diagnosticLines.filter { $0.hasSuffix("[residual-tumour-risk]") }
        #expect(reported.count == 1, "\(past.out)")
        #expect(
            reported.first?.range(
                of: #"; λ rose ×5\.0e0 since the baseline \(\d\.\de-?\d+\), past its risk factor 2 \["#,
                options: .regularExpression) != nil,
            "\(reported)")

        // A process removed: its entries match nothing, and the summary says how many.
        try repository.git("rm", "-q", "processes/depleted.yaml")
        let depletedEntries = (written?["findings"] as? [[String: Any]] ?? []).filter {
            $0["process"] as? String == "depleted"
        }
        .reduce(0) { $0 + ($1["count"] as? Int ?? 0) }
        #expect(depletedEntries > 0)
        let stale = CommandRunner.run("lint", "--baseline", baseline, processes)
        #expect(stale.err.contains("; \(depletedEntries) baseline entr"), "\(stale.err)")
        #expect(stale.err.contains(" nothing (--update-baseline removes them)"), "\(stale.err)")
        let json = try JSONSerialization.jsonObject(
            with: Data(CommandRunner.run("lint", "--format", "json", "--baseline", baseline, processes).out.utf8))
        #expect(
            ((json as? [String: Any])?["summary"] as? [String: Any])?["staleBaselineEntries"] as? Int == depletedEntries
        )

        // --update-baseline: stale entries gone, the accepted λ kept (not raised to the risen one), the rise still reported.
        let update = CommandRunner.run("lint", "--baseline", baseline, "--update-baseline", processes)
        #expect(update.status == 1, "the risen risk still fails: \(update.out)")
        #expect(
            update.err.contains("updated the baseline \(baseline): removed \(depletedEntries) stale entries"),
            "\(update.err)")
        let updated =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: baseline))) as? [String: Any]
        let entries = updated?["findings"] as? [[String: Any]] ?? []
        #expect(!entries.isEmpty && !entries.contains { $0["process"] as? String == "depleted" })
        #expect(entries.first { $0["rule"] as? String == "residual-tumour-risk" }?["lambda"] as? Double == accepted)
        let after = CommandRunner.run("lint", "--baseline", baseline, processes)
        #expect(!after.err.contains("baseline entr"), "\(after.err)")
        #expect(
            CommandRunner.run("lint", "--update-baseline", processes).status == 64, "--update-baseline needs --baseline"
        )
    }

    @Test func aFormatOneBaselineIsRejectedBecauseItRecordsNoLambda() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write("baseline.json", "{\"processlintBaseline\": 1, \"findings\": []}")
        let output = CommandRunner.run("lint", "--baseline", file, CommandRunner.repository + "/processes")
        #expect(output.status == 2)
        #expect(
            output.err.contains("baseline format 1 is not supported; this tool reads format 2 (format 1 records no λ"),
            "\(output.err)")
    }
}
