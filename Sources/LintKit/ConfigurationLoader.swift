import Foundation
import ProcessModel

/// Reads `.processlint.yml` files: checked like process files (located errors, unknown rule ids and options
/// with the nearest valid one), with `extends` followed and a cycle reported rather than followed forever.
///
/// A file is read in two phases: first `extends` and `custom_rules`, which decide which rule ids are valid,
/// then the rest, checked against the registry's ids and those of the custom rules.
public struct ConfigurationLoader: Sendable {
    public let registry: RuleRegistry
    /// Reads the rule files under `custom_rules`; without it, a configuration that names one is an error.
    public let ruleFiles: (any RuleFileLoading)?

    public init(registry: RuleRegistry, ruleFiles: (any RuleFileLoading)? = nil) {
        self.registry = registry
        self.ruleFiles = ruleFiles
    }

    /// The configuration in `file`, refined over whatever it extends; or every problem found.
    public func load(file: String) -> Result<Configuration, ConfigurationError> {
        load(file: URL(fileURLWithPath: file).standardizedFileURL.path, chain: [])
    }

    /// The nearest `.processlint.yml` (or `.processlint.yaml`) in `directory` or a folder above it. A folder that has
    /// both gives the `.yml` one; the other is then reported by `load`, so neither is silently passed over.
    public func find(from directory: String) -> String? {
        var folder = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            for name in [Configuration.fileName, Configuration.alternativeFileName] {
                let candidate = folder.appendingPathComponent(name).path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    private func load(file: String, chain: [String]) -> Result<Configuration, ConfigurationError> {
        let at = SourceLocation(file: file, range: SourceRange(at: .fileStart))
        guard !chain.contains(file) else {
            return .failure(
                ConfigurationError([
                    LoadDiagnostic(
                        .error, .inconsistent, "'extends' makes a cycle: \((chain + [file]).joined(separator: " → "))",
                        at: at)
                ]))
        }
        let sibling = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(
            Configuration.alternativeFileName
        ).path
        if URL(fileURLWithPath: file).lastPathComponent == Configuration.fileName,
            FileManager.default.fileExists(atPath: sibling)
        {
            return .failure(
                ConfigurationError([
                    LoadDiagnostic(
                        .error, .inconsistent,
                        "both \(Configuration.fileName) and \(Configuration.alternativeFileName) are here: keep one",
                        at: at)
                ]))
        }
        let bytes: [UInt8]
        switch FileBytes.contents(of: file, limits: .standard, kind: .configuration) {
        case .success(let read): bytes = read
        case .failure(let problem): return .failure(ConfigurationError([problem]))
        }
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        var configuration = Configuration()
        var named: [LoadDiagnostic] = []
        let (root, diagnostics) = YAMLDocument.load(
            bytes: bytes, file: file, kind: .configuration, describedAs: "the configuration",
            emptyMessage: "configuration file is empty: write the settings, or delete the file"
        ) { root in
            let fields = root.fields
            if let extendsNode = fields["extends"], let extends = extendsNode.string {
                let target = resolve(extends, in: folder)
                // A target that cannot be read is this file's mistake: said at its 'extends:', not at a path that does not exist.
                if let reason = Self.unreadable(target) {
                    named.append(
                        LoadDiagnostic(
                            .error, .unreadableFile,
                            "cannot read the configuration '\(extends)' that 'extends' names "
                                + "(\(target)): \(reason)", at: SourceLocation(file: file, range: extendsNode.range)))
                } else {
                    switch load(file: target, chain: chain + [file]) {
                    case .success(let inherited): configuration = inherited
                    case .failure(let problems): named += problems.diagnostics
                    }
                }
            }
            configuration.customRules += customRules(
                fields["custom_rules"], of: file, in: folder, inherited: configuration.customRules,
                problems: &named, warnings: &configuration.warnings)
            var known = registry
            known.register(configuration.customRules)
            // The external rules declared here and in what this extends are ids the file may name too.
            let declared =
                fields["external_rules"]?.sequence?.compactMap { $0.mapping?.value(forKey: "id")?.string } ?? []
            return Configuration.shape(for: known, externalRuleIDs: configuration.externalRules.map(\.id) + declared)
        }
        guard named.isEmpty, let root, !diagnostics.contains(where: { $0.severity == .error }) else {
            return .failure(ConfigurationError(named + diagnostics))
        }
        let fields = root.fields
        let external = externalRules(
            fields["external_rules"]?.sequence ?? [], file: file, folder: folder,
            customRules: configuration.customRules)
        if !external.problems.isEmpty { return .failure(ConfigurationError(external.problems)) }
        let redeclared = Set(external.rules.map { $0.id })
        configuration.externalRules =
            configuration.externalRules.filter { !redeclared.contains($0.id) } + external.rules
        for id in fields["disable"]?.sequence?.compactMap(\.string) ?? [] { configuration.disabled.insert(id) }
        for (key, value) in fields["severity"]?.mapping?.pairs ?? [] {
            if let id = key.string, let severity = value.string.flatMap(Severity.init(rawValue:)) {
                configuration.severity[id] = severity
            }
        }
        for (rule, settings) in fields["options"]?.mapping?.pairs ?? [] {
            guard let id = rule.string else { continue }
            for (name, value) in settings.mapping?.pairs ?? [] {
                if let name = name.string, let number = value.number {
                    configuration.options[id, default: [:]][name] = number
                }
            }
        }
        configuration.include += (fields["include"]?.items?.compactMap(\.string) ?? []).map { ($0, folder) }
        configuration.exclude += (fields["exclude"]?.items?.compactMap(\.string) ?? []).map { ($0, folder) }
        // Read by the format's one scalar typing, as every boolean is; set here, it replaces what an extended file says.
        if case .boolean(let strict)? = fields["strict_suppressions"]?.scalarValue {
            configuration.strictSuppressions = strict
        }
        return .success(configuration)
    }

    /// Why a file a configuration names cannot be read, or `nil` when it can.
    private static func unreadable(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "no such file" }
        if isDirectory.boolValue { return "it is a folder" }
        return FileManager.default.isReadableFile(atPath: path) ? nil : "permission denied"
    }

    private func resolve(_ path: String, in folder: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: folder + "/")).standardizedFileURL.path
    }

    /// The rules of the files listed under `custom_rules`, except those already inherited; an unreadable file is
    /// reported at its entry, an id that clashes with another rule's at the rule's own id.
    private func customRules(
        _ list: YAMLNode?, of file: String, in folder: String, inherited: [any CustomRule],
        problems: inout [LoadDiagnostic], warnings: inout [LoadDiagnostic]
    ) -> [any CustomRule] {
        let inheritedFiles = Set(inherited.map { $0.origin.file })
        var origins = Dictionary(
            inherited.map { ($0.description.id, $0.origin) }, uniquingKeysWith: { first, _ in first })
        var rules: [any CustomRule] = []
        for entry in list?.sequence ?? [] {
            guard let relative = entry.string else { continue } // a wrong type is reported by the schema
            let path = resolve(relative, in: folder)
            let at = SourceLocation(file: file, range: entry.range)
            guard !inheritedFiles.contains(path) else { continue }
            guard let ruleFiles else {
                problems.append(
                    LoadDiagnostic(.error, .invalidValue, "this build of processlint cannot read rule files", at: at))
                continue
            }
            if let reason = Self.unreadable(path) {
                problems.append(
                    LoadDiagnostic(
                        .error, .unreadableFile, "cannot read rule file '\(relative)' (\(path)): \(reason)", at: at))
                continue
            }
            // A file with problems fails the configuration, but its rules' ids are checked all the same, so that a
            // clash is said in the same run as the file's own problems, and the ids this file may name stay known.
            let loaded = ruleFiles.rules(inFile: path)
            var found: [LoadDiagnostic] = []
            for rule in loaded.rules {
                let id = rule.description.id
                if registry.rule(withID: id) != nil {
                    found.append(
                        LoadDiagnostic(
                            .error, .invalidValue, "rule id '\(id)' is taken by a built-in rule; choose another id",
                            at: rule.origin))
                } else if let first = origins[id] {
                    found.append(
                        LoadDiagnostic(
                            .error, .invalidValue, "duplicate rule id '\(id)'; it is first defined at \(first)",
                            at: rule.origin))
                } else {
                    origins[id] = rule.origin
                    rules.append(rule)
                }
            }
            if loaded.problems.isEmpty && found.isEmpty {
                warnings += loaded.warnings
            } else {
                problems += (loaded.warnings + loaded.problems + found).sorted()
            }
        }
        return rules
    }

    /// The `external_rules` entries of one file, checked for what the schema cannot say.
    private func externalRules(
        _ entries: [YAMLNode], file: String, folder: String,
        customRules: [any CustomRule]
    ) -> (rules: [ExternalRuleDeclaration], problems: [LoadDiagnostic]) {
        var rules: [ExternalRuleDeclaration] = []
        var problems: [LoadDiagnostic] = []
        for entry in entries {
            guard let fields = entry.mapping, let idNode = fields.value(forKey: "id"), let id = idNode.string,
                let command = fields.value(forKey: "command")?.sequence?.compactMap(\.string),
                let program = command.first
            else { continue }
            let at = SourceLocation(file: file, range: SourceRange(at: entry.range.start))
            let idAt = SourceLocation(file: file, range: idNode.range)
            if registry.rule(withID: id) != nil {
                problems.append(
                    LoadDiagnostic(
                        .error, .inconsistent, "external rule id '\(id)' is the id of a built-in rule: choose another",
                        at: idAt))
                continue
            }
            if let custom = customRules.first(where: { $0.description.id == id }) {
                problems.append(
                    LoadDiagnostic(
                        .error, .inconsistent,
                        "external rule id '\(id)' is the id of a custom rule defined at \(custom.origin): choose another",
                        at: idAt))
                continue
            }
            if let first = rules.first(where: { $0.id == id }) {
                problems.append(
                    LoadDiagnostic(
                        .error, .inconsistent,
                        "external rule id '\(id)' is declared twice; it is first declared at line \(first.declaredAt.range.start.line)",
                        at: idAt))
                continue
            }
            // The child's working directory does not apply to the program path itself, which Foundation
            // resolves against this process's directory: so a relative one is made absolute here.
            let resolved =
                program.contains("/") && !program.hasPrefix("/")
                ? URL(fileURLWithPath: program, relativeTo: URL(fileURLWithPath: folder + "/")).standardizedFileURL.path
                : program
            rules.append(
                ExternalRuleDeclaration(
                    id: id, command: [resolved] + command.dropFirst(), title: fields.value(forKey: "title")?.string,
                    severity: fields.value(forKey: "severity")?.string.flatMap(Severity.init(rawValue:))
                        ?? ExternalRuleDeclaration.defaultSeverity,
                    timeoutSeconds: fields.value(forKey: "timeout_seconds")?.number
                        ?? ExternalRuleDeclaration.defaultTimeoutSeconds,
                    folder: folder, declaredAt: at))
        }
        return (rules, problems)
    }

}

/// Why a configuration could not be used: every problem, located.
public struct ConfigurationError: Error, Sendable {
    public let diagnostics: [LoadDiagnostic]

    public init(_ diagnostics: [LoadDiagnostic]) {
        self.diagnostics = diagnostics
    }
}
