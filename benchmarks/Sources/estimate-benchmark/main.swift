// Times the residual-cell estimator on the reference processes: the exact risk of one process, and a
// 100,000-draw Monte Carlo of one process. Run in a release build: `python3 benchmarks/run.py`.
import Foundation
import ProcessModel
import ResidualModel

let processes = CommandLine.arguments.dropFirst().map { path -> ProcessDesign in
    guard let design = ProcessLoader().load(file: path).design else { fatalError("\(path) does not load") }
    return design
}
let estimator = ResidualEstimator.standard

/// Median seconds per call over `rounds` rounds of `repetitions` calls each.
func measure(rounds: Int = 7, repetitions: Int, _ body: () -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<repetitions { body() }
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 / Double(repetitions))
    }
    return times.sorted()[rounds / 2]
}

var sink = 0.0
print(
    "process".padding(toLength: 28, withPad: " ", startingAt: 0),
    "path    risk (one call)   MC 100,000 draws   full estimate")
for design in processes {
    let name = (design.file as NSString).lastPathComponent.padding(toLength: 28, withPad: " ", startingAt: 0)
    guard let risk = estimator.risk(of: design) else { continue }
    let isExact = risk.method == .exact
    // The exact path is timed over many calls; a Monte Carlo design's risk is one 100,000-draw run.
    let call = measure(repetitions: isExact ? 2_000 : 1) { sink += estimator.risk(of: design)?.lambda.median ?? 0 }
    let monteCarlo = measure(rounds: 5, repetitions: 1) {
        sink += estimator.monteCarloRisk(of: design, draws: 100_000).lambda.median
    }
    let full = measure(rounds: 3, repetitions: 1) { sink += estimator.estimate(design).risk?.lambda.median ?? 0 }
    print(
        name, isExact ? "exact" : "MC   ",
        String(format: "%11.1f µs  %14.1f ms  %12.1f ms", call * 1e6, monteCarlo * 1e3, full * 1e3))
}
if sink.isNaN { print(sink) }
