import Synchronization

/// Where a watcher's source puts the paths it saw change, and where `ChangeWatcher.changes()` waits for
/// them: the pending batch, when its first and last events came, and the one waiting caller.
final class ChangeInbox: Sendable {
    private struct State: ~Copyable {
        var pending: Set<String> = []
        var firstEvent: ContinuousClock.Instant?
        var lastEvent: ContinuousClock.Instant?
        var waiter: CheckedContinuation<Void, Never>?
        /// Set by ``interrupt()``: every wait ends with `CancellationError`.
        var interrupted = false
    }

    private let state = Mutex(State())

    /// Adds paths to the pending batch and wakes the waiting caller; nothing happens for no paths.
    func add(_ paths: Set<String>) {
        guard !paths.isEmpty else { return }
        let now = ContinuousClock.now
        let waiter = state.withLock { state in
            state.pending.formUnion(paths)
            if state.firstEvent == nil { state.firstEvent = now }
            state.lastEvent = now
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Returns once a batch has started (at once when one is pending); throws `CancellationError` promptly
    /// when the task is cancelled.
    func waitForEvents() async throws {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                // The cancellation flag is read under the lock the handler takes: either the handler finds
                // the stored continuation, or the flag is already set here.
                let resumeNow = state.withLock { state in
                    if !state.pending.isEmpty || Task.isCancelled || state.interrupted { return true }
                    state.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }
        try Task.checkCancellation()
        if state.withLock({ $0.interrupted }) { throw CancellationError() }
    }

    /// Ends the current wait and every later one with `CancellationError` (a process stopping on a signal).
    func interrupt() {
        let waiter = state.withLock { state in
            state.interrupted = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// When the pending batch ends: `quiet` after its last event, but no later than `longest` after its
    /// first; nil when nothing is pending.
    func batchEnd(quiet: Duration, longest: Duration) -> ContinuousClock.Instant? {
        state.withLock { state in
            guard let first = state.firstEvent, let last = state.lastEvent else { return nil }
            return min(last + quiet, first + longest)
        }
    }

    /// Takes the pending batch, leaving the inbox empty.
    func take() -> Set<String> {
        state.withLock { state in
            defer {
                state.pending = []
                state.firstEvent = nil
                state.lastEvent = nil
            }
            return state.pending
        }
    }
}
