import Foundation

/// How long a run took, from its log: the wall clock from start to end, and the time it was paused between
/// being stopped and resumed, said separately.
public struct RunTimes: Sendable, Equatable {
    /// Seconds from the start to the end, pauses included.
    public var elapsed: Double
    /// Seconds between a stop and the resume that followed it.
    public var paused: Double

    /// The times of the run whose events are `events` (from its `start` on), started at `startedAt`, ending at `endedAt`
    /// (or its last `end` event).
    public init(events: [RunEvent], startedAt: Date, endedAt: Date) {
        let end = events.last(where: { $0.kind == .end })?.time ?? endedAt
        elapsed = max(0, end.timeIntervalSince(startedAt))
        var paused = 0.0
        var stoppedAt: Date?
        for event in events {
            switch event.kind {
            case .end: stoppedAt = event.time
            case .resume:
                if let stoppedAt { paused += max(0, event.time.timeIntervalSince(stoppedAt)) }
                stoppedAt = nil
            default: break
            }
        }
        self.paused = paused
    }
}
