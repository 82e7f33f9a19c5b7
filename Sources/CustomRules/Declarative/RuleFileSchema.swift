import LintKit
import ProcessModel

/// Format 1 of declarative rule files, as `Shape` data: the loader validates rule files against it (with the
/// same located errors as process files), `processlint schema --rules` emits it as JSON Schema, and the
/// reference tables of `docs/custom-rules.md` are generated from it.
public enum RuleFileSchema {
    /// The format version this build reads.
    public static let version = 1
    /// The key that holds the version, and tells a rule file from a process file.
    public static let versionKey = "processlint-rules"

    /// The whole rule file.
    public static let file = ObjectShape([
        .required(versionKey, .integer(allowed: [version]), "format version of the rule file; must be 1"),
        .required("rules", .list(of: .object(rule), constraints: .nonEmpty), "the rules, each with exactly one check"),
    ])

    /// The keys of which a rule has exactly one: what it checks.
    public static let checks = ["require", "forbid", "order", "parameter", "release_test", "estimate"]

    public static let rule = ObjectShape(
        [
            .required(
                "id", .text(.identifier),
                "kebab-case id, unique among all rules (built-in ones too); written in "
                    + "configurations and suppressions"),
            .required(
                "severity",
                .choice(Severity.allCases.map { Choice($0.rawValue, "\($0.rawValue) severity") }, noun: "severity"),
                "default severity of its findings"),
            .required("title", .text(.prose), "short title, as `processlint rules` lists it"),
            .required(
                "message", .text(.prose), "what a finding says; {step}, {value} and {limit} are replaced (see below)"),
            .optional("fix", .text(.prose), "what to do about a finding, with the same placeholders"),
            .required(
                "rationale", .text(.prose), "why the rule exists; its first sentence is the 'why' line under a finding"),
            .optional(
                "references", .list(of: .text(.prose), constraints: .any), "SOPs, guidance and papers the rule rests on"
            ),
            .optional("when", .object(conditions), "the rule applies only to processes that meet all of these"),
            .optional(
                "examples", .object(examples),
                "process files that must and must not trigger the rule; "
                    + "run whenever the file is read, and shown by `processlint explain`"),
            .optional("require", .object(stepPattern), "a step like this must be in the process"),
            .optional("forbid", .object(stepPattern), "no step like this may be in the process"),
            .optional("order", .object(order), "where a step must stand against another"),
            .optional("parameter", .object(parameter), "bounds on a parameter of every step of one operation"),
            .optional(
                "release_test", .object(releaseTest),
                "a release test that must be listed, with limits at least this strict"),
            .optional("estimate", .object(estimate), "a limit on a figure of the residual-cell estimate"),
        ],
        exactlyOneOf: checks
    )

    static let conditions = ObjectShape([
        .optional(
            "indication", .list(of: .text(.prose), constraints: .nonEmpty),
            "one of these indications (compared ignoring case)"),
        .optional(
            "vector", .list(of: .choice(VectorKind.choices, noun: "vector"), constraints: .nonEmpty),
            "one of these vectors"),
        .optional("car_target", .list(of: .marker, constraints: .nonEmpty), "one of these CAR targets"),
        .optional(
            "malignant_markers", .list(of: .marker, constraints: .nonEmpty),
            "the malignant cells are declared to carry every one of these markers"),
        .optional(
            "release_tests", .list(of: .choice(ReleaseTestKind.choices, noun: "release test"), constraints: .nonEmpty),
            "the process lists every one of these release tests"),
        .optional("has_step", .object(stepPattern), "the process has a step like this"),
    ])

    /// What a step must be to match: its operation, and optionally its markers and parameter values.
    static let stepPattern = ObjectShape([
        .required("operation", .choice(OperationKind.choices, noun: "operation"), "the step's operation"),
        .optional(
            "markers", .list(of: .marker, constraints: ListConstraints(minimumCount: 1, uniqueBy: ".")),
            "the step selects or depletes on every one of these markers (positive-selection, depletion)"),
        .optional(
            "parameters", .dictionary(keys: parameterChoices, value: .object(limits)),
            "the step states these parameters, within these limits"),
    ])

    static let limits = ObjectShape(
        [
            .optional("min", .number(NumberBounds()), "lowest value allowed"),
            .optional("max", .number(NumberBounds()), "highest value allowed"),
        ],
        requiresOneOf: [["min", "max"]]
    )

    static let order = ObjectShape([
        .required("step", .object(stepPattern), "the step the rule places"),
        .required(
            "must_be", .choice(OrderRelation.choices, noun: "order"), "where it must stand against the other step"),
        .required("other", .object(stepPattern), "the step it is placed against"),
        .optional("steps", .number(.between(1, 1000)), "for 'within': the largest distance, in steps"),
    ])

    static let parameter = ObjectShape(
        [
            .required(
                "operation", .choice(OperationKind.choices, noun: "operation"), "the operation whose steps are checked"),
            .required(
                "name", .choice(parameterChoices, noun: "parameter"),
                "the parameter, or a performance figure the step states"),
            .optional("min", .number(NumberBounds()), "lowest value allowed"),
            .optional("max", .number(NumberBounds()), "highest value allowed"),
            .optional(
                "required", .boolean, "a step that does not state the parameter is a finding too (default false)"),
        ],
        requiresOneOf: [["min", "max"]]
    )

    static let releaseTest = ObjectShape([
        .required("test", .choice(ReleaseTestKind.choices, noun: "release test"), "the test that must be listed"),
        .optional("max", .number(.nonNegative), "the test's upper limit must be stated and at most this"),
        .optional("min", .number(.nonNegative), "the test's lower limit must be stated and at least this"),
        .optional(
            "required", .boolean,
            "a process that does not list the test is a finding (default true); "
                + "with false, only the limits of a listed test are checked"),
    ])

    static let estimate = ObjectShape([
        .required("figure", .choice(EstimateFigure.choices, noun: "estimate figure"), "the figure of the estimate"),
        .required("max", .number(.nonNegative), "a finding when the figure is above this"),
    ])

    static let examples = ObjectShape([
        .optional(
            "triggering", .list(of: .text(.prose), constraints: .any),
            "process files that must trigger the rule, with ↓ before each place a finding lands"),
        .optional(
            "non_triggering", .list(of: .text(.prose), constraints: .any), "process files that must not trigger it"),
    ])

    /// Every numeric parameter of any operation, and every performance figure: the names `parameters` and
    /// `parameter.name` take; which operation has which is checked when the rule is read.
    static let parameterChoices: [Choice] = {
        var names: [String] = []
        var summaries: [String: String] = [:]
        var operations: [String: [String]] = [:]
        for kind in OperationKind.allCases {
            for field in FormatSchema.parameters(of: kind) {
                guard case .number = field.shape else { continue }
                if summaries[field.name] == nil { names.append(field.name) }
                summaries[field.name] = summaries[field.name] ?? field.summary
                operations[field.name, default: []].append(kind.rawValue)
            }
        }
        return names.map { Choice($0, "\(summaries[$0]!) (\(operations[$0]!.joined(separator: ", ")))") }
            + PerformanceFigure.choices.map { Choice($0.value, "performance figure: \($0.summary)") }
    }()
}
