/// check-jsonschema (PyPI), the independent validator the tests hold generated and produced JSON to
/// (see `ExternalTool` for how it is found, and when tests that need it are skipped).
public enum JSONSchemaCheck {
    /// Whether the tests that need the validator run: when it is installed, and always in CI.
    public static var isRequired: Bool { ExternalTool.checkJSONSchema.isRequired }

    /// Runs the validator with `arguments`; returns its exit status and what it printed on standard output.
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try ExternalTool.checkJSONSchema.run(arguments)
    }
}
