import Foundation

/// What to write instead of a number given with its unit or in a person's notation: `9 days`, `5%`, `50 kg`,
/// `8,000,000,000`. The format's numbers are bare, in the unit the key names (`days`, `body_weight_kg`) and
/// fractions where a share is meant, so each of these is a number the user meant and the parser cannot take.
struct UnitHint {
    let text: String

    /// `isFraction`: the field takes a fraction (0 to 1), so `5%` means 0.05.
    init?(_ written: String, isFraction: Bool) {
        let trimmed = written[...].trimmingWhitespace
        if trimmed.hasSuffix("%"), let number = Self.number(trimmed.dropLast()) {
            text =
                isFraction
                ? "; write the fraction \((number / 100).compactText), not a percentage"
                : "; write \(number.compactText) without the percent sign"
            return
        }
        // Thousands separators: `8,000,000,000` or `8 000 000 000`.
        let digits = trimmed.filter { $0 != "," && $0 != "_" && $0 != " " }
        if digits != trimmed, trimmed.first?.isNumber == true, let number = Self.number(digits[...]) {
            text = "; write \(number.compactText) without separators (or \(Self.scientific(number)))"
            return
        }
        // A number, then a unit word: `9 days`, `50 kg`, `2h`.
        let numberPart = trimmed.prefix { $0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "-" || $0 == "+" }
        let unit = trimmed.dropFirst(numberPart.count).trimmingWhitespace
        guard !unit.isEmpty, unit.allSatisfy({ $0.isLetter || $0 == "/" || $0 == "µ" }),
            let number = Self.number(numberPart)
        else {
            return nil
        }
        text = "; write \(number.compactText) alone: the unit (\(unit)) is the one the key names"
    }

    private static func number(_ text: Substring) -> Double? {
        guard case .number(let value) = ScalarValue(text: String(text), isPlain: true, tag: nil), value.isFinite else {
            return nil
        }
        return value
    }

    private static func scientific(_ value: Double) -> String {
        let exponent = Int(log10(value.magnitude).rounded(.down))
        return "\((value / pow(10, Double(exponent))).compactText)e\(exponent)"
    }
}

extension Substring {
    fileprivate var trimmingWhitespace: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
