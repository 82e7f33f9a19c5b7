import Foundation
import ProcessModel

/// Numbers as a process scientist reads them, in findings and reports alike: counts in scientific
/// notation, probabilities in percent.
public enum FigureFormat {
    /// `2.5e9`, `3.1e-4`, `0`.
    public static func count(_ value: Double) -> String {
        guard value != 0 else { return "0" }
        guard value.isFinite else { return "\(value)" }
        let exponent = Int(floor(log10(abs(value))))
        let mantissa = value / pow(10, Double(exponent))
        let rounded = (mantissa * 10).rounded() / 10
        return rounded == 10 ? "1.0e\(exponent + 1)" : String(format: "%.1fe%d", rounded, exponent)
    }

    /// `26%`, `0.41%`, `3.0e-5%`, `100%`: two significant digits, never rounded up to a certainty.
    public static func percent(_ probability: Double) -> String {
        let percent = probability * 100
        if percent >= 99.995 { return "100%" }
        if percent >= 99 { return String(format: "%.2f%%", percent) }
        if percent >= 10 { return String(format: "%.0f%%", percent) }
        if percent >= 0.01 { return String(format: "%.2g%%", percent) }
        return percent == 0 ? "0%" : count(percent) + "%"
    }

    /// A limit or parameter as written: `10`, `4.5`.
    public static func plain(_ value: Double) -> String { value.compactText }
}
