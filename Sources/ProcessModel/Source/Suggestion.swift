/// "Did you mean" suggestions, by edit distance.
public enum Suggestion {
    /// The candidate closest to `text` (case-insensitive Levenshtein distance), if it is close enough
    /// to be a plausible typo: at most a third of the longer word, and at least one edit allowed.
    public static func nearest(to text: String, among candidates: some Sequence<String>) -> String? {
        let query = Array(text.lowercased().unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates.sorted() {
            let target = Array(candidate.lowercased().unicodeScalars)
            let allowed = max(1, max(query.count, target.count) / 3)
            // Lengths alone rule most candidates out; this also keeps a hostile megabyte-long key cheap.
            guard abs(query.count - target.count) <= allowed else { continue }
            let distance = editDistance(query, target)
            if distance <= allowed, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// Levenshtein distance with a rolling row: O(n·m) time, O(m) memory.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
