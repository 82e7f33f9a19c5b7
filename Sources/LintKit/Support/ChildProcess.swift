import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program once, without a shell, and collects what it prints, within a time and an output limit.
///
/// Standard input comes from a file, not a pipe: a program that never reads its input then cannot block the
/// writer, and an early exit cannot raise `SIGPIPE` here. Standard output and error are drained together in
/// one `poll` loop, so neither pipe fills while the other is read, and the loop ends at the deadline even if
/// the program (or a process it started) keeps them open. External rules run through it, and so does git for
/// `processlint diff --base`.
public struct ChildProcess {
    public let command: [String]
    public let directory: String
    public let timeoutSeconds: Double
    /// Bytes of standard output accepted before the program is killed.
    public let outputLimit: Int
    /// Bytes of standard error kept for messages; the rest is read and dropped.
    static let errorLimit = 64 * 1024

    public init(command: [String], directory: String, timeoutSeconds: Double, outputLimit: Int) {
        self.command = command
        self.directory = directory
        self.timeoutSeconds = timeoutSeconds
        self.outputLimit = outputLimit
    }

    public enum Ending: Equatable, Sendable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
        case printedTooMuch
    }

    public struct Outcome: Sendable {
        public let ending: Ending
        public let output: Data
        public let errorOutput: Data
    }

    /// Why the program could not be started.
    public struct LaunchFailure: Error {
        public let reason: String
    }

    public func run(input: Data = Data()) throws(LaunchFailure) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable())
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: directory, isDirectory: true)
        let inputFile = try temporaryInput(input)
        defer { try? inputFile.close() }
        let output = Pipe()
        let errorOutput = Pipe()
        process.standardInput = inputFile
        process.standardOutput = output
        process.standardError = errorOutput
        do {
            try process.run()
        } catch {
            throw LaunchFailure(reason: "cannot start \(command[0]): \((error as NSError).localizedDescription)")
        }
        var drain = Drain(
            output: output.fileHandleForReading.fileDescriptor,
            errorOutput: errorOutput.fileHandleForReading.fileDescriptor,
            outputLimit: outputLimit)
        let deadline = Date(timeIntervalSinceNow: timeoutSeconds)
        var ending: Ending?
        while true {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                ending = .timedOut
                break
            } else if !process.isRunning {
                // What it wrote before it ended is still in the pipes: take it, but do not wait for others holding them.
                drain.take(waitingMilliseconds: 0)
                if drain.overflowed { ending = .printedTooMuch }
                break
            } else if drain.isOpen {
                drain.take(waitingMilliseconds: Int32(min(remaining, 0.05) * 1000))
                if drain.overflowed {
                    ending = .printedTooMuch
                    break
                }
            } else {
                usleep(5_000)
            }
        }
        if let ending {
            // Only while it runs: once it has been reaped, its process id may belong to another process.
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            return Outcome(ending: ending, output: drain.output, errorOutput: drain.errorOutput)
        }
        process.waitUntilExit()
        let status = process.terminationStatus
        return Outcome(
            ending: process.terminationReason == .uncaughtSignal ? .signalled(status) : .exited(status),
            output: drain.output, errorOutput: drain.errorOutput)
    }

    /// The program's path: as given when it has a `/` (the configuration made it absolute), else found on `PATH`.
    private func executable() throws(LaunchFailure) -> String {
        let program = command[0]
        if program.contains("/") {
            guard FileManager.default.isExecutableFile(atPath: program) else {
                throw LaunchFailure(
                    reason: FileManager.default.fileExists(atPath: program)
                        ? "\(program) is not executable (chmod +x, or name its interpreter first in the command)"
                        : "no program at \(program)")
            }
            return program
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard
            let found = path.split(separator: ":").map({ "\($0)/\(program)" }).first(
                where: FileManager.default.isExecutableFile(atPath:))
        else {
            throw LaunchFailure(reason: "no program '\(program)' on PATH")
        }
        return found
    }

    /// The input in an unlinked temporary file, open for reading from its start.
    private func temporaryInput(_ input: Data) throws(LaunchFailure) -> FileHandle {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "processlint-\(UUID().uuidString).json"
        ).path
        guard FileManager.default.createFile(atPath: path, contents: input, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forReadingAtPath: path)
        else {
            throw LaunchFailure(reason: "cannot write its input to \(path)")
        }
        // Open handles keep the file; removing the name leaves nothing behind whatever happens next.
        try? FileManager.default.removeItem(atPath: path)
        return handle
    }
}

/// Reads standard output and standard error as they become readable, without blocking.
private struct Drain {
    private var open: [Int32]
    private let outputDescriptor: Int32
    private let outputLimit: Int
    private(set) var output = Data()
    private(set) var errorOutput = Data()
    private(set) var overflowed = false

    init(output: Int32, errorOutput: Int32, outputLimit: Int) {
        outputDescriptor = output
        open = [output, errorOutput]
        self.outputLimit = outputLimit
        for descriptor in open { _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK) }
    }

    var isOpen: Bool { !open.isEmpty }

    /// Waits up to `milliseconds` for either pipe, then reads all each holds.
    mutating func take(waitingMilliseconds milliseconds: Int32) {
        var descriptors = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        guard !descriptors.isEmpty else { return }
        _ = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
        for descriptor in descriptors where descriptor.revents != 0 || milliseconds == 0 {
            takeAll(from: descriptor.fd)
        }
    }

    private mutating func takeAll(from descriptor: Int32) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                if descriptor == outputDescriptor {
                    output.append(contentsOf: buffer[..<count])
                    if output.count > outputLimit {
                        overflowed = true
                        return
                    }
                } else if errorOutput.count < ChildProcess.errorLimit {
                    errorOutput.append(contentsOf: buffer[..<min(count, ChildProcess.errorLimit - errorOutput.count)])
                }
            } else if count == 0 || errno != EINTR {
                // End of file, or nothing more for now (EAGAIN); an error ends the pipe as end of file does.
                if count == 0 || errno != EAGAIN { open.removeAll { $0 == descriptor } }
                return
            }
        }
    }
}
