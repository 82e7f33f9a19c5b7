import LintKit
import ProcessModel

/// Site policy: no expansion longer than the culture duration the site has validated.
public struct ValidatedCultureDurationRule: Rule {
    public init() {}

    static let maximumDays = RuleOption(
        "maximum_days", default: 10, bounds: .between(1, 60),
        "the longest expansion the site has validated, in days")

    public let description = RuleDescription(
        id: "site-validated-culture-duration",
        title: "Expansion within the validated culture duration",
        defaultSeverity: .error,
        rationale: """
            The site's process validation covers cultures up to a set number of days; a longer expansion is outside \
            the validated state and needs a change control. Longer cultures also drive T cells towards exhaustion.
            """,
        references: [
            "Site process validation report PV-0042 (example)", "EU GMP Annex 15, qualification and validation",
        ],
        options: [maximumDays],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: long culture
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: selection, operation: positive-selection, markers: [CD3]}
                  - {id: activation, operation: activation, reagent: anti-cd3-cd28-nanomatrix}
                  - {id: transduction, operation: transduction}
                  - {id: expansion, operation: expansion, days: ↓14}
                """)
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: short culture
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: selection, operation: positive-selection, markers: [CD3]}
                  - {id: activation, operation: activation, reagent: anti-cd3-cd28-nanomatrix}
                  - {id: transduction, operation: transduction}
                  - {id: expansion, operation: expansion, days: 8}
                """)
        ]
    )

    public func check(_ context: LintContext) -> [Finding] {
        let maximum = context.option(Self.maximumDays)
        return context.design.steps.compactMap { step in
            guard case .expansion(let days, _, _) = step.operation.value, days.value > maximum else { return nil }
            return Finding(
                "expansion step '\(step.id.value)' lasts \(days.value.compactText) days, longer than the \(maximum.compactText) days the site has validated",
                at: days.range,
                fix:
                    "shorten the expansion to \(maximum.compactText) days or less, or validate the longer culture first"
            )
        }
    }
}
