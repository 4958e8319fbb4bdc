import Foundation

/// Results of parallel work, one slot per index, each written by exactly one worker.
///
/// `DispatchQueue.concurrentPerform` hands every index to one worker, so slots are never shared;
/// the lock only orders the writes against the final read.
final class UnsafeResults<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> Value? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    /// Every result, in index order.
    var values: [Value] { lock.withLock { slots.compactMap { $0 } } }
}
