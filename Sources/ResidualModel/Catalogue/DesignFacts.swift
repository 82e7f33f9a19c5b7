import Foundation
import ProcessModel

/// Facts the design rules hold a process file against, each with its source or the word `assumption`:
/// the dose ranges of approved products' labels, the antigens CAR T cells share with their own kind, and
/// the diseases' usual markers and the culture cytokines known to feed their malignant cells.
///
/// Data, not code: `Resources/design-facts.json`, kept apart from the estimator's `catalogue.json` (the
/// estimator never reads it).
public struct DesignFacts: Codable, Sendable {
    /// The file's own format version.
    public let designFacts: Int
    /// Label dose ranges by product (`ProductLabel` raw values), one entry per indication or weight band.
    public let labelDoses: [String: [LabelDose]]
    /// Antigens on normal T cells that CARs have targeted, with what happened to the CAR T cells.
    public let tCellAntigens: [String: TCellAntigen]
    public let diseases: [Disease]

    /// A label's dose for some indications (and a weight band, where the label has one).
    public struct LabelDose: Codable, Sendable {
        /// Disease names as in `diseases` that this dose is for.
        public let indications: [String]
        /// The band holds patients up to this weight, inclusive.
        public let maximumBodyWeightKilograms: Double?
        /// The band holds patients above this weight.
        public let minimumBodyWeightKilograms: Double?
        /// CAR-positive viable T cells per kg.
        public let perKilogram: DoseRange?
        /// CAR-positive viable T cells in the whole dose.
        public let total: DoseRange?
        public let source: String

        /// Whether the band holds a patient of this weight; a band holds every weight when the label has no bands.
        public func holds(bodyWeight: Double) -> Bool {
            if let maximum = maximumBodyWeightKilograms, bodyWeight > maximum { return false }
            if let minimum = minimumBodyWeightKilograms, bodyWeight <= minimum { return false }
            return true
        }
    }

    /// The range a label allows; either end may be open (a label that gives a target and a maximum has no minimum).
    public struct DoseRange: Codable, Sendable {
        public let minimum: Double?
        public let maximum: Double?

        public func contains(_ value: Double) -> Bool {
            // Labels print two significant figures: a dose within a part in a thousand of an end is at that end.
            if let minimum, value < minimum * 0.999 { return false }
            if let maximum, value > maximum * 1.001 { return false }
            return true
        }
    }

    public struct TCellAntigen: Codable, Sendable {
        public let fratricide: Fratricide
        public let source: String
    }

    /// What a CAR against an antigen on T cells did to the CAR T cells in culture.
    public enum Fratricide: String, Codable, Sendable {
        /// The CAR T cells killed each other and did not expand without an edit or a blocker.
        case preventsExpansion = "prevents-expansion"
        /// The CAR T cells lost the antigen or spared a subset, and expanded.
        case selfLimiting = "self-limiting"
    }

    public struct Disease: Codable, Sendable {
        /// The disease's name, as label doses refer to it.
        public let name: String
        /// Ways an `indication:` names it; matched as whole words, ignoring case.
        public let spellings: [String]
        public let tCellMalignancy: Bool
        /// Markers the malignant cells of the disease usually carry.
        public let usualMarkers: [String]
        public let markerSource: String
        /// Culture cytokines known to support the disease's malignant cells.
        public let cytokines: [CytokineSupport]?
        /// The words of each spelling (`DesignFacts.words`): split once, not for every file that names a disease.
        let spellingWords: [[String]]

        private enum CodingKeys: String, CodingKey {
            case name, spellings, tCellMalignancy, usualMarkers, markerSource, cytokines
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            spellings = try container.decode([String].self, forKey: .spellings)
            tCellMalignancy = try container.decode(Bool.self, forKey: .tCellMalignancy)
            usualMarkers = try container.decode([String].self, forKey: .usualMarkers)
            markerSource = try container.decode(String.self, forKey: .markerSource)
            cytokines = try container.decodeIfPresent([CytokineSupport].self, forKey: .cytokines)
            spellingWords = spellings.map(DesignFacts.words)
        }
    }

    public struct CytokineSupport: Codable, Sendable {
        public let cytokine: String
        public let source: String
    }

    /// The facts shipped with the tool.
    public static let bundled: DesignFacts = {
        do {
            let url = Bundle.module.url(forResource: "design-facts", withExtension: "json", subdirectory: "Resources")!
            return try JSONDecoder().decode(DesignFacts.self, from: Data(contentsOf: url))
        } catch {
            fatalError("the bundled design facts do not decode: \(error)")
        }
    }()

    /// The disease an indication names, if the facts know it: the first whose spelling appears in it as whole words.
    public func disease(named indication: String) -> Disease? {
        let words = Self.words(indication)
        return diseases.first { disease in
            disease.spellingWords.contains { wanted in
                guard !wanted.isEmpty, wanted.count <= words.count else { return false }
                return (0...(words.count - wanted.count)).contains { Array(words[$0..<($0 + wanted.count)]) == wanted }
            }
        }
    }

    /// The label's dose entries for a disease, if any.
    public func labelDoses(of label: ProductLabel, for disease: Disease) -> [LabelDose] {
        (labelDoses[label.rawValue] ?? []).filter { $0.indications.contains(disease.name) }
    }

    /// A cytokine's spelling reduced to compare (`IL-7`, `il7` and `IL 7` are one).
    public static func cytokineKey(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
            .replacingOccurrences(of: "interleukin", with: "il")
    }

    /// Lower-case words, keeping hyphens inside them (`B-ALL`), accents folded (`Sézary` is `sezary`).
    static func words(_ text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init)
    }
}
