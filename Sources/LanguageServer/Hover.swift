import Foundation
import LanguageServerProtocol
import LintKit
import ProcessModel
import ResidualModel

/// Hover: a step's effect on each population and its share of λ's uncertainty; the dose's λ and gate figure; a
/// marker's canonical name and carriers; a suppressed rule's title and rationale.
struct HoverContent {
    let registry: RuleRegistry
    let catalogue: Catalogue

    func markdown(
        lines: [String], line: Int, column: Int, at position: SourcePosition, design: ProcessDesign?,
        estimate: () -> ResidualEstimate?
    ) -> String? {
        let text = lines.indices.contains(line) ? lines[line] : ""
        if text.contains("processlint:disable"), let word = word(in: text, at: column),
            let rule = registry.rule(withID: word)
        {
            let description = rule.description
            return "**\(description.id)**: \(description.title)\n\n\(description.rationale)"
        }
        guard let design else { return nil }
        if let word = word(in: text, at: column), isMarkerField(text), case let marker = Marker(normalising: word),
            marker.isKnown
        {
            return markerText(marker, design: design)
        }
        if design.dose != nil,
            text.hasPrefix("dose:") || YAMLContext(lines: lines, line: line, column: column).path.first == "dose"
        {
            return estimate().flatMap(doseText)
        }
        if let step = design.steps.first(where: { $0.range.start <= position && position <= $0.range.end }) {
            return estimate().map { stepText(step, estimate: $0) }
        }
        return nil
    }

    private func isMarkerField(_ text: String) -> Bool {
        ["markers", "car_target", "malignant_markers"].contains { text.contains($0 + ":") }
            || text.trimmingCharacters(in: .whitespaces).hasPrefix("- CD")
    }

    /// The word under the cursor: letters, digits, `-`, `.` and `+`.
    private func word(in text: String, at column: Int) -> String? {
        let characters = Array(text)
        func isWord(_ character: Character) -> Bool {
            character.isLetter || character.isNumber || "-_.+".contains(character)
        }
        guard column <= characters.count else { return nil }
        var start = min(column, characters.count)
        var end = start
        while start > 0, isWord(characters[start - 1]) { start -= 1 }
        while end < characters.count, isWord(characters[end]) { end += 1 }
        return start < end ? String(characters[start..<end]) : nil
    }

    private func markerText(_ marker: Marker, design: ProcessDesign) -> String {
        let carriers = catalogue.markerExpression.compactMap { population, markers -> String? in
            guard let figure = markers[marker.name], figure.central > 0 else { return nil }
            return "\(population) (\(percent(figure.central)))"
        }.sorted()
        let malignant = design.startingMaterial.malignantMarkers?.contains { $0.value == marker } == true
        var lines = ["**\(marker.name)** (canonical name)"]
        lines.append(
            carriers.isEmpty
                ? "No normal population in the catalogue carries it."
                : "Carried by: " + carriers.joined(separator: ", "))
        lines.append(
            malignant
                ? "The malignant cells of this process carry it (malignant_markers)."
                : "Not declared on the malignant cells.")
        return lines.joined(separator: "\n\n")
    }

    private func stepText(_ step: Step, estimate: ResidualEstimate) -> String {
        var lines = ["**step `\(step.id.value)`**: \(step.kind.rawValue), \(step.kind.summary)"]
        guard let index = estimate.steps.firstIndex(where: { $0.stepID == step.id.value }) else { return lines[0] }
        let before = index == 0 ? estimate.startingCounts : estimate.steps[index - 1].counts
        let after = estimate.steps[index].counts
        if let low = before[.malignant], let high = after[.malignant], low > 0, high > 0 {
            lines.append("malignant cells: \(logs(log10(low / high))) (\(scientific(low)) → \(scientific(high)))")
        }
        if let low = before[.T], let high = after[.T], low > 0 {
            lines.append("T cells: \(percent(high / low)) recovered (\(scientific(low)) → \(scientific(high)))")
        }
        for population in Population.allCases where population != .malignant && population != .T {
            if let low = before[population], let high = after[population], low > 0, high != low {
                lines.append("\(population.rawValue): \(percent(high / low)) kept")
            }
        }
        if let sensitivity = estimate.sensitivity.first(where: { $0.stepID == step.id.value }) {
            var line = "λ: \(logs(sensitivity.log10Reduction)) from this step"
            if let share = sensitivity.varianceShare { line += "; \(percent(share)) of the uncertainty of log10 λ" }
            lines.append(line)
        }
        lines.append("_central figures of the catalogue; `processlint estimate` gives the full table_")
        return lines.joined(separator: "\n\n")
    }

    private func doseText(_ estimate: ResidualEstimate) -> String? {
        guard let risk = estimate.risk else { return estimate.unavailable.map { "No estimate: \($0)" } }
        return [
            "**dose**: \(percent(risk.doseShare.median)) of the product infused",
            "λ (CAR-transduced malignant cells in the dose): \(scientific(risk.lambda.median)) (90%: \(scientific(risk.lambda.low)) to \(scientific(risk.lambda.high)))",
            "gate figure (mean calibrated P of at least one): \(scientific(risk.calibratedProbability.mean))",
        ].joined(separator: "\n\n")
    }

    private func percent(_ value: Double) -> String {
        value >= 0.1 ? String(format: "%.0f%%", value * 100) : String(format: "%.2g%%", value * 100)
    }

    private func logs(_ value: Double) -> String { String(format: "%.1f log reduction", value) }

    private func scientific(_ value: Double) -> String { String(format: "%.2g", value) }
}
