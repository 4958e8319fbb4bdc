#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A pipe whose read end a watching thread polls beside its other descriptor, so that `wake()` ends its
/// wait at once: the thread's way to be stopped without a timer.
final class WakePipe: Sendable {
    /// The end the thread polls and closes when it ends.
    let readEnd: Int32
    private let writeEnd: Mutex<Int32>

    /// A new pipe, or nil when the process has no descriptors left.
    init?() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        readEnd = ends[0]
        writeEnd = Mutex(ends[1])
    }

    /// Wakes the thread (once; later calls do nothing): the read end becomes readable and hangs up.
    func wake() {
        writeEnd.withLock { end in
            guard end >= 0 else { return }
            var byte: UInt8 = 1
            _ = write(end, &byte, 1)
            close(end)
            end = -1
        }
    }

    /// Waits until `descriptor` is readable (true) or the pipe is woken (false); `timeout` in milliseconds,
    /// -1 for none, true also when it passed.
    func wait(for descriptor: Int32?, timeout: Int32 = -1) -> Bool {
        var descriptors = [pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)]
        if let descriptor { descriptors.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
        while true {
            let ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
            if ready < 0 && errno == EINTR { continue }
            return descriptors[0].revents == 0
        }
    }
}
