import ProcessModel

/// Where an order rule's step must stand against the other step.
enum OrderRelation: String, NamedValue {
    case before
    case notAfter = "not-after"
    case within

    var summary: String {
        switch self {
        case .before: "a matching step comes before the first other step (a finding there when none does)"
        case .notAfter: "no matching step comes after the first other step (a finding at each that does)"
        case .within: "every other step has a matching step at most `steps` steps away (a finding at each that has not)"
        }
    }
}
