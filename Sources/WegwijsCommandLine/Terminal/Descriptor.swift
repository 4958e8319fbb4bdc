#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file descriptor the consoles read, write or ask about; it does not own (close) it.
struct Descriptor: Sendable, Equatable {
    /// The descriptor's number.
    let rawValue: Int32

    /// The descriptor numbered `rawValue`.
    init(_ rawValue: Int32) { self.rawValue = rawValue }

    // MARK: - Asking

    /// Whether the descriptor is a terminal.
    var isTerminal: Bool { isatty(rawValue) == 1 }

    /// The columns of the terminal's window, or nil when it is not a terminal or does not know (0, as a
    /// fresh pseudo-terminal reports).
    var terminalColumns: Int? { windowSize.flatMap { $0.ws_col > 0 ? Int($0.ws_col) : nil } }

    /// The rows of the terminal on this descriptor, or nil when it is not one or reports none.
    var terminalRows: Int? { windowSize.flatMap { $0.ws_row > 0 ? Int($0.ws_row) : nil } }

    /// The terminal's window size, or nil when the descriptor is no terminal.
    private var windowSize: winsize? {
        var size = winsize()
        #if canImport(Glibc)
        let result = ioctl(rawValue, UInt(TIOCGWINSZ), &size)
        #else
        let result = ioctl(rawValue, TIOCGWINSZ, &size)
        #endif
        return result == 0 ? size : nil
    }

    // MARK: - Pipes

    /// A new pipe whose ends are closed on exec, so that a figure viewer or clipboard tool never inherits
    /// one; nil when none can be made. (`pipe2`, which sets the flag atomically, is a GNU extension Swift
    /// does not import; the run spawns children from one thread only, after the flag is set.)
    static func makePipe() -> (read: Descriptor, write: Descriptor)? {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (Descriptor(ends[0]), Descriptor(ends[1]))
    }

    /// Makes reads and writes return EAGAIN instead of waiting. Only for descriptors this process made:
    /// the flag belongs to the open file, which standard streams share with the shell.
    func makeNonBlocking() {
        _ = fcntl(rawValue, F_SETFL, fcntl(rawValue, F_GETFL) | O_NONBLOCK)
    }

    // MARK: - Reading

    /// Outcome of waiting on several descriptors.
    enum Readiness {
        /// The poll itself failed for a reason other than a signal.
        case failed
        /// Nothing within the time limit.
        case timedOut
        /// Which of the descriptors asked about can be read (or hung up: a read then says so).
        case ready([Bool])
    }

    /// Waits until one of `descriptors` can be read, or `timeout` passes (nil: no limit).
    /// A signal ends the wait early with nothing ready, so that the caller looks at its self-pipe.
    static func waitForInput(on descriptors: [Descriptor], timeout: Duration?) -> Readiness {
        var entries = descriptors.map { pollfd(fd: $0.rawValue, events: Int16(POLLIN), revents: 0) }
        let count = poll(&entries, nfds_t(entries.count), timeout.map(milliseconds) ?? -1)
        if count < 0 { return errno == EINTR ? .ready(entries.map { _ in false }) : .failed }
        if count == 0 { return .timedOut }
        // POLLHUP and POLLERR count as readable: the read that follows reports the end or the error.
        let wanted = Int16(POLLIN) | Int16(POLLHUP) | Int16(POLLERR) | Int16(POLLNVAL)
        return .ready(entries.map { $0.revents & wanted != 0 })
    }

    /// `duration` in whole milliseconds for `poll`, rounded up so that a wait never ends just before its
    /// deadline and spins; negative durations are zero.
    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        return Int32(clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }

    /// Outcome of one read.
    enum ReadResult: Equatable {
        /// What was there (at least one byte).
        case bytes([UInt8])
        /// The other end is closed: a pipe's writer went away, or a terminal hung up (EIO).
        case endOfFile
        /// Interrupted or not ready after all; try again.
        case again
    }

    /// Reads what is there, at most `maximum` bytes.
    func read(maximum: Int = 4096) -> ReadResult {
        var buffer = [UInt8](repeating: 0, count: maximum)
        let count = buffer.withUnsafeMutableBytes { raw in
            #if canImport(Glibc)
            Glibc.read(rawValue, raw.baseAddress, maximum)
            #else
            Darwin.read(rawValue, raw.baseAddress, maximum)
            #endif
        }
        if count > 0 { return .bytes(Array(buffer[0..<count])) }
        if count == 0 { return .endOfFile }
        switch errno {
        case EINTR, EAGAIN, EWOULDBLOCK: return .again
        default: return .endOfFile
        }
    }

    // MARK: - Writing

    /// Writes every byte, resuming after partial writes and signals. When the descriptor is non-blocking
    /// and full, waits for room, or gives up when `waitingWhenFull` is false. False when not every byte
    /// was written (closed terminal, broken pipe, full pipe not waited for).
    @discardableResult
    func writeAll(_ bytes: some Collection<UInt8>, waitingWhenFull: Bool = true) -> Bool {
        let data = Array(bytes)
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeBytes { raw in
                #if canImport(Glibc)
                Glibc.write(rawValue, raw.baseAddress! + offset, raw.count - offset)
                #else
                Darwin.write(rawValue, raw.baseAddress! + offset, raw.count - offset)
                #endif
            }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && waitingWhenFull {
                var entry = pollfd(fd: rawValue, events: Int16(POLLOUT), revents: 0)
                _ = poll(&entry, 1, 1000)
            } else {
                return false
            }
        }
        return true
    }
}
