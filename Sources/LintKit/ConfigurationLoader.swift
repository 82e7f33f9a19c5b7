import Foundation
import ProcessModel
import Yams

/// Reads `.processlint.yml` files: checked like process files (located errors, unknown rule ids and options
/// with the nearest valid one), with `extends` followed and a cycle reported rather than followed forever.
public struct ConfigurationLoader: Sendable {
    public let registry: RuleRegistry

    public init(registry: RuleRegistry) {
        self.registry = registry
    }

    /// The configuration in `file`, refined over whatever it extends; or every problem found.
    public func load(file: String) -> Result<Configuration, ConfigurationError> {
        load(file: URL(fileURLWithPath: file).standardizedFileURL.path, chain: [])
    }

    /// The nearest `.processlint.yml` in `directory` or a folder above it.
    public func find(from directory: String) -> String? {
        var folder = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent(Configuration.fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    private func load(file: String, chain: [String]) -> Result<Configuration, ConfigurationError> {
        let at = SourceLocation(file: file, range: SourceRange(at: .fileStart))
        guard !chain.contains(file) else {
            return .failure(ConfigurationError([LoadDiagnostic(.error, .inconsistent, "'extends' makes a cycle: \((chain + [file]).joined(separator: " → "))", at: at)]))
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            return .failure(ConfigurationError([LoadDiagnostic(.error, .unreadableFile, "cannot read configuration file", at: at)]))
        }
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        // What this file extends is read first: the external rules declared there are ids this file may name.
        var inherited: Result<Configuration, ConfigurationError> = .success(Configuration())
        let (root, diagnostics) = YAMLDocument.load(
            bytes: [UInt8](data), file: file,
            shapeFor: { document in
                if let extends = Self.value("extends", in: document)?.string {
                    let path = URL(fileURLWithPath: extends, relativeTo: URL(fileURLWithPath: folder + "/")).standardizedFileURL.path
                    inherited = load(file: path, chain: chain + [file])
                }
                let declared = Self.value("external_rules", in: document)?.sequence?.compactMap { $0.mapping.flatMap { Self.value("id", in: $0)?.string } } ?? []
                let declaredBefore = (try? inherited.get())?.externalRules.map(\.id) ?? []
                return Configuration.shape(for: registry, externalRuleIDs: declaredBefore + declared)
            },
            describedAs: "the configuration", emptyMessage: "configuration file is empty: write the settings, or delete the file")
        guard let root, !diagnostics.contains(where: { $0.severity == .error }) else { return .failure(ConfigurationError(diagnostics)) }
        guard case .success(var configuration) = inherited else { return inherited }
        let fields = Dictionary(root.map { ($0.key.string ?? "", $0.value) }, uniquingKeysWith: { first, _ in first })
        let external = externalRules(fields["external_rules"]?.sequence.map(Array.init) ?? [], file: file, folder: folder)
        if !external.problems.isEmpty { return .failure(ConfigurationError(external.problems)) }
        let redeclared = Set(external.rules.map { $0.id })
        configuration.externalRules = configuration.externalRules.filter { !redeclared.contains($0.id) } + external.rules
        for id in fields["disable"]?.sequence?.compactMap(\.string) ?? [] { configuration.disabled.insert(id) }
        for (key, value) in fields["severity"]?.mapping ?? [:] {
            if let id = key.string, let severity = value.string.flatMap(Severity.init(rawValue:)) { configuration.severity[id] = severity }
        }
        for (rule, settings) in fields["options"]?.mapping ?? [:] {
            guard let id = rule.string else { continue }
            for (name, value) in settings.mapping ?? [:] {
                if let name = name.string, let number = value.string.flatMap(Double.init) { configuration.options[id, default: [:]][name] = number }
            }
        }
        configuration.include += (fields["include"]?.sequence?.compactMap(\.string) ?? []).map { ($0, folder) }
        configuration.exclude += (fields["exclude"]?.sequence?.compactMap(\.string) ?? []).map { ($0, folder) }
        return .success(configuration)
    }

    /// The `external_rules` entries of one file, checked for what the schema cannot say.
    private func externalRules(_ entries: [Node], file: String, folder: String) -> (rules: [ExternalRuleDeclaration], problems: [LoadDiagnostic]) {
        var rules: [ExternalRuleDeclaration] = []
        var problems: [LoadDiagnostic] = []
        for entry in entries {
            guard let fields = entry.mapping, let idNode = Self.value("id", in: fields), let id = idNode.string,
                  let command = Self.value("command", in: fields)?.sequence?.compactMap(\.string), let program = command.first else { continue }
            let at = SourceLocation(file: file, range: SourceRange(at: Self.position(of: entry)))
            let idAt = SourceLocation(file: file, range: SourceRange(at: Self.position(of: idNode)))
            if registry.rule(withID: id) != nil {
                problems.append(LoadDiagnostic(.error, .inconsistent, "external rule id '\(id)' is the id of a built-in rule: choose another", at: idAt))
                continue
            }
            if let first = rules.first(where: { $0.id == id }) {
                problems.append(LoadDiagnostic(.error, .inconsistent,
                                               "external rule id '\(id)' is declared twice; it is first declared at line \(first.declaredAt.range.start.line)", at: idAt))
                continue
            }
            // The child's working directory does not apply to the program path itself, which Foundation
            // resolves against this process's directory: so a relative one is made absolute here.
            let resolved = program.contains("/") && !program.hasPrefix("/")
                ? URL(fileURLWithPath: program, relativeTo: URL(fileURLWithPath: folder + "/")).standardizedFileURL.path : program
            rules.append(ExternalRuleDeclaration(
                id: id, command: [resolved] + command.dropFirst(), title: Self.value("title", in: fields)?.string,
                severity: Self.value("severity", in: fields)?.string.flatMap(Severity.init(rawValue:)) ?? ExternalRuleDeclaration.defaultSeverity,
                timeoutSeconds: Self.value("timeout_seconds", in: fields)?.string.flatMap(Double.init) ?? ExternalRuleDeclaration.defaultTimeoutSeconds,
                folder: folder, declaredAt: at))
        }
        return (rules, problems)
    }

    private static func value(_ key: String, in mapping: Node.Mapping) -> Node? {
        mapping.first { $0.key.string == key }?.value
    }

    private static func position(of node: Node) -> SourcePosition {
        node.mark.map { SourcePosition(line: $0.line, column: $0.column) } ?? .fileStart
    }
}

/// Why a configuration could not be used: every problem, located.
public struct ConfigurationError: Error, Sendable {
    public let diagnostics: [LoadDiagnostic]

    public init(_ diagnostics: [LoadDiagnostic]) {
        self.diagnostics = diagnostics
    }
}
