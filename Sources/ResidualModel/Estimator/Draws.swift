import Foundation

/// The standard normal draws of one Monte Carlo run, one column per figure, keyed by what the figure
/// is (its catalogue path), never by where a process uses it.
///
/// This is the sharing rule: every step that reads a figure reads the same draw of it, so a 9-day
/// expansion and nine 1-day expansions see one culture rate, not nine; and the calibration reference
/// and the assessed process read the same draws, so what they share cancels out of their ratio.
/// Each column comes from its own generator, seeded from the run's seed and the key, so a figure's
/// draws do not depend on which other figures a process happens to use.
public final class Draws: @unchecked Sendable {
    public let count: Int
    public let seed: UInt64
    /// The streams the clinical record updated, drawn jointly from their posterior; the others stay independent.
    let posterior: PosteriorDraws
    private var columns: [String: [Double]] = [:]
    private var independent: [String: [Double]] = [:]
    private var memos: [String: [Double]] = [:]
    private var figureValues: [ValueKey: [Double]] = [:]
    // Lint runs files in parallel against one estimator: the cache is guarded.
    private let lock = NSLock()

    init(count: Int, seed: UInt64, posterior: PosteriorDraws = .none) {
        self.count = count
        self.seed = seed
        self.posterior = posterior
    }

    /// The draws of the standard normal behind the figure `key`: for an updated stream, its posterior mean plus
    /// its row of the Cholesky factor times the independent draws of the updated streams up to it.
    func column(_ key: String) -> [Double] {
        lock.lock()
        defer { lock.unlock() }
        if let column = columns[key] { return column }
        guard let row = posterior.index[key] else {
            let column = independentColumn(key)
            columns[key] = column
            return column
        }
        var column = [Double](repeating: posterior.mean[row], count: count)
        for (position, weight) in posterior.factor[row].prefix(row + 1).enumerated() where weight != 0 {
            let base = independentColumn(posterior.columns[position])
            for index in 0..<count { column[index] += weight * base[index] }
        }
        columns[key] = column
        return column
    }

    /// A stream's own independent standard normals; the caller holds the lock.
    private func independentColumn(_ key: String) -> [Double] {
        if let column = independent[key] { return column }
        var generator = SplitMix64(seed: seed ^ Self.hash(key))
        let column = (0..<count).map { _ in generator.nextStandardNormal() }
        independent[key] = column
        return column
    }

    /// The values of a figure drawn from `distribution` for every draw of the run, computed once per run.
    /// A figure a file measured itself differs from file to file: computed, not kept, so that a run over
    /// many files does not keep a column for each.
    func values(_ key: String, _ distribution: FigureDistribution) -> [Double] {
        if MassBalance.Variable.isMeasured(key) { return column(key).map(distribution.value) }
        // Keyed by the stream and the distribution as values: a key spelt out in decimal cost more to build than the
        // rest of a file's Monte Carlo on the product path.
        let valueKey = ValueKey(column: key, distribution: distribution)
        lock.lock()
        if let known = figureValues[valueKey] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let values = column(key).map(distribution.value)
        lock.lock()
        figureValues[valueKey] = values
        lock.unlock()
        return values
    }

    private struct ValueKey: Hashable {
        let column: String
        let distribution: FigureDistribution
    }

    /// A per-draw quantity computed once per run and reused (the calibration reference's λ).
    func memo(_ key: String, _ compute: () -> [Double]) -> [Double] {
        lock.lock()
        if let value = memos[key] {
            lock.unlock()
            return value
        }
        lock.unlock()
        let value = compute()
        lock.lock()
        memos[key] = value
        lock.unlock()
        return value
    }

    /// FNV-1a of the key: stable across runs and machines, unlike `Hasher`.
    static func hash(_ key: String) -> UInt64 {
        key.utf8.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
