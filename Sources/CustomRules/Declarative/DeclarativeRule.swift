import LintKit
import ProcessModel

/// A rule written in a YAML rule file: conditions on the process, one check, and the words of its findings.
public struct DeclarativeRule: CustomRule {
    public let description: RuleDescription
    public let origin: SourceLocation
    let conditions: RuleConditions
    let constraint: any DeclarativeCheck
    let message: MessageTemplate
    let fix: MessageTemplate?

    public func check(_ context: LintContext) -> [Finding] {
        guard conditions.hold(for: context.design) else { return [] }
        return constraint.violations(in: context).map { violation in
            Finding(
                message.filled(with: violation), at: violation.range, related: violation.related,
                fix: fix?.filled(with: violation), risk: violation.risk)
        }
    }
}
