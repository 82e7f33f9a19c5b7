// swift-tools-version:6.0
import PackageDescription

// A site's own build of processlint: the built-in rules plus the site's Swift rules (docs/custom-rules.md,
// "Swift rules"). It depends on ProcessLint by path here; a site would use its URL and a version.
let package = Package(
    name: "SiteRules",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "site-processlint", targets: ["SiteProcessLint"]),
        .library(name: "SiteRules", targets: ["SiteRules"]),
    ],
    dependencies: [
        .package(name: "ProcessLint", path: "../..")
    ],
    targets: [
        // The site's rules: each a type conforming to LintKit's Rule, as the built-in ones are.
        .target(
            name: "SiteRules",
            dependencies: [
                .product(name: "LintKit", package: "ProcessLint"),
                .product(name: "ProcessModel", package: "ProcessLint"),
            ]),
        // The tool: processlint's own command line, with the site's rules added to the built-in pack.
        .executableTarget(
            name: "SiteProcessLint",
            dependencies: [
                "SiteRules",
                .product(name: "BuiltinRules", package: "ProcessLint"),
                .product(name: "ProcessLintCLI", package: "ProcessLint"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
