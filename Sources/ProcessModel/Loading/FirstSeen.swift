/// Where each text was first seen, for reporting one seen twice (a step id, a marker listed twice).
///
/// A short list while there are few, as there nearly always are, since scanning a few costs less than hashing
/// each into a table built for every mapping or list; a table past that, so that thousands stay linear.
struct FirstSeen {
    private var list: [(text: String, position: SourcePosition)] = []
    private var table: [String: SourcePosition]?

    /// Where `text` was first seen, or `nil` if it was not.
    func position(of text: String) -> SourcePosition? {
        if let table { return table[text] }
        for entry in list where entry.text == text { return entry.position }
        return nil
    }

    /// Notes `text` as first seen at `position`; it must not have been seen before.
    mutating func record(_ text: String, at position: SourcePosition) {
        if table != nil {
            table![text] = position
            return
        }
        list.append((text, position))
        if list.count > 16 {
            table = Dictionary(list, uniquingKeysWith: { first, _ in first })
            list = []
        }
    }
}
