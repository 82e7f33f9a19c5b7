import Foundation
import ProcessModel
import Testing

@Suite struct DiscoveryTests {
    /// A scratch directory removed when the test ends.
    final class Scratch {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("processlint-\(UUID())").path

        init() throws { try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: root) }

        func file(_ relative: String) throws {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: path, contents: Data())
        }
    }

    @Test func findsYAMLFilesAndSkipsHiddenAndOtherFiles() throws {
        let scratch = try Scratch()
        for name in ["a.yaml", "b.yml", "c.YAML", "notes.txt", "sub/d.yaml", ".hidden/e.yaml", ".build/f.yaml"] {
            try scratch.file(name)
        }
        let found = ProcessFileDiscovery().files(under: [scratch.root])
        #expect(
            found.files.map { String($0.dropFirst(scratch.root.count + 1)) } == [
                "a.yaml", "b.yml", "c.YAML", "sub/d.yaml",
            ])
        #expect(found.problems.isEmpty)
    }

    @Test func aNamedFileIsTakenWhateverItsExtension() throws {
        let scratch = try Scratch()
        try scratch.file("process.txt")
        #expect(ProcessFileDiscovery().files(under: [scratch.root + "/process.txt"]).files.count == 1)
    }

    @Test func aSymbolicLinkLoopIsReportedNotFollowed() throws {
        let scratch = try Scratch()
        try scratch.file("sub/a.yaml")
        try FileManager.default.createSymbolicLink(
            atPath: scratch.root + "/sub/loop", withDestinationPath: scratch.root)
        try FileManager.default.createSymbolicLink(
            atPath: scratch.root + "/dangling.yaml", withDestinationPath: scratch.root + "/missing")
        let found = ProcessFileDiscovery().files(under: [scratch.root])
        #expect(found.files == [scratch.root + "/sub/a.yaml"])
        #expect(
            found.problems.map(\.message).sorted() == [
                "broken symbolic link", "symbolic link loop: this directory contains itself; not followed",
            ])
    }

    @Test func aFileReachedByManyPathsIsTakenOnce() throws {
        // Each level links twice to the next: 2^12 paths lead to the one file at the bottom.
        let scratch = try Scratch()
        let depth = 12
        try scratch.file("level\(depth)/a.yaml")
        for level in 0..<depth {
            try FileManager.default.createDirectory(
                atPath: scratch.root + "/level\(level)", withIntermediateDirectories: true)
            for link in ["left", "right"] {
                try FileManager.default.createSymbolicLink(
                    atPath: scratch.root + "/level\(level)/\(link)",
                    withDestinationPath: scratch.root + "/level\(level + 1)")
            }
        }
        try FileManager.default.createSymbolicLink(
            atPath: scratch.root + "/also-a.yaml", withDestinationPath: scratch.root + "/level\(depth)/a.yaml")
        let found = ProcessFileDiscovery().files(under: [scratch.root + "/level0", scratch.root])
        #expect(
            found.files == [scratch.root + "/level0/left/left/left/left/left/left/left/left/left/left/left/left/a.yaml"]
        )
        #expect(found.problems.isEmpty)
    }

    @Test func aMissingPathIsAProblem() {
        let found = ProcessFileDiscovery().files(under: ["/no/such/dir"])
        #expect(found.files.isEmpty)
        #expect(found.problems.map(\.description) == ["/no/such/dir:1:1: error: no such file or directory"])
    }
}
