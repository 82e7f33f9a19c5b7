import Foundation
import ProcessModel

/// The malignant-cell figures of one disease: how its cells fare in culture, take up each vector and
/// survive a freeze, and how the culture's cytokines change their fate where a source says.
public struct DiseaseBiology: Codable, Sendable {
    /// How process files write the indication (`DLBCL` for `LBCL`), matched ignoring case.
    public let names: [String]
    /// log10 change per day in T-cell culture; it may be positive (T-ALL can grow).
    public let culturePerDay: Figure
    /// Fraction of malignant cells that take up the CAR gene, by vector kind (`lentiviral`, `gamma-retroviral`).
    public let transduction: [String: Figure]
    /// Survival of a freeze and thaw relative to T cells (multiplies `freezeThawViability`).
    public let freezeThawRelative: Figure
    /// Change of the culture rate, log10 per day, while a cytokine is in the medium; a cytokine not listed
    /// has no effect any source gives.
    public let cytokines: [String: Figure]
}

/// The indication a process file names, resolved against the catalogue's diseases.
public struct ResolvedIndication: Sendable {
    /// The catalogue's key for the disease (`unknown` when the file's indication is not one it holds).
    public let name: String
    public let biology: DiseaseBiology
    /// Whether the file's indication matched a disease of the catalogue.
    public let isKnown: Bool
    /// For an unknown indication, the closest diseases the catalogue holds.
    public let closest: [String]
}

extension Catalogue {
    /// The key of the set a file's indication selects when it matches none.
    public static let unknownIndication = "unknown"

    /// The diseases the catalogue holds, by key, without the `unknown` set.
    public var knownIndications: [String] { malignantBiology.keys.filter { $0 != Self.unknownIndication }.sorted() }

    /// The disease a file's indication names: the whole text, or a part of it (`LBCL (DLBCL)`, `B-ALL, CD19-negative
    /// relapse`), matched ignoring case against each disease's key and names. None matching gives `unknown`, the widest
    /// ranges, with the closest diseases by name.
    public func indication(_ text: String) -> ResolvedIndication {
        let keys = knownIndications
        let parts = [text] + text.split(whereSeparator: { ",;()/".contains($0) }).map(String.init)
        for part in parts {
            let wanted = part.trimmingCharacters(in: .whitespaces).lowercased()
            // The last disease that names it wins, as in a table of lowercased names filled in this order. Scanned
            // rather than built into a table for each call (a lint run calls this for every file): a name in ASCII
            // of another length cannot match, so few are lowercased.
            var found: String?
            for key in keys {
                for name in [key] + malignantBiology[key]!.names
                where (name.utf8.count == wanted.utf8.count || !name.utf8.allSatisfy { $0 < 0x80 })
                    && name.lowercased() == wanted
                {
                    found = key
                }
            }
            if let key = found {
                return ResolvedIndication(name: key, biology: malignantBiology[key]!, isKnown: true, closest: [])
            }
        }
        guard let unknown = malignantBiology[Self.unknownIndication] else {
            fatalError("the catalogue has no '\(Self.unknownIndication)' malignant biology")
        }
        return ResolvedIndication(
            name: Self.unknownIndication, biology: unknown, isKnown: false, closest: closestIndications(to: text))
    }

    /// Up to three diseases for an indication the catalogue does not hold, each named by its key: those whose names hold
    /// the text (`ALL` is in `B-ALL` and `T-ALL`, `B-AL` in `B-ALL`), else the nearest in spelling by the suggestion helper
    /// the format's messages use; none near enough gives none.
    func closestIndications(to text: String) -> [String] {
        let lowered = text.trimmingCharacters(in: .whitespaces).lowercased()
        if lowered.count >= 2 {
            let holding = knownIndications.filter { key in
                ([key] + malignantBiology[key]!.names).contains { $0.lowercased().contains(lowered) }
            }
            if !holding.isEmpty { return Array(holding.prefix(3)) }
        }
        var names: [String: String] = [:]
        for key in knownIndications {
            for name in [key] + malignantBiology[key]!.names { names[name] = key }
        }
        var closest: [String] = []
        var remaining = Set(names.keys)
        let parts = [text] + text.split(whereSeparator: { ",;()/ ".contains($0) }).map(String.init)
        while closest.count < 3 {
            guard let match = parts.lazy.compactMap({ Suggestion.nearest(to: $0, among: remaining) }).first else {
                break
            }
            let key = names[match]!
            if !closest.contains(key) { closest.append(key) }
            remaining = remaining.filter { names[$0] != key }
        }
        return closest
    }
}
