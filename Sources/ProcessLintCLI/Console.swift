import Foundation

/// Where a command writes: standard output and standard error, or buffers in tests.
public struct Console: Sendable {
    public let out: @Sendable (String) -> Void
    public let err: @Sendable (String) -> Void
    /// Whether standard output is a terminal, where colour is welcome.
    public let isTerminal: Bool
    /// The environment, for `NO_COLOR`.
    public let environment: [String: String]

    public init(
        out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
        isTerminal: Bool = false, environment: [String: String] = [:]
    ) {
        self.out = out
        self.err = err
        self.isTerminal = isTerminal
        self.environment = environment
    }

    /// The process's own standard output and standard error.
    public static let standard = Console(
        out: { FileHandle.standardOutput.write(Data($0.utf8)) },
        err: { FileHandle.standardError.write(Data($0.utf8)) },
        isTerminal: isatty(STDOUT_FILENO) != 0,
        environment: ProcessInfo.processInfo.environment
    )
}
