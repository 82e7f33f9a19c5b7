import ArgumentParser
import LintKit
import ProcessModel
import Reporters
import ResidualModel

/// `processlint estimate FILE...`: the residual-cell mass balance and risk of each process.
struct EstimateCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Estimate malignant cells in the dose and the chance one of them carries the CAR.",
        discussion: "Exit status: 0 when every file was estimated, 2 when any file cannot be read or breaks the format."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table
        case json
        case csv
    }

    @Argument(
        help:
            "Process files, or directories to search for *.yaml and *.yml files (default: the current directory, as for lint)."
    )
    var paths: [String] = ["."]

    @Option(help: "table: for reading; json: every figure, for tools; csv: the step table, for spreadsheets.")
    var format: Format = .table

    @OptionGroup var load: LoadOptions

    func run(console: Console, registry: RuleRegistry) -> ExitStatus {
        let discovered = ProcessFileDiscovery().files(under: paths)
        var failed = !discovered.problems.isEmpty || discovered.files.isEmpty
        console.err(discovered.problems)
        if discovered.files.isEmpty && discovered.problems.isEmpty {
            console.err("error: no process files (*.yaml, *.yml) under \(paths.joined(separator: ", "))\n")
        }
        var estimates: [(ProcessDesign, ResidualEstimate)] = []
        ProcessLoader(limits: load.limits).load(files: discovered.files) { result in
            console.err(result.diagnostics)
            guard let design = result.design else {
                failed = true
                return
            }
            estimates.append((design, ResidualEstimator.standard.estimate(design)))
        }
        switch format {
        case .table: estimates.forEach { console.out(EstimateTable(design: $0.0, estimate: $0.1).text) }
        case .json:
            console.out(
                EstimateJSON.text(
                    estimates, calibration: ResidualEstimator.standard.calibrationFactor,
                    cohort: ResidualEstimator.standard.calibrationCohort))
        case .csv: console.out(EstimateCSV.text(estimates))
        }
        if discovered.files.isEmpty && discovered.problems.isEmpty {
            console.err("\(paths.joined(separator: " ")): error: no process files (*.yaml, *.yml) found here\n")
        }
        return failed ? .invalidInput : .success
    }
}
