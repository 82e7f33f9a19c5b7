import ProcessModel
import Synchronization
import Testing

@Suite struct ConcurrentMapTests {
    /// Counts live instances, so a leak of the mapped results shows as a count above zero.
    final class Tracked: Sendable {
        static let live = Atomic<Int>(0)
        let value: Int

        init(_ value: Int) {
            self.value = value
            Self.live.add(1, ordering: .relaxed)
        }

        deinit { Self.live.subtract(1, ordering: .relaxed) }
    }

    @Test func keepsTheOrderOfItsInputAndReleasesEveryResult() {
        do {
            let mapped = Array(0..<10_000).concurrentMap { Tracked($0 * 2) }
            #expect(mapped.map(\.value) == Array(0..<10_000).map { $0 * 2 })
            #expect(Tracked.live.load(ordering: .relaxed) == 10_000)
        }
        #expect(Tracked.live.load(ordering: .relaxed) == 0)
    }
}
