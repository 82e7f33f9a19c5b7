/// How a process is found again in the other version when its `name` changed: by its file's place in the
/// tree compared, or by the rename git reports. Without it, bumping `name: … v1` to `v2` in the same edit
/// that removes a step would show the process as removed and a new one added, and no risk would be compared.
public struct ProcessPairing: Sendable {
    /// A base file's place, relative to the root of the base version compared.
    public let basePlace: @Sendable (String) -> String
    /// A head file's place, relative to the root of the head version compared.
    public let headPlace: @Sendable (String) -> String
    /// Files the version control reports as renamed: base place to head place.
    public let renames: [String: String]

    public init(
        basePlace: @escaping @Sendable (String) -> String, headPlace: @escaping @Sendable (String) -> String,
        renames: [String: String] = [:]
    ) {
        self.basePlace = basePlace
        self.headPlace = headPlace
        self.renames = renames
    }

    /// Processes paired by name only, and by their file path as it is.
    public static let byPath = ProcessPairing(basePlace: { $0 }, headPlace: { $0 })

    /// Pairs the processes left unpaired by name: first a head file at the base file's own place, then one at the
    /// place git says the base file was renamed to. Each process is paired at most once; the result is ordered by
    /// the base process's identity.
    func pairs(_ base: [ProcessFindings], _ head: [ProcessFindings]) -> [(base: ProcessFindings, head: ProcessFindings)]
    {
        var remaining = Dictionary(head.map { (headPlace($0.file), $0) }, uniquingKeysWith: { first, _ in first })
        var result: [(base: ProcessFindings, head: ProcessFindings)] = []
        for process in base.sorted(by: { $0.identity < $1.identity }) {
            let place = basePlace(process.file)
            for candidate in [place, renames[place]].compactMap({ $0 }) {
                guard let found = remaining.removeValue(forKey: candidate) else { continue }
                result.append((process, found))
                break
            }
        }
        return result
    }
}
