import LintKit
import ProcessModel

/// A fresh starting material waits longer than the validated window before processing begins.
struct FreshStartingMaterialHoldRule: Rule {
    /// Refrigerated storage: the OSCAR study held non-mobilised apheresis products 72 hours at 2-8 °C.
    static let refrigerated = RuleOption(
        "max_hours_refrigerated", default: 72, bounds: NumberBounds(minimum: 0, minimumIsExclusive: true),
        "longest hold of fresh starting material at 2-10 °C before processing, hours (default 72: the longest storage "
            + "the OSCAR study assessed, Gniadek TJ et al., Transfusion 2018;58(2):461)"
    )
    /// Room temperature: OSCAR found viability fell faster than at 2-8 °C; the 24-hour window is an assumption.
    static let ambient = RuleOption(
        "max_hours_ambient", default: 24, bounds: NumberBounds(minimum: 0, minimumIsExclusive: true),
        "longest hold of fresh starting material above 10 °C, or at a temperature not stated, hours (default 24: "
            + "assumption; room-temperature storage lost viability faster than refrigerated in OSCAR)"
    )
    /// Holds at or below this temperature count as refrigerated (2-8 °C storage, with a margin for a logger's reading).
    static let refrigeratedCeilingCelsius = 10.0

    let description = RuleDescription(
        id: "fresh-starting-material-hold",
        title: "Fresh starting material held past its window",
        defaultSeverity: .warning,
        rationale: """
            A fresh (not cryopreserved) apheresis product loses viable cells while it waits: in a multicentre \
            study of apheresis mononuclear cells stored up to 72 hours, viability fell in every condition, less \
            at 2-8 °C than at room temperature, and a concentrated product held at room temperature lost CD4 \
            cells and monocytes. The rule adds up the 'hold' steps before the first processing step and \
            compares them with the site's validated window: 72 hours refrigerated (the longest hold the study \
            assessed) and 24 hours otherwise (an assumption), both options. A hold with no temperature is \
            judged by the shorter window.
            """,
        references: [
            "Gniadek TJ et al., Transfusion 2018;58(2):461 (OSCAR: storage of non-mobilised apheresis mononuclear cells at 2-8 °C "
                + "and room temperature for 0-72 hours)"
        ],
        options: [refrigerated, ambient],
        triggering: [
            RuleExample(
                """
                processlint: 1
                name: four days in the fridge
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, cryopreserved: false}
                steps:
                  - {id: ship, operation: hold, hours: 48, temperature_c: 4}
                  - {id: wait, operation: hold, hours: ↓48, temperature_c: 4}
                  - {id: transduce, operation: transduction}
                """,
                message:
                    "the fresh starting material waits 96 hours refrigerated before processing, past the 72-hour window",
                fix:
                    "start processing sooner, keep the material at 2-8 °C, cryopreserve it, or set the window your site validated (options of fresh-starting-material-hold)"
            ),
            RuleExample(
                """
                processlint: 1
                name: a day and a half at room temperature
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis}
                steps:
                  - {id: ship, operation: hold, hours: ↓36, temperature_c: 22}
                  - {id: transduce, operation: transduction}
                """),
        ],
        nonTriggering: [
            RuleExample(
                """
                processlint: 1
                name: four days in the fridge at a site that validated them
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, cryopreserved: false}
                steps:
                  - {id: ship, operation: hold, hours: 96, temperature_c: 4}
                  - {id: transduce, operation: transduction}
                """,
                options: ["max_hours_refrigerated": 96]),
            RuleExample(
                """
                processlint: 1
                name: overnight in the fridge
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, cryopreserved: false}
                steps:
                  - {id: ship, operation: hold, hours: 18, temperature_c: 4}
                  - {id: transduce, operation: transduction}
                """),
            RuleExample(
                """
                processlint: 1
                name: frozen starting material
                product: {car_target: CD19, vector: lentiviral}
                indication: B-ALL
                starting_material: {kind: leukapheresis, cryopreserved: true}
                steps:
                  - {id: store, operation: hold, hours: 2000, temperature_c: -150}
                  - {id: thaw, operation: thaw}
                  - {id: transduce, operation: transduction}
                """),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let design = context.design
        guard design.startingMaterial.isCryopreserved?.value != true else { return [] }
        let holds: [(hours: Located<Double>, temperature: Double?)] = design.steps.prefix { $0.kind == .hold }
            .compactMap { step in
                guard case .hold(let hours?, let temperature) = step.operation.value else { return nil }
                return (hours, temperature?.value)
            }
        guard let last = holds.last else { return [] }
        let total = holds.reduce(0) { $0 + $1.hours.value }
        let cold = holds.allSatisfy { ($0.temperature ?? .infinity) <= Self.refrigeratedCeilingCelsius }
        let window = context.option(cold ? Self.refrigerated : Self.ambient)
        guard total > window else { return [] }
        let condition =
            cold
            ? "refrigerated" : holds.contains { $0.temperature == nil } ? "at a temperature not stated" : "above 10 °C"
        return [
            Finding(
                "the fresh starting material waits \(FigureFormat.plain(total)) hours \(condition) before processing, past the "
                    + "\(FigureFormat.plain(window))-hour window",
                at: last.hours.range,
                fix:
                    "start processing sooner, keep the material at 2-8 °C, cryopreserve it, or set the window your site validated "
                    + "(options of fresh-starting-material-hold)"
            )
        ]
    }
}
