import Synchronization

/// A lock around no value, for serialising side effects (writes to one output).
final class Lock: Sendable {
    private let mutex = Mutex<Void>(())

    func withLock(_ body: () -> Void) {
        mutex.withLock { _ in body() }
    }
}
