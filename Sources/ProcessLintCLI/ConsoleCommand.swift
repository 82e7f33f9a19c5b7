import ArgumentParser

/// A subcommand whose work is library code writing to an injected console, so tests run it in-process.
protocol ConsoleCommand: ParsableCommand {
    func run(console: Console) -> ExitStatus
}

extension ConsoleCommand {
    /// Argument parser's entry point when the tool runs for real.
    public func run() throws {
        let status = run(console: .standard)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
