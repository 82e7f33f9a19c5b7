import LintKit
import ProcessModel

/// A release test must be listed (unless it is not required) and, when the rule sets limits, state limits at
/// least as strict.
struct ReleaseTestLimitCheck: DeclarativeCheck {
    let test: ReleaseTestKind
    let maximum: Double?
    let minimum: Double?
    let isRequired: Bool

    func violations(in context: LintContext) -> [Violation] {
        let design = context.design
        guard let listed = design.releaseTest(test) else {
            guard isRequired else { return [] }
            return [
                Violation(range: design.releaseTestsRange ?? design.name.range, value: "none", limit: test.rawValue)
            ]
        }
        var violations: [Violation] = []
        if let maximum {
            violations += violation(listed.maximum, listed, breaks: { $0 > maximum }, limit: maximum)
        }
        if let minimum {
            violations += violation(listed.minimum, listed, breaks: { $0 < minimum }, limit: minimum)
        }
        return violations
    }

    private func violation(_ stated: Located<Double>?, _ listed: ReleaseTest, breaks: (Double) -> Bool, limit: Double)
        -> [Violation]
    {
        guard let stated else { return [Violation(range: listed.kind.range, value: "none", limit: limit.compactText)] }
        return breaks(stated.value)
            ? [Violation(range: stated.range, value: stated.value.compactText, limit: limit.compactText)] : []
    }
}
