// swift-tools-version:6.0
// The benchmark harness: a package of its own, so the main build and test suite never compile it.
import Foundation
import PackageDescription

// A path dependency is named by its folder, which differs between clones.
let processLint = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent

let package = Package(
    name: "ProcessLintBenchmarks",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "estimate-benchmark",
            dependencies: [
                .product(name: "ProcessModel", package: processLint),
                .product(name: "ResidualModel", package: processLint),
            ]
        ),
        .executableTarget(
            name: "rule-benchmark",
            dependencies: [
                .product(name: "ProcessModel", package: processLint),
                .product(name: "LintKit", package: processLint),
                .product(name: "BuiltinRules", package: processLint),
                .product(name: "CustomRules", package: processLint),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
