import LintKit

/// `processlint diff` for people: per process, the findings the change introduced and fixed, and how its
/// risk moved and why; processes with nothing new, fixed or moved are only counted. A failed gate is named
/// last, with by how much.
public enum DiffText {
    /// - Parameter displayed: how to show a file path (the base version's files live in a temporary folder).
    public static func render(
        _ comparison: FindingComparison, gateFailures: [DiffGate.Failure] = [],
        displayed: (String) -> String
    ) -> String {
        var text = ""
        for process in comparison.processes {
            guard
                !process.new.isEmpty || !process.fixed.isEmpty || !process.unverified.isEmpty || process.risk.moved
                    || process.baseIdentity != nil
            else { continue }
            let file = (process.head ?? process.base).map { displayed($0.file) } ?? ""
            let state =
                process.head == nil
                ? ", removed"
                : process.base == nil
                    ? ", new"
                    : process.baseIdentity.map {
                        ", was '\($0)'"
                            + (displayed(process.base!.file) == file ? "" : " in \(displayed(process.base!.file))")
                    } ?? ""
            text += "process '\(process.identity)' (\(file)\(state))\n"
            for diagnostic in process.new { text += "  new    \(line(diagnostic, displayed))\n" }
            for diagnostic in process.fixed { text += "  fixed  \(line(diagnostic, displayed)) (before)\n" }
            for diagnostic in process.unverified {
                text += "  unknown \(line(diagnostic, displayed)) (before; not fixed: no estimate to check now)\n"
            }
            if process.risk.moved { text += "  risk   \(process.risk.summary)\n" }
            if process.risk.moved, let ratio = process.risk.ratio {
                let spread = ratio.spread
                text +=
                    "  ratio  λ now ÷ λ before, from the same draws: median \(FigureFormat.count(spread.median)) "
                    + "(90%: \(FigureFormat.count(spread.low))–\(FigureFormat.count(spread.high)))\n"
            }
        }
        text +=
            "\(comparison.new.count) new, \(comparison.fixed.count) fixed, "
            + (comparison.unverified.isEmpty ? "" : "\(comparison.unverified.count) no longer checkable, ")
            + "\(comparison.unchanged.count) unchanged "
            + "finding\(comparison.unchanged.count == 1 ? "" : "s") in \(comparison.processes.count) "
            + "process\(comparison.processes.count == 1 ? "" : "es"); λ rose in \(comparison.riskIncreases) of them\n"
        for failure in gateFailures { text += "gate failed: \(failure)\n" }
        return text
    }

    private static func line(_ diagnostic: Diagnostic, _ displayed: (String) -> String) -> String {
        let start = diagnostic.location.range.start
        return "\(displayed(diagnostic.location.file)):\(start.line):\(start.column): \(diagnostic.severity.rawValue): "
            + "\(diagnostic.message) [\(diagnostic.ruleID)]"
    }
}
