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
        case linted(FileOutcome, configurationProblems: [LoadDiagnostic], external: External)
    }

    /// What became of the external rules of a document's configuration in one lint.
    struct External {
        /// Those that ran and failed.
        var failures: [ExternalRuleFailure] = []
        /// Those that did not run on this text (it is not the saved one).
        var notRun: Set<String> = []

        /// Whether `diagnostic` is the pipeline's "silences nothing" about a suppression comment that names only
        /// rules that did not run: nothing could be silenced, so the comment cannot be judged until they run.
        func isUnjudged(_ diagnostic: LintKit.Diagnostic) -> Bool {
            guard diagnostic.ruleID == Suppressions.ruleID, !notRun.isEmpty else { return false }
            // The message names the comment's rules first: "the suppression of A, B silences nothing: ...".
            let prefix = "the suppression of "
            let rest = diagnostic.message.dropFirst(prefix.count)
            guard diagnostic.message.hasPrefix(prefix), let end = rest.range(of: " silences nothing") else {
                return false
            }
            return rest[..<end.lowerBound].components(separatedBy: ", ").allSatisfy(notRun.contains)
        }
    }

    /// Lints `document` if it is a process file: its outcome, and the problems of its configuration (which stop
    /// `lint`; here the document is linted with the default configuration, and the problems are shown too).
    ///
    /// With `externalRules`, the programs its configuration declares (`external_rules`) check its design too, and
    /// their findings join through the same suppression comments, as in `lint`; a program that fails is reported,
    /// never taken for one that found nothing. The server asks for them on save only: each is a program started
    /// anew, within its own time limit, too slow for every keystroke.
    func lint(_ document: TextDocument, externalRules: Bool = false) -> Verdict {
        let path = DocumentURI.path(of: document.uri) ?? document.uri
        let configuration = resolver.configuration(for: path)
        let problems = resolver.problems
        guard Self.isProcessFile(path: path, bytes: document.bytes, configuration: configuration) else {
            return .ignored
        }
        let loaded = loader.load(bytes: document.bytes, file: path)
        let outcome = linter.lint(loaded, configuration: configuration)
        let session = ExternalRuleSession(configurations: [configuration])
        guard externalRules, !session.isEmpty, let design = outcome.design else {
            return .linted(
                outcome, configurationProblems: problems, external: External(notRun: Set(session.rules.map(\.id))))
        }
        let results = session.run(assessed: [(design, configuration, outcome.risk)])
        return .linted(
            outcome.adding(results.diagnostics[path] ?? []), configurationProblems: problems,
            external: External(failures: results.failures))
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
