// swift-tools-version:6.0
// The libFuzzer harness: a package of its own, so the main build and test suite never compile it, built with the
// sanitizers by `Fuzz/run` (see Fuzz/README.md). Each executable is one fuzz target.
import Foundation
import PackageDescription

// A path dependency is named by its folder, which differs between clones.
let processLint = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent

let package = Package(
    name: "ProcessLintFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "..")],
    targets: [
        // What the targets share: the scratch folder, the reference processes and the properties every run must hold.
        .target(
            name: "FuzzHarness",
            dependencies: [
                .product(name: "ProcessModel", package: processLint),
                .product(name: "ResidualModel", package: processLint),
                .product(name: "LintKit", package: processLint),
                .product(name: "BuiltinRules", package: processLint),
                .product(name: "CustomRules", package: processLint),
                .product(name: "ProcessLintCLI", package: processLint),
            ]
        ),
        // libFuzzer's driver, declared for Swift.
        .target(name: "CLibFuzzer"),
        // One file each: its main hands the command line to libFuzzer's driver with the function to fuzz.
        .executableTarget(name: "fuzz-process", dependencies: ["FuzzHarness", "CLibFuzzer"]),
        .executableTarget(name: "fuzz-configuration", dependencies: ["FuzzHarness", "CLibFuzzer"]),
        .executableTarget(name: "fuzz-rule-file", dependencies: ["FuzzHarness", "CLibFuzzer"]),
    ],
    swiftLanguageModes: [.v6]
)
