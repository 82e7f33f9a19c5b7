import Foundation

/// What `processlint/statistics` reports: how long diagnostics took and how much memory the server holds, for the
/// benchmark harness and the soak test.
struct Statistics: Encodable {
    /// Publications of diagnostics so far.
    var published = 0
    /// Milliseconds from the change notification to the publication, per publication (the last 1,000).
    var latenciesMilliseconds: [Double] = []
    /// Milliseconds of the lint alone, per publication (the last 1,000).
    var lintMilliseconds: [Double] = []
    var residentBytes: Int = 0
    var openDocuments = 0

    mutating func record(latency: Duration, lint: Duration) {
        published += 1
        latenciesMilliseconds.append(Self.milliseconds(latency))
        lintMilliseconds.append(Self.milliseconds(lint))
        if latenciesMilliseconds.count > 1_000 { latenciesMilliseconds.removeFirst() }
        if lintMilliseconds.count > 1_000 { lintMilliseconds.removeFirst() }
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
    }
}

/// The resident set size of this process, from `/proc/self/statm` (0 where there is none).
enum ResidentMemory {
    static func bytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
