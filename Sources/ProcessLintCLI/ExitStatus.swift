/// The exit codes, the contract with CI scripts.
public enum ExitStatus: Int32, Sendable {
    /// Everything read, nothing at or above the failure threshold.
    case success = 0
    /// Findings at or above the failure threshold.
    case findings = 1
    /// An input or the configuration could not be read or is not valid.
    case invalidInput = 2
}
