import LintKit
import ProcessModel

/// A culture length, MOI or DMSO concentration outside the range CAR-T processes use.
struct ParameterOutOfTypicalRangeRule: Rule {
    /// Culture days: most processes expand 7 to 14 days; shortened ones 3 to 5 (PMC8274631).
    static let days = 2.0...21.0
    /// Multiplicity of infection: published CAR-T transductions use about 1 to 10 (Zhu 2018: 5-10).
    static let moi = 0.5...20.0
    /// DMSO in cryomedium: CryoStor CS5 and CS10 hold 5% and 10%.
    static let dmso = 2.0...10.0

    let description = RuleDescription(
        id: "parameter-out-of-typical-range",
        title: "Parameter outside the range CAR-T processes use",
        defaultSeverity: .warning,
        rationale: """
            Values far outside what published processes use are usually typos (days for hours, percent for \
            fraction) or need a justification: culture of 2 to 21 days, MOI of 0.5 to 20, DMSO of 2 to 10 percent.
            """,
        references: [
            "Zhu F et al., Cytotherapy 2018;20(3):394 (MOI 5-10, 13-day culture)",
            "PMC8274631 (day 3 to day 9 CART19 cultures)",
            "CryoStor CS5 and CS10 (5% and 10% DMSO) in the Carvykti and Abecma EU package leaflets",
        ],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: typos
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction, moi: ↓50}
                  - {id: expand, operation: expansion, days: ↓45}
                  - {id: freeze, operation: cryopreservation, dmso_percent: ↓15}
                """,
                message: "50 MOI in step 'transduce' is outside the usual 0.5 to 20",
                fix: "check the value and its unit, or note why this process needs it")
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: usual values
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: transduce, operation: transduction, moi: 3}
                  - {id: expand, operation: expansion, days: 9}
                  - {id: freeze, operation: cryopreservation, dmso_percent: 7.5}
                """)
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.design.steps.compactMap { step in
            let (value, range, what): (Located<Double>?, ClosedRange<Double>, String) =
                switch step.operation.value {
                case .expansion(let days, _, _): (days, Self.days, "days of culture")
                case .transduction(_, let moi): (moi, Self.moi, "MOI")
                case .cryopreservation(let dmso): (dmso, Self.dmso, "percent DMSO")
                default: (nil, 0...0, "")
                }
            guard let value, !range.contains(value.value) else { return nil }
            return Finding(
                "\(FigureFormat.plain(value.value)) \(what) in step '\(step.id.value)' is outside the usual "
                    + "\(FigureFormat.plain(range.lowerBound)) to \(FigureFormat.plain(range.upperBound))",
                at: value.range, fix: "check the value and its unit, or note why this process needs it")
        }
    }
}
