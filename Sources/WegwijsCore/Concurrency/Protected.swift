import Foundation

/// A value shared between threads, read and changed only under its lock.
///
/// This is the one place that vouches for sendability by hand. `Synchronization.Mutex` says the same in the
/// type system, but on Linux its lock lives in the uninstrumented standard library, so ThreadSanitizer sees
/// no ordering between the threads it serialises and reports every access under it as a race. A pthread
/// mutex (`NSLock`) is one ThreadSanitizer understands; the value is only reachable inside ``withLock(_:)``.
///
/// The value may be noncopyable (a parsed document that owns its tree, in ``TextTrees``).
final class Protected<Value: ~Copyable>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: consuming Value) {
        self.value = value
    }

    /// Runs `body` with the value, under the lock.
    func withLock<Result: ~Copyable>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
