import CustomRules
import Foundation
import LanguageServerProtocol
import LintKit
import ProcessModel

/// Lints open documents through the one per-file pipeline `processlint lint` uses (`Linter.lint`), with the same
/// configuration lookup (the nearest `.processlint.yml` above the file, custom rules included). Not thread-safe:
/// the server calls it from its one lint queue.
final class DocumentLinter {
    let linter: Linter
    private let resolver: ConfigurationResolver
    private let loader = ProcessLoader()

    init(registry: RuleRegistry) {
        linter = Linter(registry: registry)
        resolver = ConfigurationResolver(loader: .standard(registry: registry))
    }

    /// What the server decided about one version of a document.
    enum Verdict {
        /// Not a process file: left alone.
        case ignored
        case linted(FileOutcome, configurationProblems: [LoadDiagnostic])
    }

    /// Lints `document` if it is a process file: its outcome, and the problems of its configuration (which stop
    /// `lint`; here the document is linted with the default configuration, and the problems are shown too).
    func lint(_ document: TextDocument) -> Verdict {
        let path = DocumentURI.path(of: document.uri) ?? document.uri
        let configuration = resolver.configuration(for: path)
        let problems = resolver.problems
        guard Self.isProcessFile(path: path, bytes: document.bytes, configuration: configuration) else {
            return .ignored
        }
        let loaded = loader.load(bytes: document.bytes, file: path)
        return .linted(linter.lint(loaded, configuration: configuration), configurationProblems: problems)
    }

    /// A configuration or rule file changed: read it again next time.
    func forget(_ path: String) { resolver.forget(path) }

    /// Whether the document is one `lint` would check: a YAML file the configuration does not leave out, that either
    /// declares the format (`processlint:` at the top level), or lies in a `processes` folder or under an `include`
    /// pattern of its configuration. Other YAML (workflows, the configuration itself) is left alone.
    static func isProcessFile(path: String, bytes: [UInt8], configuration: Configuration) -> Bool {
        let name = (path as NSString).lastPathComponent
        guard name != Configuration.fileName, name != Configuration.alternativeFileName else { return false }
        guard !configuration.excludes(path) else { return false }
        if declaresFormat(bytes) { return true }
        let folders = (path as NSString).deletingLastPathComponent.split(separator: "/")
        let fileExtension = (name as NSString).pathExtension.lowercased()
        guard ProcessFileDiscovery.extensions.contains(fileExtension) else { return false }
        return folders.contains("processes") || !configuration.include.isEmpty
    }

    /// Whether a line starts with `processlint:` (the format's version key, which only a top-level key can be).
    static func declaresFormat(_ bytes: [UInt8]) -> Bool {
        let key = Array("processlint:".utf8)
        var lineStart = true
        var index = 0
        while index < bytes.count {
            if lineStart, bytes[index] == key[0], bytes.count - index >= key.count,
                Array(bytes[index..<(index + key.count)]) == key
            {
                return true
            }
            lineStart = bytes[index] == 0x0A || bytes[index] == 0x0D
            index += 1
        }
        return false
    }
}
