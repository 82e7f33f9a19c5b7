import Foundation
import LintKit
import ProcessModel

/// Reads a declarative rule file: against `RuleFileSchema` (the same located errors, did-you-mean hints and
/// hostile-input limits as process files), then what a schema cannot say (kebab-case and unique ids, parameters
/// that belong to their operation, limits within the values a number can take, known placeholders), then each
/// sound rule's own examples (`RuleFileExamples`). Every problem is reported in one pass, as for process files:
/// a schema error does not hide a semantic one elsewhere in the file.
public struct RuleFileReader {
    public let limits: LoadLimits

    public init(limits: LoadLimits = .standard) {
        self.limits = limits
    }

    /// The rules of the file at `path` and its warnings, or every problem in it.
    public func read(file path: String) -> Result<
        (rules: [DeclarativeRule], warnings: [LoadDiagnostic]), ConfigurationError
    > {
        outcome(contents(file: path))
    }

    public func read(bytes: [UInt8], file: String) -> Result<
        (rules: [DeclarativeRule], warnings: [LoadDiagnostic]), ConfigurationError
    > {
        outcome(contents(bytes: bytes, file: file))
    }

    /// What the file at `path` holds: the rules that could be read, its warnings, and every problem. A file with
    /// problems must not be used; its rules are there so that a configuration can check their ids too.
    public func contents(file path: String) -> (
        rules: [DeclarativeRule], warnings: [LoadDiagnostic], problems: [LoadDiagnostic]
    ) {
        switch FileBytes.contents(of: path, limits: limits, kind: .ruleFile) {
        case .success(let bytes): return contents(bytes: bytes, file: path)
        case .failure(let problem): return ([], [], [problem])
        }
    }

    public func contents(bytes: [UInt8], file: String) -> (
        rules: [DeclarativeRule], warnings: [LoadDiagnostic], problems: [LoadDiagnostic]
    ) {
        let (root, diagnostics) = YAMLDocument.read(
            bytes: bytes, file: file, kind: .ruleFile, shape: RuleFileSchema.file, describedAs: "the rule file",
            emptyMessage:
                "rule file is empty: a rule file is a mapping that starts with '\(RuleFileSchema.versionKey): 1'",
            limits: limits)
        let warnings = diagnostics.filter { $0.severity != .error }
        var problems = diagnostics.filter { $0.severity == .error }
        // Past the diagnostics cap (or with no mapping to read), what the schema said is all there is to say.
        guard let root, diagnostics.count < limits.maximumDiagnostics else { return ([], warnings, problems) }
        var reader = Reader(file: file)
        var firstUse: [String: SourcePosition] = [:]
        var read: [(rule: DeclarativeRule, range: SourceRange, examples: [RuleFileExamples.Example])] = []
        for node in fields(of: root)["rules"]?.sequence ?? [] {
            // A duplicate id is reported whether or not the rest of its rule could be read.
            if let idNode = node.mapping?.value(forKey: "id"), let id = idNode.string {
                if let first = firstUse[id] {
                    reader.report("duplicate rule id '\(id)'; it is first used at line \(first.line)", at: idNode.range)
                    continue
                }
                firstUse[id] = idNode.range.start
            }
            guard let rule = reader.rule(node) else { continue }
            read.append((rule.rule, node.extent, rule.examples))
        }
        // One problem to a place: where the schema has said what is wrong, a semantic check of the same value adds nothing.
        let said = Set(problems.map(\.location.range.start))
        problems += reader.problems.filter { !said.contains($0.location.range.start) }
        // A rule with a problem of its own is not run on its examples: their failure would only repeat it.
        let check = RuleFileExamples(limits: limits)
        for (rule, range, examples) in read
        where !problems.contains(where: {
            range.start <= $0.location.range.start && $0.location.range.start <= range.end
        }) {
            problems += check.problems(of: rule, examples: examples, file: file)
        }
        return (read.map(\.rule), warnings, problems.sorted())
    }

    private func outcome(_ contents: (rules: [DeclarativeRule], warnings: [LoadDiagnostic], problems: [LoadDiagnostic]))
        -> Result<(rules: [DeclarativeRule], warnings: [LoadDiagnostic]), ConfigurationError>
    {
        contents.problems.isEmpty
            ? .success((contents.rules, contents.warnings))
            : .failure(ConfigurationError((contents.warnings + contents.problems).sorted()))
    }
}

private func fields(of mapping: YAMLNode.Mapping?) -> [String: YAMLNode] {
    mapping?.fields ?? [:]
}

/// Turns one schema-valid rule mapping into a rule, collecting the problems a schema cannot see.
private struct Reader {
    let file: String
    var problems: [LoadDiagnostic] = []

    mutating func report(_ message: String, at range: SourceRange) {
        problems.append(LoadDiagnostic(.error, .invalidValue, message, at: SourceLocation(file: file, range: range)))
    }

    /// The rule, with its examples and where each is written; `nil` when a part it needs could not be read.
    mutating func rule(_ node: YAMLNode) -> (rule: DeclarativeRule, examples: [RuleFileExamples.Example])? {
        let rule = fields(of: node.mapping)
        guard let idNode = rule["id"], let id = idNode.string else { return nil }
        if id.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) == nil {
            report("rule id '\(id)' must be kebab-case: lower-case letters and digits joined by '-'", at: idNode.range)
        }
        let message = template(rule["message"], key: "message")
        let fix = rule["fix"].map { template($0, key: "fix") }
        let conditions = self.conditions(rule["when"])
        let examples = fields(of: rule["examples"]?.mapping)
        func examplesList(_ key: String, triggers: Bool) -> [RuleFileExamples.Example] {
            (examples[key]?.sequence ?? []).compactMap { node in
                node.string.map {
                    RuleFileExamples.Example(
                        example: RuleExample($0, file: file, line: node.range.start.line),
                        range: node.range, triggers: triggers)
                }
            }
        }
        let triggering = examplesList("triggering", triggers: true)
        let nonTriggering = examplesList("non_triggering", triggers: false)
        guard let constraint = check(rule) else { return nil }
        let description = RuleDescription(
            id: id, title: rule["title"]?.string ?? "",
            defaultSeverity: rule["severity"]?.string.flatMap(Severity.init(rawValue:)) ?? .warning,
            rationale: rule["rationale"]?.string ?? "",
            references: rule["references"]?.sequence?.compactMap(\.string) ?? [],
            triggering: triggering.map(\.example), nonTriggering: nonTriggering.map(\.example))
        return (
            DeclarativeRule(
                description: description, origin: SourceLocation(file: file, range: idNode.range),
                conditions: conditions, constraint: constraint, message: message, fix: fix), triggering + nonTriggering
        )
    }

    mutating func template(_ node: YAMLNode?, key: String) -> MessageTemplate {
        let template = MessageTemplate(node?.string ?? "")
        for unknown in template.unknownPlaceholders {
            let names = MessageTemplate.Placeholder.allCases.map(\.rawValue)
            let hint = Suggestion.nearest(to: unknown, among: names).map { "did you mean '{\($0)}'? " } ?? ""
            report(
                "unknown placeholder '{\(unknown)}' in '\(key)'; \(hint)the placeholders are: "
                    + names.sorted().map { "{\($0)}" }.joined(separator: ", "),
                at: node?.range ?? SourceRange(at: .fileStart))
        }
        return template
    }

    mutating func conditions(_ node: YAMLNode?) -> RuleConditions {
        let when = fields(of: node?.mapping)
        func strings(_ key: String) -> [String]? { when[key]?.sequence?.compactMap(\.string) }
        return RuleConditions(
            indications: strings("indication").map { $0.map { $0.lowercased() } },
            vectors: strings("vector").map { $0.compactMap(VectorKind.init(rawValue:)) },
            carTargets: strings("car_target").map { $0.map(Marker.init(normalising:)) },
            malignantMarkers: strings("malignant_markers").map { $0.map(Marker.init(normalising:)) },
            releaseTests: strings("release_tests").map { $0.compactMap(ReleaseTestKind.init(rawValue:)) },
            hasStep: when["has_step"].flatMap { pattern($0) })
    }

    mutating func check(_ rule: [String: YAMLNode]) -> (any DeclarativeCheck)? {
        if let node = rule["require"] { return pattern(node).map(RequireCheck.init) }
        if let node = rule["forbid"] { return pattern(node).map(ForbidCheck.init) }
        if let node = rule["order"] { return order(node) }
        if let node = rule["parameter"] { return parameter(node) }
        if let node = rule["release_test"] { return releaseTest(node) }
        if let node = rule["estimate"] { return estimate(node) }
        return nil
    }

    mutating func pattern(_ node: YAMLNode) -> StepPattern? {
        let pattern = fields(of: node.mapping)
        guard let operation = pattern["operation"]?.string.flatMap(OperationKind.init(rawValue:)) else { return nil }
        let markers = pattern["markers"]?.sequence?.compactMap(\.string).map(Marker.init(normalising:)) ?? []
        if let markersNode = pattern["markers"], operation != .positiveSelection, operation != .depletion {
            report(
                "'markers' applies only to positive-selection and depletion steps, not to '\(operation.rawValue)'",
                at: markersNode.range)
        }
        var limits: [(String, Limits)] = []
        for (key, value) in pattern["parameters"]?.mapping?.pairs ?? [] {
            guard let name = key.string, number(name, of: operation, at: key.range) != nil else { continue }
            limits.append((name, self.limits(fields(of: value.mapping))))
        }
        return StepPattern(operation: operation, markers: Set(markers), limits: limits)
    }

    /// The values a number of an operation can take, or a located problem when the operation has no such number.
    mutating func number(_ name: String, of operation: OperationKind, at range: SourceRange) -> NumberBounds? {
        if let known = operation.numbers.first(where: { $0.name == name }) { return known.bounds }
        let names = operation.numbers.map(\.name).sorted()
        report(
            "'\(name)' is not a number of a '\(operation.rawValue)' step; "
                + (names.isEmpty ? "it has none" : "its numbers are: \(names.joined(separator: ", "))"), at: range)
        return nil
    }

    mutating func order(_ node: YAMLNode) -> OrderCheck? {
        let order = fields(of: node.mapping)
        guard let step = order["step"].flatMap({ pattern($0) }), let other = order["other"].flatMap({ pattern($0) }),
            let relation = order["must_be"]?.string.flatMap(OrderRelation.init(rawValue:))
        else { return nil }
        let steps = order["steps"]?.number
        if relation == .within, steps == nil {
            report("an order with 'must_be: within' needs 'steps', the largest distance allowed", at: node.range)
        } else if relation != .within, let stepsNode = order["steps"] {
            report("'steps' applies only to 'must_be: within'", at: stepsNode.range)
        } else if let steps, steps != steps.rounded() {
            report("'steps' must be a whole number, found \(steps.compactText)", at: order["steps"]!.range)
        }
        return OrderCheck(step: step, relation: relation, other: other, distance: Int(steps ?? 0))
    }

    mutating func parameter(_ node: YAMLNode) -> ParameterBoundCheck? {
        let parameter = fields(of: node.mapping)
        guard let operation = parameter["operation"]?.string.flatMap(OperationKind.init(rawValue:)),
            let nameNode = parameter["name"], let name = nameNode.string,
            let bounds = number(name, of: operation, at: nameNode.range)
        else { return nil }
        let limits = self.limits(parameter)
        for key in ["min", "max"] {
            if let limitNode = parameter[key], let limit = limitNode.number, !bounds.contains(limit) {
                report(
                    "'\(key)' \(limit.compactText) is outside the values '\(name)' can take (\(bounds.phrase))",
                    at: limitNode.range)
            }
        }
        return ParameterBoundCheck(
            operation: operation, name: name, limits: limits,
            isRequired: parameter["required"]?.boolean ?? false)
    }

    mutating func releaseTest(_ node: YAMLNode) -> ReleaseTestLimitCheck? {
        let test = fields(of: node.mapping)
        guard let kind = test["test"]?.string.flatMap(ReleaseTestKind.init(rawValue:)) else { return nil }
        let limits = self.limits(test)
        // The rule's limits are compared with the process's, so they take the test's own unit and range: a limit
        // no process can state would fail every process, and one on a pass/fail test would mean nothing.
        for key in ["min", "max"] {
            guard let limitNode = test[key], let limit = limitNode.number else { continue }
            guard let range = kind.limit else {
                report(
                    "'\(kind.rawValue)' is a pass/fail test: it takes no numeric limit; remove '\(key)'",
                    at: limitNode.range)
                continue
            }
            if !range.bounds.contains(limit) {
                let percent =
                    range.bounds.maximum == 1 && limit > 1 && limit <= 100
                    ? "; this looks like a percent: write \((limit / 100).compactText)" : ""
                report(
                    "'\(key)' of '\(kind.rawValue)' must be \(range.bounds.phrase) (\(range.unit)), found \(limit.compactText)\(percent)",
                    at: limitNode.range)
            }
        }
        return ReleaseTestLimitCheck(
            test: kind, maximum: limits.maximum, minimum: limits.minimum,
            isRequired: test["required"]?.boolean ?? true)
    }

    mutating func estimate(_ node: YAMLNode) -> EstimateThresholdCheck? {
        let estimate = fields(of: node.mapping)
        guard let figure = estimate["figure"]?.string.flatMap(EstimateFigure.init(rawValue:)),
            let maxNode = estimate["max"], let maximum = maxNode.number
        else { return nil }
        if figure.isProbability, maximum > 1 {
            report(
                "'max' of '\(figure.rawValue)' is a probability: it must be at most 1, found \(maximum.compactText)",
                at: maxNode.range)
        }
        return EstimateThresholdCheck(figure: figure, maximum: maximum)
    }

    /// A `min` and `max` pair, with a located problem when they leave no value between them.
    mutating func limits(_ fields: [String: YAMLNode]) -> Limits {
        let limits = Limits(minimum: fields["min"]?.number, maximum: fields["max"]?.number)
        if let minimum = limits.minimum, let maximum = limits.maximum, minimum > maximum {
            report(
                "'min' \(minimum.compactText) is above 'max' \(maximum.compactText): no value can pass",
                at: fields["min"]!.range)
        }
        return limits
    }
}
