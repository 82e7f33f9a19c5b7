import Foundation
import TestSupport
import Testing

/// `lint --write-baseline` then `--baseline`: old findings accepted, new ones still fail, edits elsewhere keep the match.
@Suite struct BaselineTests {
    static let academic = try! String(contentsOfFile: CommandRunner.repository + "/processes/ctl019-academic-2018.yaml", encoding: .utf8)

    @Test func acceptsWhatWasThereAndFailsOnWhatIsNew() throws {
        let scratch = try ScratchFolder()
        let folder = scratch.path
        try scratch.write("process.yaml", Self.academic)
        let baseline = folder + "/baseline.json"
        let written = CommandRunner.run("lint", "--write-baseline", baseline, folder + "/process.yaml")
        #expect(written.status == 0, "writing a baseline adopts the findings: \(written.err)")
        #expect(written.err.hasSuffix("wrote 5 findings to the baseline \(baseline)\n"), "\(written.err)")

        let accepted = CommandRunner.run("lint", "--baseline", baseline, folder + "/process.yaml")
        #expect(accepted.status == 0)
        #expect(accepted.diagnosticLines.isEmpty)
        let json = CommandRunner.run("lint", "--format", "json", "--baseline", baseline, folder + "/process.yaml")
        #expect(json.out.components(separatedBy: "\"suppressed\":\"in the baseline \(baseline)\"").count - 1 == 5, "kept as an audit trail")

        // Lines shift (a comment on top) and the dose changes: still the same findings.
        let edited = "# reviewed 2026-11\n" + Self.academic.replacingOccurrences(of: "car_t_cells: 2.5e8", with: "car_t_cells: 1.0e8")
        try scratch.write("process.yaml", edited)
        #expect(CommandRunner.run("lint", "--baseline", baseline, folder + "/process.yaml").status == 0)

        // A vector copy number limit loosened: a new finding, reported alone.
        try scratch.replace("{test: vcn, max: 5,", with: "{test: vcn, max: 8,", in: "process.yaml")
        let worse = CommandRunner.run("lint", "--fail-on", "warning", "--baseline", baseline, folder + "/process.yaml")
        #expect(worse.status == 1)
        #expect(worse.diagnosticLines.map { $0.components(separatedBy: " [").last ?? "" } == ["vcn-limit]"], "\(worse.out)")
    }

    @Test func anUnreadableBaselineIsAnInputError() throws {
        let scratch = try ScratchFolder()
        let folder = scratch.path
        try scratch.write("baseline.json", "{\"findings\": 3}")
        let output = CommandRunner.run("lint", "--baseline", folder + "/baseline.json", CommandRunner.repository + "/processes")
        #expect(output.status == 2)
        #expect(output.err.hasPrefix(folder + "/baseline.json:1:1: error: not a processlint baseline"))
        #expect(CommandRunner.run("lint", "--baseline", folder + "/none.json", CommandRunner.repository + "/processes").status == 2)
    }
}
