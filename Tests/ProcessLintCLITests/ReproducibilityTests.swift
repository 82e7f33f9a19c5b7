import Foundation
import Synchronization
import TestSupport
import Testing

/// The same file gives the same figures in every run, to the last digit: Swift seeds its hashing afresh in every
/// process, so a sum taken in a dictionary's or a set's order changes its last digit from one run to the next, which
/// no test inside one process can see. Three runs of the built executable at once; with such a sum in the estimate,
/// four runs of this file gave three different outputs.
@Suite struct ReproducibilityTests {
    @Test func theEstimateIsTheSameInEveryProcess() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("processlint").path
        try #require(
            FileManager.default.isExecutableFile(atPath: binary), "no processlint beside the tests at \(binary)")
        let outputs = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 3) { _ in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = [
                "estimate", "--format", "json",
                Repository.path("processes/flawed/residual-test-cannot-see-blasts.yaml"),
            ]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            outputs.withLock { $0.append(String(decoding: data, as: UTF8.self)) }
        }
        let runs = outputs.withLock { $0 }
        #expect(runs.count == 3)
        #expect(runs.first?.contains("doseMalignancy") == true)
        #expect(Set(runs).count == 1, "the estimate's figures differ between runs")
    }
}
