import Foundation
import ProcessModel
import ResidualModel
import TestSupport
import Testing

/// Inputs built to crash, hang or exhaust a loader. Each must end in a located error, quickly and in
/// bounded memory; the committed small cases are in `Tests/Fixtures/err`, these are generated.
@Suite struct HostileInputTests {
    func load(_ text: String) -> LoadResult {
        ProcessLoader().load(bytes: Array(text.utf8), file: "hostile.yaml")
    }

    @Test func hundredThousandLevelsOfNestingStopAtTheLimit() {
        let depth = 100_000
        let result = load(
            "processlint: 1\nname: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        #expect(result.diagnostics.map(\.kind) == [.nestingTooDeep])
        #expect(result.diagnostics.first?.location.range.start.line == 2)
    }

    @Test func deepBlockMappingsStopAtTheLimit() {
        let lines = (0..<1_500).map { String(repeating: " ", count: $0) + "k\($0):" }
        let result = load(lines.joined(separator: "\n") + " end\n")
        #expect(result.diagnostics.map(\.kind) == [.nestingTooDeep])
    }

    @Test func aliasBombThroughMappingKeysIsStoppedBeforeHashing() {
        // A complex key that is an alias to a huge expansion must be stopped by the budget, not hashed or copied.
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for level in 1...8 {
            let name = "l\(level)"
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        text += "? *\(previous)\n: boom\n"
        #expect(load(text).diagnostics.map(\.kind) == [.aliasExpansion])
    }

    @Test func aliasesMayNotBuildDepthThatTheTextHidesAway() {
        var text = "a0: &a0 [[[[[[[[[[x]]]]]]]]]]\n"
        for level in 1...10 {
            text += "a\(level): &a\(level) [[[[[[[[[[*a\(level - 1)]]]]]]]]]]\n"
        }
        #expect(load(text).diagnostics.map(\.kind) == [.nestingTooDeep])
    }

    @Test func longKeysAndValuesAreReportedWithoutAQuadraticSuggestion() {
        // libyaml allows implicit keys up to 1024 characters; values may be as long as the file.
        let key = String(repeating: "k", count: 1_000)
        let value = String(repeating: "v", count: 1_000_000)
        let result = load("processlint: 1\n\(key): 1\nsteps: [{id: a, operation: \(value)}]\n")
        #expect(result.diagnostics.contains { $0.kind == .unknownKey && $0.location.range.start.line == 2 })
        #expect(result.diagnostics.contains { $0.kind == .invalidValue && $0.location.range.start.line == 3 })
        #expect(result.diagnostics.allSatisfy { $0.message.count < 2_000 })
    }

    @Test func aKeyLongerThanLibyamlAllowsIsASyntaxError() {
        let result = load("processlint: 1\n" + String(repeating: "k", count: 2_000) + ": 1\n")
        #expect(result.diagnostics.map(\.kind) == [.yamlSyntax])
    }

    @Test func aFileOverTheLimitIsRejectedBeforeItIsRead() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("processlint-huge-\(UUID()).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 64 * 1024 * 1024) // sparse: 64 MiB of size, no bytes on disk
        try handle.close()
        let result = ProcessLoader().load(file: file.path)
        #expect(result.diagnostics.map(\.kind) == [.fileTooLarge])
        #expect(result.diagnostics.first?.message.contains("67108864 bytes") == true)
    }

    @Test func aFIFOIsNotReadForever() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("processlint-fifo-\(UUID()).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(mkfifo(path, 0o600) == 0)
        let result = ProcessLoader().load(file: path)
        #expect(result.diagnostics.map(\.message) == ["not a regular file"])
    }

    @Test func aMissingFileIsReportedAtItsPath() {
        let result = ProcessLoader().load(file: "/nonexistent/process.yaml")
        #expect(result.diagnostics.map(\.kind) == [.unreadableFile])
        #expect(
            result.diagnostics.first?.description.hasPrefix("/nonexistent/process.yaml:1:1: error: cannot read file")
                == true)
    }

    /// Corrupts a valid file in a thousand seeded ways: every outcome is a model or located errors, never a crash.
    @Test func corruptedFilesNeverCrashAndAlwaysPointIntoTheFile() throws {
        let original = try [UInt8](
            Data(contentsOf: URL(fileURLWithPath: Repository.path("Tests/Fixtures/ok/annotated-example.yaml"))))
        let lineCount = original.filter { $0 == UInt8(ascii: "\n") }.count + 1
        var generator = SplitMix64(seed: 2018)
        let alphabet = Array("{}[]:-,&*!|>'\"#%@` \n\t\u{0}abc019.".utf8) + [0xC3, 0xFF]
        for _ in 0..<1_000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = alphabet.randomElement(using: &generator)!
                case 1: bytes.remove(at: index)
                default: bytes.insert(alphabet.randomElement(using: &generator)!, at: index)
                }
            }
            let result = ProcessLoader().load(bytes: bytes, file: "fuzz.yaml")
            #expect((result.design == nil) == result.hasErrors)
            for diagnostic in result.diagnostics {
                #expect((1...lineCount + 1).contains(diagnostic.location.range.start.line))
                #expect(diagnostic.location.range.start.column >= 1)
                #expect(!diagnostic.message.isEmpty)
            }
        }
    }
}
