/// How serious a finding is, in increasing order.
public enum Severity: String, Comparable, Sendable, CaseIterable, Codable {
    case note
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
