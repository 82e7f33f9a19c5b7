import Foundation

/// An option value that must be a probability strictly between 0 and 1 (a risk target, a quantile), read as text
/// so that a value that is not a number gets the same clear error and exit 2 as one out of range, not a usage error.
enum ProbabilityArgument {
    /// The value of `text`, or the error line that names the option and what it expects.
    static func parse(_ text: String, option: String, example: String) -> Result<Double, ProbabilityError> {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value > 0, value < 1 else {
            return .failure(
                ProbabilityError(
                    message: "error: \(option) must be a probability strictly between 0 and 1, such as \(example); "
                        + "got '\(text)'"))
        }
        return .success(value)
    }
}

/// Why an option's value is not a probability.
struct ProbabilityError: Error {
    let message: String
}
