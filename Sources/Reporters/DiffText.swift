import LintKit

/// `processlint diff` for people: per process, the findings the change introduced and fixed, and how its
/// risk moved and why; processes with nothing new, fixed or moved are only counted.
public enum DiffText {
    /// - Parameter displayed: how to show a file path (the base version's files live in a temporary folder).
    public static func render(_ comparison: FindingComparison, displayed: (String) -> String) -> String {
        var text = ""
        for process in comparison.processes {
            guard !process.new.isEmpty || !process.fixed.isEmpty || process.risk.moved else { continue }
            let file = (process.head ?? process.base).map { displayed($0.file) } ?? ""
            let state = process.head == nil ? ", removed" : process.base == nil ? ", new" : ""
            text += "process '\(process.identity)' (\(file)\(state))\n"
            for diagnostic in process.new { text += "  new    \(line(diagnostic, displayed))\n" }
            for diagnostic in process.fixed { text += "  fixed  \(line(diagnostic, displayed)) (before)\n" }
            if process.risk.moved { text += "  risk   \(process.risk.summary)\n" }
        }
        text += "\(comparison.new.count) new, \(comparison.fixed.count) fixed, \(comparison.unchanged.count) unchanged "
            + "finding\(comparison.unchanged.count == 1 ? "" : "s") in \(comparison.processes.count) "
            + "process\(comparison.processes.count == 1 ? "" : "es"); λ rose in \(comparison.riskIncreases) of them\n"
        return text
    }

    private static func line(_ diagnostic: Diagnostic, _ displayed: (String) -> String) -> String {
        let start = diagnostic.location.range.start
        return "\(displayed(diagnostic.location.file)):\(start.line):\(start.column): \(diagnostic.severity.rawValue): "
            + "\(diagnostic.message) [\(diagnostic.ruleID)]"
    }
}
