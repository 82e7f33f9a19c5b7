import LintKit
import ProcessModel

/// Findings as JUnit XML, for the test reports of GitLab and Jenkins: a `testsuite` per file and a `testcase`
/// per file and rule, so the rules a file passes show as passed tests.
///
/// Each error or warning is a `failure` (its type the severity), a file that cannot be read is an `error` under
/// the pseudo-rule `format`, and a note or a suppressed finding leaves its test passing, written in `system-out`:
/// a note is information, and a report that shows it as a red test teaches readers to ignore red tests.
/// The root element carries the totals, so the suites are kept until the end: the output is a few hundred
/// bytes per file, unlike the findings of the other formats it does not stream.
public struct JUnitReporter: Reporter {
    private let root: SourceRoot
    private var suites = ""
    private var totals = Counts()
    /// The failed rules already shown as errors in a file's suite.
    private var shownFailures = Set<String>()

    /// `root` is the repository's root, which file paths are written relative to (GitLab links them).
    public init(root: SourceRoot) {
        self.root = root
    }

    struct Counts {
        var tests = 0, failures = 0, errors = 0

        var attributes: String { "tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"0\"" }

        static func += (lhs: inout Counts, rhs: Counts) {
            lhs.tests += rhs.tests
            lhs.failures += rhs.failures
            lhs.errors += rhs.errors
        }
    }

    public mutating func report(_ file: FileReport) -> String {
        let path = root.display(file.file)
        // The file's format first, then every rule that ran (passing or not), then any other rule with findings.
        var ids = [Diagnostic.formatRuleID] + file.rules + (file.rules.isEmpty ? [] : [Suppressions.ruleID])
        ids += file.diagnostics.map(\.ruleID).filter { !ids.contains($0) }.sorted()
        var seen = Set<String>()
        var counts = Counts()
        var cases = ""
        let failed = Dictionary(
            file.failedRules.compactMap { failure in failure.ruleID.map { ($0, failure) } },
            uniquingKeysWith: { first, _ in first })
        ids += failed.keys.filter { !ids.contains($0) }.sorted()
        for id in ids where seen.insert(id).inserted {
            let findings = file.diagnostics.filter { $0.ruleID == id }
            counts.tests += 1
            if let failure = failed[id] {
                // A rule that did not run is an error of the test, never a pass: its findings are unknown.
                counts.errors += 1
                shownFailures.insert(id)
                cases += errorCase(id, path: path, failure: failure)
                continue
            }
            if findings.contains(where: \.isLoadError) {
                counts.errors += 1
            } else if findings.contains(where: { $0.suppression == nil && $0.severity != .note }) {
                counts.failures += 1
            }
            cases += testcase(id, path: path, findings: findings)
        }
        totals += counts
        suites += "  <testsuite name=\"\(Self.escape(path))\" \(counts.attributes)>\n\(cases)  </testsuite>\n"
        return ""
    }

    public mutating func finish(_ run: RunSummary) -> String {
        // What did not run and was not shown in a file's suite (a configuration that cannot be read): a suite of
        // its own, under the configuration file, so the report never reads as all passed.
        let unshown = run.failures.filter { failure in failure.ruleID.map { !shownFailures.contains($0) } ?? true }
        if !unshown.isEmpty {
            let path = root.display(unshown[0].location.file)
            var counts = Counts()
            var cases = ""
            for failure in unshown {
                counts.tests += 1
                counts.errors += 1
                cases += errorCase(failure.ruleID ?? "input", path: path, failure: failure)
            }
            totals += counts
            suites += "  <testsuite name=\"\(Self.escape(path))\" \(counts.attributes)>\n\(cases)  </testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"processlint\" \(totals.attributes)>\n"
            + suites + "</testsuites>\n"
    }

    /// The test case of a rule that did not run: an `error`, located at the rule's declaration.
    private func errorCase(_ id: String, path: String, failure: RunFailure) -> String {
        let location = "\(root.display(failure.location.file)):\(failure.location.range.start): \(failure.message)"
        return testcaseOpening(id, path: path) + ">\n"
            + "      <error type=\"error\" message=\"\(Self.escape(failure.message))\">"
            + Self.escape(location, inAttribute: false) + "</error>\n"
            + "    </testcase>\n"
    }

    private func testcaseOpening(_ id: String, path: String) -> String {
        // Jenkins reads a class name's last dot as the package separator: leave the extension out.
        let classname =
            path.hasSuffix(".yaml") || path.hasSuffix(".yml") ? String(path[..<path.lastIndex(of: ".")!]) : path
        return
            "    <testcase name=\"\(Self.escape(id))\" classname=\"\(Self.escape(classname))\" file=\"\(Self.escape(path))\""
    }

    private func testcase(_ id: String, path: String, findings: [Diagnostic]) -> String {
        let open = testcaseOpening(id, path: path)
        guard !findings.isEmpty else { return open + "/>\n" }
        var body = ""
        var notes: [String] = []
        for finding in findings {
            let location = "\(path):\(finding.location.range.start): \(finding.message)"
            if let justification = finding.suppression {
                notes.append("suppressed: \(location) -- \(justification)")
                continue
            }
            if finding.severity == .note && !finding.isLoadError {
                notes.append("note: \(location)")
                continue
            }
            var detail = location
            if let fix = finding.fix { detail += "\nfix: \(fix)" }
            for related in finding.related { detail += "\nnote: \(path):\(related.range.start): \(related.message)" }
            let element = finding.isLoadError ? "error" : "failure"
            body +=
                "      <\(element) type=\"\(finding.severity.rawValue)\" message=\"\(Self.escape(finding.message))\">"
                + Self.escape(detail, inAttribute: false) + "</\(element)>\n"
        }
        if !notes.isEmpty {
            body +=
                "      <system-out>" + Self.escape(notes.joined(separator: "\n"), inAttribute: false)
                + "</system-out>\n"
        }
        return open + ">\n" + body + "    </testcase>\n"
    }

    /// Text for an XML 1.0 attribute value (in double quotes) or element: markup characters as entities, carriage
    /// returns (and in attributes, line feeds and tabs) as character references so that parsers' normalisation keeps them, and
    /// the control characters XML 1.0 forbids altogether, which no reference can carry, as U+FFFD.
    public static func escape(_ text: String, inAttribute: Bool = true) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"" where inAttribute: escaped += "&quot;"
            case "\r": escaped += "&#13;"
            case "\n" where inAttribute: escaped += "&#10;"
            case "\t" where inAttribute: escaped += "&#9;"
            case "\n", "\t": escaped.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": escaped += "\u{FFFD}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
