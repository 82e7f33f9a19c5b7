import Dispatch

extension Array where Element: Sendable {
    /// Maps the elements on all cores and returns the results in the original order,
    /// so output never depends on scheduling.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        let slots = UncheckedSendable(results)
        self.withUnsafeBufferPointer { elements in
            let input = UncheckedSendable(elements)
            // Each iteration writes only its own slot, so the writes never race.
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.value[index] = transform(input.value[index])
            }
        }
        return results.map { $0! }
    }
}

/// Carries a buffer into `concurrentPerform`, whose iterations touch disjoint elements.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
