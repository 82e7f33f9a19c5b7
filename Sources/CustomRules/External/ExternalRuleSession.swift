import LintKit
import ProcessModel
import ResidualModel

/// The external rules of one lint run: which program checks which processes, and each program run once,
/// over all of them, however many files and folders name it.
public struct ExternalRuleSession: Sendable {
    /// Every external rule some configuration runs, each once, in the order they are declared.
    public let rules: [ExternalRuleDeclaration]
    /// Bytes of standard output a program may print before it is killed.
    public var outputLimit = 16 * 1024 * 1024
    public var estimator = Linter.defaultEstimator

    public init(configurations: [Configuration]) {
        var seen = Set<ExternalRuleDeclaration>()
        rules = configurations.flatMap(\.enabledExternalRules).filter { seen.insert($0).inserted }
    }

    /// Whether no configuration runs an external rule, so files can be reported as soon as they are linted.
    public var isEmpty: Bool { rules.isEmpty }

    /// What the results of a run are: the diagnostics by file, and every program that failed.
    public struct Results: Sendable {
        public let diagnostics: [String: [Diagnostic]]
        public let failures: [ExternalRuleFailure]
    }

    /// Runs every rule once over the designs whose configuration enables it, estimating each design's risk.
    public func run(_ designs: [(design: ProcessDesign, configuration: Configuration)]) -> Results {
        let estimator = estimator
        return run(assessed: designs.concurrentMap { ($0.design, $0.configuration, estimator.risk(of: $0.design)) })
    }

    /// The same, with each design's risk already estimated (by the linter, which shares it with every rule).
    public func run(assessed designs: [(design: ProcessDesign, configuration: Configuration, risk: Risk?)]) -> Results {
        let governed = designs.filter { !$0.configuration.enabledExternalRules.isEmpty }
        let processes = governed.map {
            GovernedProcess(design: $0.design, risk: $0.risk, severities: $0.configuration.severity)
        }
        let outputLimit = outputLimit
        let outcomes = rules.concurrentMap { rule -> Result<[Diagnostic], ExternalRuleFailure> in
            let mine = zip(governed, processes).filter { $0.0.configuration.enabledExternalRules.contains(rule) }.map {
                $0.1
            }
            // A rule whose files all failed to load has nothing to check: it is not started.
            guard !mine.isEmpty else { return .success([]) }
            return ExternalRuleExchange(rule: rule, outputLimit: outputLimit).run(mine)
        }
        var diagnostics: [String: [Diagnostic]] = [:]
        var failures: [ExternalRuleFailure] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let found):
                for diagnostic in found { diagnostics[diagnostic.location.file, default: []].append(diagnostic) }
            case .failure(let failure): failures.append(failure)
            }
        }
        return Results(diagnostics: diagnostics, failures: failures)
    }
}
