/// The value of a given rank among samples, found in linear time and without a sort.
///
/// A quickselect whose passes have no branch that depends on the data: each element is swapped into place and the
/// boundary advances by the comparison's result. On random draws a comparison-driven partition mispredicts about
/// every other element, and that, not the comparisons, was most of a lint run's time spent in the spreads.
enum OrderStatistic {
    /// The value of rank `rank` (0-based) within `range`, reordering the range so that every value left of `rank`
    /// is no larger and every value right of it no smaller: later selections may then search one side alone.
    /// Where a value is not a number, the rank's value is not defined and a not-a-number may be returned; the
    /// selection still ends.
    static func select(_ values: UnsafeMutableBufferPointer<Double>, rank: Int, in range: Range<Int>) -> Double {
        var low = range.lowerBound
        var high = range.upperBound
        while high - low > 1 {
            let pivot = medianOfThree(values[low], values[(low + high) / 2], values[high - 1])
            let below = partition(values, low..<high) { $0 < pivot }
            if rank < below {
                high = below
                continue
            }
            // The values equal to the pivot, gathered right after those below it.
            let notAbove = partition(values, below..<high) { !(pivot < $0) }
            if rank < notAbove { return pivot }
            // No value equals a pivot that is not a number: nothing was gathered, and the loop would not end.
            guard notAbove > below else { return pivot }
            low = notAbove
        }
        return values[rank]
    }

    /// Moves the values that satisfy `isLeft` to the front of `range`, keeping no order; returns where the rest begin.
    @inline(__always)
    private static func partition(
        _ values: UnsafeMutableBufferPointer<Double>, _ range: Range<Int>, _ isLeft: (Double) -> Bool
    ) -> Int {
        var boundary = range.lowerBound
        for index in range {
            let value = values[index]
            values[index] = values[boundary]
            values[boundary] = value
            // The comparison's bit itself: written `? 1 : 0`, the compiler emits the very branch this avoids.
            boundary &+= Int(unsafeBitCast(isLeft(value), to: UInt8.self))
        }
        return boundary
    }

    @inline(__always)
    private static func medianOfThree(_ a: Double, _ b: Double, _ c: Double) -> Double {
        max(min(a, b), min(max(a, b), c))
    }
}
