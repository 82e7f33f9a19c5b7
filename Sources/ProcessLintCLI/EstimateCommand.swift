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
        discussion: """
            With --target P: for each step that can remove malignant cells (and a depletion or T-cell selection where \
            the remedies would insert one), the log reduction it must achieve for the gate figure to stay under P, \
            and the largest malignant fraction at apheresis the design can take. With two files A B and --compare: \
            λ of B over λ of A from the same draws. Exit status: 0 when every file was estimated, 2 when any file \
            cannot be read or breaks the format, or an option's value is not valid.
            """
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

    // Unconditional: `--target -0.1` is a bad target, reported as such, not a missing value.
    @Option(
        parsing: .unconditional,
        help: """
            A probability the gate figure (P of a relapse from a CAR+ malignant cell) must stay under, such as 1e-4: \
            print what each step must achieve and who the design can treat.
            """)
    var target: String?

    @Flag(help: "With two process files A B: λ of B over λ of A as one distribution, from the same draws.")
    var compare = false

    @Flag(
        help: """
            Draw from the catalogue's priors alone, without their update on the clinical record: what the laboratory \
            evidence says before the record is heard (docs/estimate.md, "The update on the record").
            """)
    var priors = false

    @OptionGroup var load: LoadOptions

    func run(console: Console, registry: RuleRegistry) -> ExitStatus {
        let estimator = priors ? ResidualEstimator.standard.withPriorsOnly : .standard
        var targetValue: Double?
        if let target {
            switch ProbabilityArgument.parse(target, option: "--target", example: "1e-4") {
            case .success(let value): targetValue = value
            case .failure(let error):
                console.err(error.message + "\n")
                return .invalidInput
            }
        }
        if compare && paths.count != 2 {
            console.err(
                "error: --compare needs two process files, A B; got \(paths.count) path\(paths.count == 1 ? "" : "s")\n"
            )
            return .invalidInput
        }
        // --compare keeps A and B in the order given, and a file against itself as two versions.
        let discovered =
            compare
            ? paths.map { ProcessFileDiscovery().files(under: [$0]) }.reduce(
                into: (files: [String](), problems: [LoadDiagnostic]())
            ) {
                $0.files += $1.files
                $0.problems += $1.problems
            } : ProcessFileDiscovery().files(under: paths)
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
            estimates.append((design, estimator.estimate(design)))
        }
        let answers = Self.answers(estimates, target: targetValue, compare: compare, estimator: estimator)
        if compare && answers.comparison == nil && !failed {
            console.err(
                "error: --compare needs two process files whose risk can be estimated (each states a malignant fraction)\n"
            )
            failed = true
        }
        switch format {
        case .table:
            for (design, estimate) in estimates {
                console.out(EstimateTable(design: design, estimate: estimate).text)
                answers.targets[design.file].map { console.out(EstimateAnswersText.text($0)) }
            }
            answers.comparison.map {
                console.out(EstimateAnswersText.comparison($0.ratio, base: $0.base, head: $0.head))
            }
        case .json:
            console.out(
                EstimateJSON.text(
                    estimates, calibration: estimator.calibrationFactor, cohort: estimator.calibrationCohort,
                    answers: answers))
        case .csv:
            if let comparison = answers.comparison {
                console.out(EstimateCSV.comparison(comparison.ratio, base: comparison.base, head: comparison.head))
            } else {
                console.out(EstimateCSV.text(estimates, targets: answers.targets))
            }
        }
        if discovered.files.isEmpty && discovered.problems.isEmpty {
            console.err("\(paths.joined(separator: " ")): error: no process files (*.yaml, *.yml) found here\n")
        }
        return failed ? .invalidInput : .success
    }

    /// The target's answers for every file, and with `--compare` the ratio of the second file's λ over the first's.
    static func answers(
        _ estimates: [(ProcessDesign, ResidualEstimate)], target: Double?, compare: Bool, estimator: ResidualEstimator
    ) -> EstimateJSON.Answers {
        var answers = EstimateJSON.Answers()
        if let target {
            for (design, _) in estimates {
                answers.targets[design.file] = estimator.answers(for: design, target: target)
            }
        }
        if compare, estimates.count == 2,
            let ratio = estimator.riskRatio(base: estimates[0].0, head: estimates[1].0)
        {
            answers.comparison = (estimates[0].0.file, estimates[1].0.file, ratio)
        }
        return answers
    }
}
