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
        let (root, diagnostics) = YAMLDocument.load(
            bytes: [UInt8](data), file: file, shape: Configuration.shape(for: registry), describedAs: "the configuration",
            emptyMessage: "configuration file is empty: write the settings, or delete the file")
        guard let root, !diagnostics.contains(where: { $0.severity == .error }) else { return .failure(ConfigurationError(diagnostics)) }
        let fields = Dictionary(root.map { ($0.key.string ?? "", $0.value) }, uniquingKeysWith: { first, _ in first })
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path

        var configuration = Configuration()
        if let extends = fields["extends"]?.string {
            let base = URL(fileURLWithPath: extends, relativeTo: URL(fileURLWithPath: folder + "/")).standardizedFileURL.path
            switch load(file: base, chain: chain + [file]) {
            case .success(let inherited): configuration = inherited
            case .failure(let problems): return .failure(problems)
            }
        }
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
}

/// Why a configuration could not be used: every problem, located.
public struct ConfigurationError: Error, Sendable {
    public let diagnostics: [LoadDiagnostic]

    public init(_ diagnostics: [LoadDiagnostic]) {
        self.diagnostics = diagnostics
    }
}
