import Testing

@testable import ResidualModel

/// The selection behind every spread returns exactly what a sort would put at each rank, ties and repeated values
/// included (the dose share is often exactly 1 in most draws), and leaves the samples partitioned around the median.
@Suite struct OrderStatisticTests {
    /// Samples of every kind a spread meets: spread out, drawn from a few values only, all equal, already sorted.
    static func samples(_ kind: Int, count: Int, seed: UInt64) -> [Double] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { index in
            switch kind {
            case 0: generator.nextStandardNormal()
            case 1: Double(generator.next() % 4)
            case 2: 1
            default: Double(index)
            }
        }
    }

    @Test(arguments: [0, 1, 2, 3])
    func spreadMatchesTheSortedSamples(kind: Int) {
        for count in [1, 2, 3, 7, 20, 2_000] {
            for seed in 1...5 as ClosedRange<UInt64> {
                var samples = Self.samples(kind, count: count, seed: seed)
                let sorted = samples.sorted()
                let rank = { (p: Double) in sorted[Int(p * Double(count - 1))] }
                let spread = MonteCarlo.spread(&samples)
                #expect(spread.median == rank(0.5))
                #expect(spread.low == rank(0.05))
                #expect(spread.high == rank(0.95))
                #expect(samples.sorted() == sorted, "the samples are reordered, never changed")
            }
        }
    }

    @Test func selectionPartitionsAroundTheRank() {
        var samples = Self.samples(1, count: 500, seed: 9)
        let rank = 123
        let value = samples.withUnsafeMutableBufferPointer {
            OrderStatistic.select($0, rank: rank, in: 0..<$0.count)
        }
        #expect(value == samples.sorted()[rank])
        #expect(samples[..<rank].allSatisfy { $0 <= value })
        #expect(samples[rank...].allSatisfy { $0 >= value })
    }

    @Test func notANumberEndsTheSelection() {
        var samples = [Double.nan, 1, .nan, 2, .nan]
        _ = MonteCarlo.spread(&samples)
        #expect(samples.count == 5)
    }
}
