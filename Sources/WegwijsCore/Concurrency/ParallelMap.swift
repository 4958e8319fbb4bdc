import Dispatch
import Synchronization

/// The one way Wegwijs spreads work over the cores: an ordered parallel map.
///
/// Loading, validation, translation checks, rendering and the PDFs all go through it. Each index is handed to
/// exactly one worker (`DispatchQueue.concurrentPerform`, one per core); results come back in index order, so
/// what is made from them stays deterministic however the work was scheduled.
enum ParallelMap {
    /// `transform` of every index in `0..<count`, in index order.
    static func map<Value: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> Value) -> [Value] {
        let results = Slots<Value>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.put(transform(index), at: index)
        }
        return results.values
    }

    /// `transform` of every index in `0..<count`, in index order, or the error of the lowest index that failed.
    ///
    /// After a failure, or once `isCancelled` answers true, indices not yet started are skipped: the work is lost.
    static func map<Value: Sendable, Failure: Error>(
        _ count: Int, isCancelled: @Sendable () -> Bool = { false }, _ transform: @Sendable (Int) throws(Failure) -> Value
    ) throws(Failure) -> [Value] {
        let results = Slots<Result<Value, Failure>>(count: count)
        let stop = Atomic<Bool>(false)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            guard !stop.load(ordering: .relaxed), !isCancelled() else {
                stop.store(true, ordering: .relaxed)
                return
            }
            let result = Result { () throws(Failure) in try transform(index) }
            if case .failure = result { stop.store(true, ordering: .relaxed) }
            results.put(result, at: index)
        }
        var values: [Value] = []
        values.reserveCapacity(count)
        for result in results.slotsInOrder {
            guard let result else { continue }
            values.append(try result.get())
        }
        return values
    }
}

/// One result slot per index, each written by exactly one worker.
final class Slots<Value: Sendable>: Sendable {
    private let slots: Protected<[Value?]>

    init(count: Int) {
        slots = Protected(Array(repeating: nil, count: count))
    }

    func put(_ value: Value, at index: Int) {
        slots.withLock { $0[index] = value }
    }

    /// Every slot, in index order; nil where no worker put a value.
    var slotsInOrder: [Value?] { slots.withLock { $0 } }

    /// Every value put, in index order.
    var values: [Value] { slotsInOrder.compactMap { $0 } }
}
