import Foundation

/// A program run to the end by a test, found on `PATH`, with what it printed.
public struct ProgramRun {
    public let status: Int32
    /// Standard output, and standard error too when `mergingErrors` was set.
    public let output: String

    /// Runs `program` with `arguments`, reading standard input from `input` when given.
    public init(_ program: String, _ arguments: [String], input: String? = nil, mergingErrors: Bool = false) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        if let input { process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input)) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = mergingErrors ? pipe : FileHandle.nullDevice
        try process.run()
        // Read before waiting: a full pipe would otherwise block the program forever.
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        output = String(decoding: data, as: UTF8.self)
    }
}
