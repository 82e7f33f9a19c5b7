import ProcessModel

/// The outcome of `processlint test`: every case, passed or failed, and the inputs that could not be read.
public struct RuleTestReport: Sendable {
    /// One thing checked: an expectation comment, a finding nobody expected, or a rule's own example.
    public struct Case: Sendable {
        public let file: String
        public let line: Int
        public let ruleID: String
        public let passed: Bool
        /// What the case asked for, in words.
        public let expected: String
        /// What the rules did.
        public let found: String
    }

    public internal(set) var cases: [Case] = []
    /// A configuration, rule file or fixture that could not be read: the run is not a test result (exit 2).
    public internal(set) var problems: [LoadDiagnostic] = []

    public var failures: [Case] { cases.filter { !$0.passed } }

    /// One line per case, like a test runner's, with what was expected and found under each failure, then a summary.
    public var text: String {
        var text = ""
        for test in cases {
            text += "\(test.passed ? "PASS" : "FAIL")  \(test.file):\(test.line)  \(test.ruleID)\n"
            if !test.passed { text += "      expected: \(test.expected)\n      found:    \(test.found)\n" }
        }
        let failed = failures.count
        return text + "\(cases.count - failed) passed, \(failed) failed\n"
    }
}
