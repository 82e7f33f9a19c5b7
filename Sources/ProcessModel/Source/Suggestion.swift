/// "Did you mean" suggestions, by edit distance, then by a shared prefix.
public enum Suggestion {
    /// The candidate closest to `text` (case-insensitive edit distance), if it is close enough
    /// to be a plausible typo: at most a third of the longer word, and at least one edit allowed.
    public static func nearest(to text: String, among candidates: some Sequence<String>) -> String? {
        let query = Array(text.lowercased().unicodeScalars)
        // Ties go to the candidate of the same length: `CD1O` is a mistyped `CD10`, not `CD1` plus a letter.
        var best: (candidate: String, distance: Int, lengthGap: Int)?
        for candidate in candidates.sorted() {
            let target = Array(candidate.lowercased().unicodeScalars)
            let allowed = max(1, max(query.count, target.count) / 3)
            // Lengths alone rule most candidates out; this also keeps a hostile megabyte-long key cheap.
            guard abs(query.count - target.count) <= allowed else { continue }
            let distance = editDistance(query, target)
            let lengthGap = abs(query.count - target.count)
            if distance <= allowed, (distance, lengthGap) < (best?.distance ?? .max, best?.lengthGap ?? .max) {
                best = (candidate, distance, lengthGap)
            }
        }
        if let best { return best.candidate }
        // A word cut short or run on (`dmso` for `dmso_percent`) is far in edits but plainly meant.
        let lowered = text.lowercased()
        guard lowered.count >= 3 else { return nil }
        return candidates.filter { $0.lowercased().hasPrefix(lowered) || lowered.hasPrefix($0.lowercased()) }
            .min { ($0.count, $0) < ($1.count, $1) }
    }

    /// Edit distance counting a swap of two neighbours as one edit (`BMCA` is one slip from `BCMA`):
    /// the optimal-string-alignment variant of Damerau-Levenshtein, with three rolling rows.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
