// Times a declarative rule against the built-in rule it restates, per file, on corpus files loaded once
// (the estimate of each is computed once, as in a lint run, and not timed). Release build:
// `python3 benchmarks/run.py`, or `rule-benchmark DIR [--count N]`.
import BuiltinRules
import CustomRules
import Foundation
import LintKit
import ProcessModel

let arguments = Array(CommandLine.arguments.dropFirst())
guard let folder = arguments.first else { fatalError("usage: rule-benchmark DIR [--count N]") }
let count = arguments.firstIndex(of: "--count").map { Int(arguments[$0 + 1])! } ?? 1_000

let files = ProcessFileDiscovery().files(under: [folder]).files.prefix(count)
let texts = files.compactMap {
    FileManager.default.contents(atPath: $0).map { ($0, String(decoding: $0, as: UTF8.self)) }
}

/// The designs of the corpus texts, after `edit`, each with its estimate.
func contexts(_ edit: (String) -> String = { $0 }) -> [LintContext] {
    texts.compactMap { ProcessLoader().load(bytes: Array(edit($0.1).utf8), file: "corpus.yaml").design }
        .map { LintContext(design: $0, estimator: Linter.defaultEstimator) }
}
let corpus = contexts()
// The same files with a VCN limit of 10, so both VCN rules report on every file that lists the test.
let loose = contexts { $0.replacingOccurrences(of: "{test: vcn, max: 5", with: "{test: vcn, max: 10") }

// The declarative restatements of two built-in rules.
let ruleFile = """
    processlint-rules: 1
    rules:
      - id: declarative-vcn-limit
        severity: warning
        title: VCN limit above 5
        message: "vector copy number limit {value} is above {limit} copies per transduced cell"
        rationale: The declarative restatement of vcn-limit.
        when: {vector: [lentiviral, gamma-retroviral, transposon]}
        release_test: {test: vcn, max: 5, required: false}
      - id: declarative-transduction-before-activation
        severity: error
        title: Transduction before activation
        message: "step {step} transduces T cells before any activation"
        rationale: The declarative restatement of transduction-before-activation.
        order: {step: {operation: activation}, must_be: before, other: {operation: transduction}}
    """
// The reader also returns its warnings (none for this file); only the rules are timed.
let declarative = try! RuleFileReader().read(bytes: Array(ruleFile.utf8), file: "benchmark-rules.yaml").get().rules
let pairs: [(String, [LintContext], any Rule, any Rule)] = [
    ("release-test limit", corpus, BuiltinRules.registry.rule(withID: "vcn-limit")!, declarative[0]),
    ("same, limit 10", loose, BuiltinRules.registry.rule(withID: "vcn-limit")!, declarative[0]),
    ("order", corpus, BuiltinRules.registry.rule(withID: "transduction-before-activation")!, declarative[1]),
]

/// Nanoseconds per file of one pass of `rule` over every context, and its findings.
func pass(_ rule: any Rule, on contexts: [LintContext]) -> (nanoseconds: Double, findings: Int) {
    var findings = 0
    let start = DispatchTime.now().uptimeNanoseconds
    for context in contexts { findings += rule.check(context).count }
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / Double(contexts.count), findings)
}

/// The fastest of `rounds` passes of each rule, the two interleaved: on a machine shared with other work the
/// fastest pass is the rule's own cost, where a median still moves with the load.
func compare(_ first: any Rule, _ second: any Rule, on contexts: [LintContext], rounds: Int = 41)
    -> (first: Double, second: Double, findings: (Int, Int))
{
    var a: [Double] = []
    var b: [Double] = []
    var findings = (0, 0)
    for _ in 0..<rounds {
        let x = pass(first, on: contexts)
        let y = pass(second, on: contexts)
        a.append(x.nanoseconds)
        b.append(y.nanoseconds)
        findings = (x.findings, y.findings)
    }
    return (a.min()!, b.min()!, findings)
}

func column(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }

print("\(corpus.count) designs (of \(files.count) files); time per file, fastest of 41 interleaved passes")
print(column("check", 20), column("built-in rule", 32), column("built-in", 24), "declarative")
for (label, contexts, builtIn, custom) in pairs {
    let result = compare(builtIn, custom, on: contexts)
    print(
        column(label, 20), column(builtIn.description.id, 32),
        column(String(format: "%5.0f ns (%d findings)", result.first, result.findings.0), 24),
        String(format: "%5.0f ns (%d findings)", result.second, result.findings.1))
}
