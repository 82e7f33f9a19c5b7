import Foundation

extension FigureFormat {
    /// A probability as a percentage and as "1 in N": `0.50% (1 in 200)`; N rounded to two figures.
    public static func chance(_ probability: Double) -> String {
        guard probability > 0, probability < 0.5 else { return percent(probability) }
        let n = 1 / probability
        let rounded =
            n < 100
            ? n.rounded()
            : {
                let scale = pow(10, floor(log10(n)) - 1)
                return (n / scale).rounded() * scale
            }()
        let text = rounded < 1e6 ? String(format: "%.0f", rounded) : count(rounded)
        return "\(percent(probability)) (1 in \(text))"
    }
}
