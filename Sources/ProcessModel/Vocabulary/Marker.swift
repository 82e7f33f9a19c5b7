/// A cell-surface marker or antigen, in its normalised spelling (`cd3`, `CD3` and `CD3+` are all `CD3`).
public struct Marker: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let name: String

    /// Normalises a marker as written in a process file: trims spaces, drops a trailing `+`,
    /// upper-cases it, writes a `CD` number without leading zeros, inner spaces or a hyphen
    /// (`cd 019+` and `CD-19` are `CD19`),
    /// and maps a synonym to the name in common use (`CD269` is `BCMA`), so a selection written with
    /// one name acts on cells declared with the other.
    public init(normalising text: String) {
        // Most markers are written as the tool writes them (CD19, BCMA): keep those without rebuilding them.
        if Self.isCanonical(text) {
            name = Marker.synonyms[text] ?? text
            return
        }
        // Plain Swift rather than Foundation's string methods: this runs for every marker of every file.
        var scalars = String.UnicodeScalarView(text.unicodeScalars.filter { $0 != " " && $0 != "\t" })
        while scalars.last == "+" { scalars.removeLast() }
        var name = String(scalars).uppercased()
        // `CD-22` is CD22 written with a hyphen, as some labels do; no marker name has a hyphen after CD.
        if name.hasPrefix("CD-"), name.dropFirst(3).first?.isNumber == true {
            name.remove(at: name.index(name.startIndex, offsetBy: 2))
        }
        if name.hasPrefix("CD"), let number = Int(name.dropFirst(2).prefix { $0.isNumber }) {
            let rest = name.dropFirst(2).drop { $0.isNumber }
            name = "CD\(number)\(rest)"
        }
        self.name = Marker.synonyms[name] ?? name
    }

    /// Upper-case letters and digits only, and no CD number with a leading zero: what normalising would leave as it is.
    private static func isCanonical(_ text: String) -> Bool {
        let bytes = text.utf8
        guard !bytes.isEmpty,
            bytes.allSatisfy({
                (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
            })
        else { return false }
        return !text.hasPrefix("CD0")
    }

    /// Other names of one antigen, mapped to the one this tool uses (HGNC gene symbols and HCDM CD numbers).
    static let synonyms: [String: String] = [
        "CD269": "BCMA", "TNFRSF17": "BCMA",
        "CD319": "SLAMF7", "CS1": "SLAMF7",
        "FCRH5": "FCRL5", "CD307E": "FCRL5",
        "CD267": "TACI", "TNFRSF13B": "TACI",
        "CD127": "IL7R", "CD79ALPHA": "CD79A", "CD79BETA": "CD79B",
    ]

    public static func < (lhs: Marker, rhs: Marker) -> Bool { lhs.name < rhs.name }

    public var description: String { name }

    /// The known markers a value holds when it is two or more of them with the comma between them missing
    /// (`[CD4 CD8]` is one scalar, `CD4 CD8`), else `nil`. `CD 22` is one marker written with a space.
    public static func missingComma(in text: String) -> [String]? {
        // Runs for every marker of every file: most have no blank inside to split on.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) else { return nil }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count > 1 else { return nil }
        let markers = parts.map { Marker(normalising: String($0)) }
        return markers.allSatisfy(\.isKnown) ? markers.map(\.name) : nil
    }

    /// Whether the marker is in the vocabulary the tool knows.
    public var isKnown: Bool { Marker.vocabulary.contains(self) }
}

extension Marker {
    /// Markers the tool recognises. An unknown marker is an error naming the nearest known one: every
    /// marker field is read by a safety rule, and a typo there silently changes which populations a
    /// selection acts on, or drops an escalation (a newer antigen is added here, with its source).
    ///
    /// CD numbers follow the HLDA nomenclature (HCDM, hcdm.org); the non-CD antigens are CAR targets
    /// and malignancy markers in clinical use.
    public static let vocabulary: Set<Marker> = {
        let clusterOfDifferentiation = [
            1, 2, 3, 4, 5, 7, 8, 10, 11, 13, 14, 15, 16, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
            30, 33, 34, 38, 44, 45, 56, 57, 62, 69, 70, 71, 79, 80, 86, 95, 117, 123,
            133, 134, 137, 138, 152, 154, 157, 161, 171, 185, 229, 269, 274, 279, 319, 366, 371,
        ].map { "CD\($0)" }
        let clusterVariants = ["CD1A", "CD8A", "CD8B", "CD11B", "CD11C", "CD45RA", "CD45RO", "CD79A", "CD79B", "CD3E"]
        let otherAntigens = [
            "BCMA", "GPRC5D", "FCRL5", "SLAMF7", "TACI", "KAPPA", "LAMBDA", "ROR1", "TRBC1",
            "TRBC2", "HLA-DR", "TCRAB", "TCRGD", "CLL1", "FLT3", "MESOTHELIN", "GD2", "HER2", "EGFR",
            "EGFRVIII", "PSMA", "CLDN18.2", "GPC3", "B7-H3", "IL13RA2", "MUC1", "MUC16", "NKG2D",
            "CCR7", "IL7R", "CRLF2", "TDT",
        ]
        return Set((clusterOfDifferentiation + clusterVariants + otherAntigens).map(Marker.init(normalising:)))
    }()

    /// The known marker nearest in spelling, for a "did you mean" hint.
    public var nearestKnown: Marker? {
        // A bare number (`car_target: 19`) is a CD number with its prefix left out.
        if name.allSatisfy(\.isNumber), case let prefixed = Marker(normalising: "CD" + name), prefixed.isKnown {
            return prefixed
        }
        return Suggestion.nearest(to: name, among: Marker.vocabulary.map(\.name)).map(Marker.init(normalising:))
    }
}
