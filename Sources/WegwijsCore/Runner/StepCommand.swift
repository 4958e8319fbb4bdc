#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A step's `command:`, run through `/bin/sh -c` only after the admin asked for it and confirmed it.
///
/// Content is untrusted: the runner shows the command line in full first, and nothing else in this
/// program runs a shell. The command's standard input is /dev/null (the admin's keys and a script's
/// answers are not the command's); its output and errors are read from one pipe as they come, line by line,
/// made safe (``TerminalText/safe(_:keepingNewlines:)``: no escape sequence from the command reaches the
/// terminal), handed to `output`, and the last lines kept for the record.
public enum StepCommand {
    /// How a command ended.
    public enum Ending: Sendable, Equatable {
        /// It exited with this status (0: it worked).
        case exited(Int32)
        /// A signal ended it (its number).
        case signalled(Int32)
        /// The admin stopped it (Ctrl-C, or a signal to the runner).
        case stopped
        /// `/bin/sh` could not be started (the reason).
        case notStarted(String)

        /// Whether the command did its work: it exited with status 0.
        public var succeeded: Bool { self == .exited(0) }

        /// The exit status, when it exited.
        public var exitStatus: Int? {
            if case .exited(let status) = self { Int(status) } else { nil }
        }

        /// The word the log and the JSON report use: "exited", "signal", "stopped", "not-started".
        public var word: String {
            switch self {
            case .exited: "exited"
            case .signalled: "signal"
            case .stopped: "stopped"
            case .notStarted: "not-started"
            }
        }
    }

    /// A command's ending and the last of its output.
    public struct Outcome: Sendable, Equatable {
        public var ending: Ending
        /// The last ``keptLines`` lines of output (made safe), joined with "\n", for the record.
        public var output: String
    }

    /// The longest command line accepted (bytes of UTF-8).
    public static let maximumLength = 4096
    /// How many lines of output the record keeps (the last ones).
    public static let keptLines = 40
    /// The longest line handed on at once: a longer one (output without line breaks) is cut there.
    static let longestLine = 4096

    /// Whether `scalar` may not appear in a command line: control characters (C0 but the tab, DEL, C1) and
    /// the bidirectional overrides and isolates, which could make the line shown read differently from the
    /// line run.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Runs `line` with `/bin/sh -c` in the current folder and the runner's environment (or `environment`).
    ///
    /// The command is started with `posix_spawn` in a process group of its own, with default signal
    /// dispositions and an empty signal mask whatever the console had set, and nothing open but its
    /// standard input (/dev/null) and its output and errors (one pipe). Its end is its exit (`waitpid`), not
    /// the end of its output: something it leaves running in the background (`server &`) may hold the pipe
    /// open, so what is written within a second after the exit is read, and no more. (Foundation's
    /// `Process` on Linux sees a child end only when every process that inherited its descriptors has
    /// ended, which would keep the runner waiting for such a background job.)
    ///
    /// - Parameters:
    ///   - output: called with each line of output (made safe, without its line break) as it comes.
    ///   - stopRequested: asked again and again while the command runs; waits at most the duration given for
    ///     the admin to stop it (true). The command's process group is then sent SIGTERM, and SIGKILL two
    ///     seconds later if the command is still running.
    public static func run(
        _ line: String, environment: [String: String]? = nil, output: (String) -> Void,
        stopRequested: (Duration) -> Bool
    ) -> Outcome {
        guard !line.unicodeScalars.contains(where: isForbidden), line.utf8.count <= maximumLength else {
            return Outcome(ending: .notStarted("the command line contains control characters"), output: "")
        }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            return Outcome(ending: .notStarted(TerminalText.safe(String(cString: strerror(errno)))), output: "")
        }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        // Neither end leaks into the child but as its standard output and errors (dup2 clears the flag there).
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
        defer { close(readEnd) }
        let started = spawn(line, output: writeEnd, environment: environment ?? ProcessInfo.processInfo.environment)
        close(writeEnd)
        let id: pid_t
        switch started {
        case .failure(let error): return Outcome(ending: .notStarted(error.reason), output: "")
        case .success(let pid): id = pid
        }
        _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)

        var lines = LineCollector()
        var stoppedAt: ContinuousClock.Instant?
        var killed = false
        var status: Int32?
        var exitedAt: ContinuousClock.Instant?
        let clock = ContinuousClock()
        var buffer = [UInt8](repeating: 0, count: 8192)
        reading: while true {
            // Everything there is now.
            var endOfOutput = false
            while true {
                let count = read(readEnd, &buffer, buffer.count)
                if count > 0 {
                    lines.add(buffer[0..<count]).forEach(output)
                } else if count == 0 {
                    endOfOutput = true
                    break
                } else if errno == EINTR {
                    continue
                } else {
                    break  // EAGAIN: nothing more for now
                }
            }
            if status == nil { status = exitStatus(of: id) }
            if status != nil {
                let exited = exitedAt ?? clock.now
                exitedAt = exited
                if endOfOutput || clock.now - exited > .seconds(1) || !hasInput(readEnd, within: 50) { break reading }
                continue
            }
            if let stoppedAt {
                if !killed, clock.now - stoppedAt > .seconds(2) {
                    kill(-id, SIGKILL)
                    killed = true
                }
                _ = hasInput(readEnd, within: 50)
            } else if stopRequested(.milliseconds(50)) {
                stoppedAt = clock.now
                kill(-id, SIGTERM)
            } else if endOfOutput {
                usleep(20_000)  // the output has ended, the command not yet
            } else if !hasInput(readEnd, within: 0) {
                _ = hasInput(readEnd, within: 20)
            }
        }
        lines.finish().forEach(output)
        // The W* macros are not imported into Swift; this is their definition on Linux and macOS.
        let raw = status ?? 0
        let ending: Ending
        if stoppedAt != nil {
            ending = .stopped
        } else if raw & 0x7F != 0 {
            ending = .signalled(raw & 0x7F)
        } else {
            ending = .exited((raw >> 8) & 0xFF)
        }
        return Outcome(ending: ending, output: lines.kept.joined(separator: "\n"))
    }

    /// The raw status of `id` once it has ended (collected), nil while it runs. A child collected by someone
    /// else (ECHILD) has ended, how is not known: counted as ended by a signal, never as having worked.
    static func exitStatus(of id: pid_t) -> Int32? {
        while true {
            var status: Int32 = 0
            let result = waitpid(id, &status, WNOHANG)
            if result == id { return status }
            if result == 0 { return nil }
            if errno == EINTR { continue }
            return SIGKILL
        }
    }

    /// Starts `/bin/sh -c line` writing to `output`; its process id, or why it could not start.
    static func spawn(_ line: String, output: Int32, environment: [String: String]) -> Result<pid_t, SpawnError> {
        let started = ChildSpawn.spawn(
            "/bin/sh", arguments: ["/bin/sh", "-c", line], environment: environment,
            fileActions: [.open(0, path: "/dev/null", flags: O_RDONLY), .duplicate(output, as: 1), .duplicate(output, as: 2)],
            grouping: .ownProcessGroup)
        return started.mapError { SpawnError(reason: TerminalText.safe($0.description)) }
    }

    /// Why `/bin/sh` could not be started.
    struct SpawnError: Error {
        var reason: String
    }

    /// Whether `descriptor` has something to read within `milliseconds`.
    static func hasInput(_ descriptor: Int32, within milliseconds: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, milliseconds) > 0
    }

    /// Cuts bytes into lines, makes each safe, hands it on and keeps the last ones.
    struct LineCollector {
        var pending: [UInt8] = []
        var kept: [String] = []

        /// The complete lines `bytes` ends.
        mutating func add(_ bytes: ArraySlice<UInt8>) -> [String] {
            pending.append(contentsOf: bytes)
            var lines: [String] = []
            while let newline = pending.firstIndex(of: 0x0A) {
                lines.append(emit(pending[..<newline]))
                pending.removeSubrange(...newline)
            }
            while pending.count > StepCommand.longestLine {
                // Cut before a UTF-8 continuation byte's character, not inside it.
                var cut = StepCommand.longestLine
                while cut > 0, pending[cut] & 0xC0 == 0x80 { cut -= 1 }
                if cut == 0 { cut = StepCommand.longestLine }
                lines.append(emit(pending[..<cut]))
                pending.removeSubrange(..<cut)
            }
            return lines
        }

        /// The unfinished last line, if any.
        mutating func finish() -> [String] {
            defer { pending.removeAll() }
            return pending.isEmpty ? [] : [emit(pending[...])]
        }

        mutating func emit(_ bytes: ArraySlice<UInt8>) -> String {
            var line = bytes
            if line.last == 0x0D { line = line.dropLast() }
            let text = TerminalText.safe(String(decoding: line, as: UTF8.self))
            kept.append(text)
            if kept.count > StepCommand.keptLines { kept.removeFirst(kept.count - StepCommand.keptLines) }
            return text
        }
    }
}
