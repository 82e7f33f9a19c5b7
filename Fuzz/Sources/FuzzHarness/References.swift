import Foundation
import ProcessModel

/// Processes of the repository that configurations and rule files are tried on: a sound one and flawed ones.
public enum References {
    /// The repository's root: this file is Fuzz/Sources/FuzzHarness/References.swift.
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path

    public static let designs: [ProcessDesign] = [
        "processes/kymriah.yaml",
        "processes/flawed/cd3-selection-t-all.yaml",
        "processes/flawed/beads-never-removed.yaml",
    ].map { relative in
        let loaded = ProcessLoader().load(file: repository + "/" + relative)
        guard let design = loaded.design else {
            fatalError("the reference process \(relative) does not load: \(loaded.diagnostics)")
        }
        return design
    }
}
