import Foundation
import LintKit
import ResidualModel

/// What must hold of the findings of any run: every number finite, and the same findings on every run.
public enum FindingProperties {
    /// Each finding, with everything a reporter shows of it, as one line: two runs must give the same lines.
    public static func fingerprint(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { diagnostic in
            let risk = diagnostic.risk.map { figures(of: $0).map { "\($0)" }.joined(separator: " ") } ?? "-"
            let related = diagnostic.related.map { "\($0.range) \($0.message)" }.joined(separator: "; ")
            return
                "\(diagnostic.description) | \(diagnostic.suppression ?? "-") | \(diagnostic.fix ?? "-") | \(diagnostic.stepID ?? "-") | \(related) | \(risk)"
        }
    }

    /// No finding carries a number that is not finite, in its risk figures or written in its words.
    public static func requireFinite(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            if let risk = diagnostic.risk {
                Property.require(
                    figures(of: risk).allSatisfy(\.isFinite),
                    "a finding carries a non-finite risk figure: \(diagnostic)")
            }
            for text in [diagnostic.message, diagnostic.fix ?? ""] + diagnostic.related.map(\.message) {
                Property.require(!mentionsNonFinite(text), "a finding writes a non-finite number: \(diagnostic)")
            }
        }
    }

    /// Every figure of a risk.
    public static func figures(of risk: Risk) -> [Double] {
        [risk.doseShare, risk.lambda, risk.probability, risk.calibratedLambda, risk.calibratedProbability]
            .flatMap { [$0.median, $0.low, $0.high, $0.mean] }
    }

    /// Whether text holds `nan`, `inf` or `infinity` as a word, as Swift prints a non-finite Double, outside the
    /// values it quotes: messages cite what the file says ('1e400', an unknown key such as 'x.nan'), and only the
    /// tool's own words count. (An apostrophe inside a word, as in "site's", quotes nothing.)
    public static func mentionsNonFinite(_ text: String) -> Bool {
        let own = text.replacingOccurrences(
            of: #"(?<![\p{L}\p{N}])'[^']*'(?![\p{L}\p{N}])"#, with: " ", options: .regularExpression)
        return own.split(whereSeparator: { !$0.isLetter }).contains {
            ["nan", "inf", "infinity"].contains($0.lowercased())
        }
    }
}
