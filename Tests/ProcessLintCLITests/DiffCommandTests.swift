import Foundation
import TestSupport
import Testing

/// `processlint diff` over a scripted git history in a temporary repository: a step added, a depletion
/// removed, steps reordered and a file renamed, with the exit status under each gate.
@Suite struct DiffCommandTests {
    /// A small valid process; `steps` replaces its step list.
    static func process(_ name: String, steps: [String]) -> String {
        """
        processlint: 1
        name: \(name)
        product: {car_target: CD19, vector: lentiviral}
        indication: B-ALL
        starting_material: {kind: leukapheresis, composition: {T: 0.4, malignant: 0.05}, malignant_markers: [CD19, CD10]}
        steps:
        \(steps.map { "  - " + $0 }.joined(separator: "\n"))
        dose: {car_t_cells: 1.0e8}
        release_tests: [sterility, mycoplasma, endotoxin, {test: vcn, max: 5}, rcl, residual-malignant-cells, identity, potency, viability]

        """
    }

    static let depletion = "{id: cd19-depletion, operation: depletion, markers: [CD19]}"
    static let selection = "{id: t-cell-selection, operation: positive-selection, markers: [CD4, CD8]}"
    static let activation = "{id: activate, operation: activation, reagent: anti-cd3-cd28-antibodies}"
    static let transduction = "{id: transduce, operation: transduction}"
    static let expansion = "{id: expand, operation: expansion, days: 9}"
    static let cd10Depletion = "{id: cd10-depletion, operation: depletion, markers: [CD10]}"

    /// A repository whose one commit holds three processes, then the working tree changed as a pull request would.
    final class Repository {
        let folder: ScratchFolder
        var root: String { folder.path }

        init() throws {
            folder = try ScratchFolder()
            // A CD4/CD8 selection keeps these designs under the default gate; the site's threshold puts the one
            // without a depletion over it, so that adding a depletion fixes a finding.
            try write(".processlint.yml", "options:\n  residual-tumour-risk: {threshold: 1.0e-5}\n")
            try write(
                "processes/depleted.yaml",
                process("depleted", steps: [depletion, selection, activation, transduction, expansion]))
            try write(
                "processes/added.yaml", process("added", steps: [selection, activation, transduction, expansion]))
            try write(
                "processes/ordered.yaml", process("ordered", steps: [selection, activation, transduction, expansion]))
            try git("init", "-q")
            try git("add", ".")
            try git("-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "base")
        }

        func write(_ path: String, _ text: String) throws {
            try folder.write(path, text)
        }

        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", root] + arguments
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
        }

        /// The pull request: a CD10 depletion added, the CD19 depletion and the selection removed, transduction
        /// moved before activation in a file also renamed.
        func change() throws {
            try write(
                "processes/added.yaml",
                process("added", steps: [selection, cd10Depletion, activation, transduction, expansion]))
            try write("processes/depleted.yaml", process("depleted", steps: [activation, transduction, expansion]))
            try write(
                "processes/ordered.yaml", process("ordered", steps: [selection, transduction, activation, expansion]))
            try git("mv", "processes/ordered.yaml", "processes/renamed.yaml")
        }
    }

    struct Report: Decodable {
        struct Process: Decodable {
            let process: String
            let file: String?
            let baseFile: String?
            let new: [Finding]
            let fixed: [Finding]
            let unchanged: Int
            let risk: Risk
        }
        struct Finding: Decodable {
            let rule: String
            let step: String?
        }
        struct Risk: Decodable {
            let factor: Double?
            let stepChanges: [String]
            let summary: String
        }
        struct Summary: Decodable { let new, fixed, unchanged, riskIncreases: Int }
        struct Gate: Decodable {
            struct Failure: Decodable, Equatable {
                let gate: String
                let process: String?
                let reason: String
            }
            let passed: Bool
            let failures: [Failure]
        }
        let schemaVersion: Int
        let processes: [Process]
        let summary: Summary
        let gate: Gate

        subscript(_ name: String) -> Process? { processes.first { $0.process == name } }
    }

    @Test func reportsWhatTheChangeIntroducedAndWhyTheRiskRose() throws {
        let repository = try Repository()
        try repository.change()
        let output = CommandRunner.run("diff", "--base", "HEAD", "--format", "json", repository.root + "/processes")
        #expect(output.status == 0, "no gate requested: \(output.err)")
        let report = try JSONDecoder().decode(Report.self, from: Data(output.out.utf8))
        #expect(report.schemaVersion == 1)

        let depleted = try #require(report["depleted"])
        #expect(
            depleted.new.map(\.rule).sorted() == [
                "missing-t-cell-selection", "no-tumour-depletion-before-transduction", "residual-tumour-risk",
            ])
        #expect(depleted.fixed.isEmpty)
        #expect(
            depleted.risk.stepChanges == [
                "step 'cd19-depletion' (depletion) was removed",
                "step 't-cell-selection' (positive-selection) was removed",
            ])
        #expect((depleted.risk.factor ?? 0) > 1000, "\(depleted.risk.summary)")

        let added = try #require(report["added"])
        #expect(added.new.isEmpty && added.unchanged > 0)
        #expect(added.fixed.map(\.rule) == ["residual-tumour-risk"], "the depletion brings λ under the threshold")
        #expect(added.risk.stepChanges == ["step 'cd10-depletion' (depletion) was added"])
        #expect((added.risk.factor ?? 1) < 0.1, "\(added.risk.summary)")

        // Renamed and reordered: matched by name, so only the reordering's own finding is new.
        let ordered = try #require(report["ordered"])
        #expect(ordered.baseFile == "processes/ordered.yaml")
        #expect(ordered.file?.hasSuffix("/processes/renamed.yaml") == true)
        #expect(ordered.new.map(\.rule) == ["transduction-before-activation"])
        // Two neighbours swapped: either may be called the one that moved, but only one is.
        #expect(ordered.risk.stepChanges.count == 1 && ordered.risk.stepChanges[0].hasSuffix("was moved"))
        #expect(report.processes.count == 3)
    }

    @Test func gatesFailOnlyOnWhatTheyAreAskedAbout() throws {
        let repository = try Repository()
        let unchanged = CommandRunner.run(
            "diff", "--base", "HEAD", "--fail-on-new", "--fail-on-risk-increase", "1", repository.root)
        #expect(unchanged.status == 0, "nothing changed yet: \(unchanged.out)\(unchanged.err)")
        try repository.change()
        let root = repository.root
        #expect(CommandRunner.run("diff", "--base", "HEAD", root).status == 0)
        #expect(CommandRunner.run("diff", "--base", "HEAD", "--fail-on-new", root).status == 1)
        #expect(CommandRunner.run("diff", "--base", "HEAD", "--fail-on-risk-increase", "10", root).status == 1)
        #expect(CommandRunner.run("diff", "--base", "HEAD", "--fail-on-risk-increase", "1e12", root).status == 0)

        // Only the added depletion: λ fell, and nothing is new at any severity.
        try repository.git("reset", "-q", "--hard")
        try repository.write(
            "processes/added.yaml",
            Self.process(
                "added",
                steps: [Self.selection, Self.cd10Depletion, Self.activation, Self.transduction, Self.expansion]))
        let improvement = CommandRunner.run(
            "diff", "--base", "HEAD", "--fail-on-new", "--fail-on", "note", "--fail-on-risk-increase", "1", root)
        #expect(improvement.status == 0, "\(improvement.out)")
        #expect(improvement.out.contains("λ fell from"))
        #expect(improvement.out.contains("because step 'cd10-depletion' (depletion) was added"))
    }

    @Test func comparesTwoFoldersWithoutGit() throws {
        let repository = try Repository()
        let before = repository.root + "/before"
        try FileManager.default.copyItem(atPath: repository.root + "/processes", toPath: before)
        try repository.change()
        let output = CommandRunner.run("diff", "--fail-on-new", before, repository.root + "/processes")
        #expect(output.status == 1)
        #expect(output.out.contains("new    \(repository.root)/processes/depleted.yaml:"))
        let summary = try #require(output.out.split(separator: "\n").first { $0.contains(" processes; λ rose in ") })
        #expect(
            summary.hasPrefix("4 new, 1 fixed, ") && summary.hasSuffix(" in 3 processes; λ rose in 1 of them"),
            "\(summary)")
    }

    @Test func unreadableRevisionsAndBrokenFilesExitTwo() throws {
        let repository = try Repository()
        let missing = CommandRunner.run("diff", "--base", "no-such-branch", repository.root)
        #expect(missing.status == 2)
        #expect(missing.err.contains("'no-such-branch' is not a commit"))
        try repository.write("processes/added.yaml", "processlint: 1\nname: [broken\n")
        let broken = CommandRunner.run("diff", "--base", "HEAD", repository.root)
        #expect(broken.status == 2)
        // Said in the output too, not only by the exit status (issue 13, item 10).
        #expect(
            broken.out.hasSuffix(
                "gate failed: 1 file of the current version cannot be read or breaks the format, so it was not compared (exit 2)\n"
            ),
            "\(broken.out)")
        let json = try Self.report(CommandRunner.run("diff", "--base", "HEAD", "--format", "json", repository.root))
        #expect(!json.gate.passed && json.gate.failures.map(\.gate) == ["input"])
        #expect(CommandRunner.run("diff", repository.root).status == 64, "one path without --base is a usage error")
    }

    /// The README's example: Tecartus without its T-cell selection, Kymriah's file renamed.
    @Test func theReadmeExampleIsReal() throws {
        let repository = try Repository()
        let processes = CommandRunner.repository + "/processes/"
        let tecartus = try String(contentsOfFile: processes + "tecartus.yaml", encoding: .utf8)
        try repository.write("processes/tecartus.yaml", tecartus)
        try repository.write(
            "processes/kymriah.yaml", String(contentsOfFile: processes + "kymriah.yaml", encoding: .utf8))
        for name in ["depleted", "added", "ordered"] { try repository.git("rm", "-q", "processes/\(name).yaml") }
        try repository.git("rm", "-q", ".processlint.yml")
        try repository.git("add", ".")
        try repository.git(
            "-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "the README's base")
        let selection = try #require(tecartus.range(of: "  - id: t-cell-selection\n"))
        let activation = try #require(tecartus.range(of: "  - id: activation\n"))
        try repository.write(
            "processes/tecartus.yaml",
            tecartus.replacingCharacters(in: selection.lowerBound..<activation.lowerBound, with: ""))
        try repository.git("mv", "processes/kymriah.yaml", "processes/kymriah-renamed.yaml")

        let output = CommandRunner.run(
            "diff", "--base", "HEAD", repository.root + "/processes/", "--fail-on-new", "--fail-on-risk-increase", "10")
        let real = output.out.replacingOccurrences(of: repository.root + "/", with: "")
        let shown = try #require(
            try CommandRunner.readmeOutput(
                after: "processlint diff --base origin/main processes/ --fail-on-new --fail-on-risk-increase 10",
                real: real))
        #expect(output.status == 1)
        #expect(real == shown)
    }

    // Every way of slipping a risky process past the gate that issue 13 found, each on the scripted history.

    static func report(_ output: CommandRunner.Output) throws -> Report {
        try JSONDecoder().decode(Report.self, from: Data(output.out.utf8))
    }

    /// The selection and the depletion removed in the edit that bumps the name: the process is found again by
    /// its file, so λ's rise is compared and fails the gate.
    @Test func aProcessWhoseNameChangedIsPairedByItsFile() throws {
        let repository = try Repository()
        try repository.write(
            "processes/depleted.yaml",
            Self.process("depleted v2", steps: [Self.activation, Self.transduction, Self.expansion]))
        let output = CommandRunner.run(
            "diff", "--base", "HEAD", "--format", "json", "--fail-on-risk-increase", "10", repository.root)
        #expect(output.status == 1, "\(output.out)")
        let report = try Self.report(output)
        let process = try #require(report["depleted v2"])
        #expect(process.baseFile == "processes/depleted.yaml")
        #expect((process.risk.factor ?? 0) > 1000, "\(process.risk.summary)")
        #expect(report.processes.count == 3, "no process reported as removed and another as new")
        #expect(report.summary.riskIncreases == 1)
    }

    /// The file renamed with `git mv` in the same edit: paired by the rename git reports.
    @Test func aProcessRenamedAndMovedIsPairedByTheRenameGitReports() throws {
        let repository = try Repository()
        try repository.git("mv", "processes/depleted.yaml", "processes/depleted-v2.yaml")
        try repository.write(
            "processes/depleted-v2.yaml",
            Self.process("depleted v2", steps: [Self.activation, Self.transduction, Self.expansion]))
        let output = CommandRunner.run("diff", "--base", "HEAD", "--fail-on-risk-increase", "10", repository.root)
        #expect(output.status == 1, "\(output.out)")
        #expect(
            output.out.contains(
                "process 'depleted v2' (\(repository.root)/processes/depleted-v2.yaml, was 'depleted' in processes/depleted.yaml)\n"
            ),
            "\(output.out)")
        #expect(output.out.contains("gate failed: process 'depleted v2': λ rose ×"), "\(output.out)")
    }

    /// A process with no counterpart at all is held to an absolute λ the user can set.
    @Test func aProcessWithNoCounterpartIsJudgedAgainstALimit() throws {
        let repository = try Repository()
        try repository.write(
            "processes/fresh.yaml", Self.process("fresh", steps: [Self.activation, Self.transduction, Self.expansion]))
        let failed = CommandRunner.run(
            "diff", "--base", "HEAD", "--format", "json", "--fail-on-risk-increase", "10", repository.root)
        #expect(failed.status == 1, "\(failed.out)")
        let failure = try #require(try Self.report(failed).gate.failures.first)
        #expect(failure.gate == "--fail-on-risk-increase" && failure.process == "fresh")
        #expect(
            failure.reason.hasPrefix("a new process: λ ")
                && failure.reason.hasSuffix(" > 1 (--new-process-lambda-limit)"), "\(failure.reason)")
        let allowed = CommandRunner.run(
            "diff", "--base", "HEAD", "--fail-on-risk-increase", "10", "--new-process-lambda-limit", "1e12",
            repository.root)
        #expect(allowed.status == 0, "\(allowed.out)")
    }

    /// The malignant fraction deleted with the selection: the risk finding is not fixed, and the gate fails saying why.
    @Test func aRiskThatCanNoLongerBeEstimatedFailsAndIsNotFixed() throws {
        let repository = try Repository()
        let unestimated = Self.process("added", steps: [Self.activation, Self.transduction, Self.expansion])
            .replacingOccurrences(of: "{T: 0.4, malignant: 0.05}", with: "{T: 0.4}")
        #expect(!unestimated.contains("malignant: 0.05"))
        try repository.write("processes/added.yaml", unestimated)
        let output = CommandRunner.run(
            "diff", "--base", "HEAD", "--format", "json", "--fail-on-risk-increase", "10", repository.root)
        #expect(output.status == 1, "\(output.out)")
        let report = try Self.report(output)
        let added = try #require(report["added"])
        #expect(!added.fixed.contains { $0.rule == "residual-tumour-risk" }, "never counted as fixed")
        #expect(
            report.gate.failures == [
                .init(
                    gate: "--fail-on-risk-increase", process: "added", reason: report.gate.failures.first?.reason ?? "")
            ])
        let reason = try #require(report.gate.failures.first?.reason)
        #expect(
            reason.hasPrefix("λ can no longer be estimated (it was ")
                && reason.hasSuffix("states no malignant fraction ('composition: malignant')"),
            "\(reason)")
        let text = CommandRunner.run("diff", "--base", "HEAD", "--fail-on-risk-increase", "10", repository.root)
        #expect(text.out.contains("  unknown processes/added.yaml:"), "\(text.out)")
        #expect(text.out.contains("[residual-tumour-risk] (before; not fixed: no estimate to check now)\n"))
    }

    /// A failed gate says which and by how much, in text and in JSON.
    @Test func aFailedGateSaysWhichAndByHowMuch() throws {
        let repository = try Repository()
        try repository.change()
        let text = CommandRunner.run(
            "diff", "--base", "HEAD", "--fail-on-new", "--fail-on-risk-increase", "10", repository.root)
        #expect(text.status == 1)
        let gateLines = text.outLines.filter { $0.hasPrefix("gate failed: ") }
        #expect(gateLines.count == 2, "\(text.out)")
        #expect(gateLines.first == "gate failed: 3 new findings at or above error, --fail-on-new", "\(gateLines)")
        let rise = try #require(gateLines.last)
        #expect(
            rise.range(
                of: #"^gate failed: process 'depleted': λ rose ×\d\.\de\d+ > 10, --fail-on-risk-increase$"#,
                options: .regularExpression) != nil,
            "\(rise)")
        let json = try Self.report(
            CommandRunner.run(
                "diff", "--base", "HEAD", "--format", "json", "--fail-on-risk-increase", "10", repository.root))
        #expect(!json.gate.passed && json.gate.failures.map(\.process) == ["depleted"])
        #expect(json.gate.failures.first.map { rise.hasSuffix($0.reason + ", " + $0.gate) } == true)
        let passing = try Self.report(CommandRunner.run("diff", "--base", "HEAD", "--format", "json", repository.root))
        #expect(passing.gate.passed && passing.gate.failures.isEmpty)
    }

    /// Two files named alone are one process, whatever their names say.
    @Test func twoFilesNamedAloneAreCompared() throws {
        let scratch = try ScratchFolder()
        let old = try scratch.write(
            "old.yaml",
            Self.process(
                "v1", steps: [Self.depletion, Self.selection, Self.activation, Self.transduction, Self.expansion]))
        let new = try scratch.write(
            "new.yaml", Self.process("v2", steps: [Self.activation, Self.transduction, Self.expansion]))
        let output = CommandRunner.run("diff", "--fail-on-risk-increase", "10", old, new)
        #expect(output.status == 1, "\(output.out)")
        #expect(output.out.contains("process 'v2' (\(new), was 'v1' in \(old))\n"), "\(output.out)")
    }
}

/// Issue 11, item 5: the risk gate reads a quantile of λ now ÷ λ before, drawn from the same draws of both versions.
extension DiffCommandTests {
    static func ratioProcess(before: String = "") -> String { EstimateCommandTests.answersProcess(before: before) }

    struct RatioReport: Decodable {
        struct Process: Decodable {
            struct Risk: Decodable {
                struct Ratio: Decodable { let median, low, high, mean: Double }
                let ratio: Ratio?
            }
            let risk: Risk
        }
        let processes: [Process]
    }

    static func ratio(_ output: CommandRunner.Output) throws -> RatioReport.Process.Risk.Ratio {
        let report = try JSONDecoder().decode(RatioReport.self, from: Data(output.out.utf8))
        return try #require(report.processes.first?.risk.ratio, "\(output.out)")
    }

    @Test func theGateReadsTheStatedQuantileOfTheRatio() throws {
        let scratch = try ScratchFolder()
        let depleted = try scratch.write(
            "old.yaml", Self.ratioProcess(before: "  - {id: cd19-depletion, operation: depletion, markers: [CD19]}\n"))
        let plain = try scratch.write("new.yaml", Self.ratioProcess())
        let ratio = try Self.ratio(CommandRunner.run("diff", "--format", "json", depleted, plain))
        #expect(ratio.low < ratio.median && ratio.median < ratio.high)
        // A factor between the ratio's median and its 95th percentile: the median passes, the cautious quantile fails.
        let factor = String((ratio.median * ratio.high).squareRoot())
        #expect(CommandRunner.run("diff", "--fail-on-risk-increase", factor, depleted, plain).status == 0)
        let cautious = CommandRunner.run(
            "diff", "--fail-on-risk-increase", factor, "--risk-quantile", "0.95", depleted, plain)
        #expect(cautious.status == 1)
        #expect(cautious.out.contains("at the ratio's 0.95 quantile > "), "\(cautious.out)")
        #expect(cautious.out.contains("  ratio  λ now ÷ λ before, from the same draws: median "), "\(cautious.out)")
    }

    @Test func aVersionAgainstItselfIsExactlyOne() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write("p.yaml", Self.ratioProcess())
        let ratio = try Self.ratio(CommandRunner.run("diff", "--format", "json", file, file))
        #expect((ratio.median, ratio.low, ratio.high, ratio.mean) == (1, 1, 1, 1))
    }

    @Test(arguments: ["0", "1", "-0.5", "1.5", "nan", "x"])
    func aQuantileOutOfRangeIsAClearErrorAndExitTwo(_ value: String) throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write("p.yaml", Self.ratioProcess())
        let output = CommandRunner.run("diff", "--fail-on-risk-increase", "10", "--risk-quantile", value, file, file)
        #expect(output.status == 2)
        #expect(
            output.err
                == "error: --risk-quantile must be a probability strictly between 0 and 1, such as 0.95; got '\(value)'\n"
        )
    }
}
