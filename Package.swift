// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ProcessLint",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "ProcessModel", targets: ["ProcessModel"]),
        .library(name: "ResidualModel", targets: ["ResidualModel"]),
        .library(name: "LintKit", targets: ["LintKit"]),
        .library(name: "BuiltinRules", targets: ["BuiltinRules"]),
        .library(name: "CustomRules", targets: ["CustomRules"]),
        .library(name: "ProcessLintCLI", targets: ["ProcessLintCLI"]),
        .library(name: "LanguageServerProtocol", targets: ["LanguageServerProtocol"]),
        .library(name: "LanguageServer", targets: ["LanguageServer"]),
        .executable(name: "processlint", targets: ["processlint"]),
        .plugin(name: "ProcessLintCommandPlugin", targets: ["ProcessLintCommandPlugin"]),
        .plugin(name: "ProcessLintBuildPlugin", targets: ["ProcessLintBuildPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        // The system libyaml: one YAML parser for every file the tool reads.
        .systemLibrary(
            name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
        // The typed process model, its vocabulary, the format-1 schema and the located YAML loader.
        .target(name: "ProcessModel", dependencies: ["CLibYAML"]),
        // The operation catalogue (data with sources) and the mass-balance estimator with uncertainty.
        .target(name: "ResidualModel", dependencies: ["ProcessModel"], resources: [.copy("Resources")]),
        // The rule engine: Rule, Diagnostic, the registry and the runner; no concrete rules.
        .target(name: "LintKit", dependencies: ["ProcessModel", "ResidualModel"]),
        // The built-in rule pack, one rule per file.
        .target(name: "BuiltinRules", dependencies: ["LintKit", "ProcessModel", "ResidualModel"]),
        .target(name: "CustomRules", dependencies: ["ProcessModel", "ResidualModel", "LintKit"]),
        // Output formats, one file each; they know diagnostics, not rules.
        .target(name: "Reporters", dependencies: ["LintKit", "ProcessModel", "ResidualModel"]),
        // JSON-RPC framing and the LSP 3.17 messages the server uses, typed with Codable; nothing of linting, so it
        // could be swapped for a Swift LSP package.
        .target(name: "LanguageServerProtocol"),
        // `processlint lsp`: diagnostics from the one lint pipeline, hover, completion and code actions.
        .target(
            name: "LanguageServer",
            dependencies: ["LanguageServerProtocol", "ProcessModel", "ResidualModel", "LintKit", "CustomRules"]),
        // Subcommands as library code with injected output, so tests run them in-process.
        .target(
            name: "ProcessLintCLI",
            dependencies: [
                "ProcessModel", "ResidualModel", "LintKit", "BuiltinRules", "CustomRules", "Reporters",
                "LanguageServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "processlint", dependencies: ["ProcessLintCLI", "BuiltinRules"]),
        // `swift package processlint`: a thin shell over the executable, for packages that keep process files.
        .plugin(
            name: "ProcessLintCommandPlugin",
            capability: .command(
                intent: .custom(
                    verb: "processlint", description: "Lint the package's process files (default: lint processes/)")),
            dependencies: ["processlint"]
        ),
        // Lints the process files kept beside a target during `swift build`: a flawed design fails the build.
        .plugin(name: "ProcessLintBuildPlugin", capability: .buildTool(), dependencies: ["processlint"]),
        // Paths and the external JSON Schema validator, shared by the test targets.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ProcessModelTests", dependencies: ["ProcessModel", "ResidualModel", "TestSupport"]),
        .testTarget(name: "ResidualModelTests", dependencies: ["ResidualModel", "ProcessModel", "TestSupport"]),
        .testTarget(name: "LintKitTests", dependencies: ["LintKit", "ProcessModel"]),
        .testTarget(name: "ReportersTests", dependencies: ["Reporters", "LintKit", "ProcessModel"]),
        .testTarget(
            name: "BuiltinRulesTests",
            dependencies: ["BuiltinRules", "LintKit", "ProcessModel", "ResidualModel", "Reporters", "TestSupport"]),
        .testTarget(
            name: "CustomRulesTests",
            dependencies: ["CustomRules", "LintKit", "ProcessModel", "BuiltinRules", "TestSupport"]),
        .testTarget(name: "LanguageServerProtocolTests", dependencies: ["LanguageServerProtocol"]),
        .testTarget(
            name: "LanguageServerTests", dependencies: ["LanguageServer", "LanguageServerProtocol", "TestSupport"]),
        .testTarget(
            name: "ProcessLintCLITests",
            dependencies: ["ProcessLintCLI", "ProcessModel", "BuiltinRules", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
