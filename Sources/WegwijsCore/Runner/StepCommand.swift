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

    /// Runs `line` with `/bin/sh -c` in the current folder and the runner's environment.
    ///
    /// - Parameters:
    ///   - output: called with each line of output (made safe, without its line break) as it comes.
    ///   - stopRequested: asked again and again while the command runs; waits at most the duration given for
    ///     the admin to stop it (true). The command is then sent SIGTERM (its process group, when it leads
    ///     one), and SIGKILL two seconds later if it is still running.
    public static func run(
        _ line: String, environment: [String: String]? = nil, output: (String) -> Void,
        stopRequested: (Duration) -> Bool
    ) -> Outcome {
        guard !line.unicodeScalars.contains(where: isForbidden), line.utf8.count <= maximumLength else {
            return Outcome(ending: .notStarted("the command line contains control characters"), output: "")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", line]
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            return Outcome(ending: .notStarted(TerminalText.safe(error.localizedDescription)), output: "")
        }
        // Only the child holds the writing end now: the pipe ends when the command (and what it started) ends.
        try? pipe.fileHandleForWriting.close()
        let descriptor = pipe.fileHandleForReading.fileDescriptor
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)

        var lines = LineCollector()
        var stoppedAt: ContinuousClock.Instant?
        var killed = false
        let clock = ContinuousClock()
        var buffer = [UInt8](repeating: 0, count: 8192)
        reading: while true {
            // Everything there is now.
            var endOfOutput = false
            while true {
                let count = read(descriptor, &buffer, buffer.count)
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
            if endOfOutput && !process.isRunning { break reading }
            // Something the command started in the background may hold the pipe open: once the command
            // itself has ended, what it wrote so far is all that is read.
            if !process.isRunning {
                process.waitUntilExit()
                if endOfOutput || !hasInput(descriptor, within: 50) { break reading }
                continue
            }
            if let stoppedAt {
                if !killed, clock.now - stoppedAt > .seconds(2) {
                    send(SIGKILL, to: process)
                    killed = true
                }
                _ = hasInput(descriptor, within: 50)
            } else if stopRequested(.milliseconds(50)) {
                stoppedAt = clock.now
                send(SIGTERM, to: process)
            } else if !hasInput(descriptor, within: 0) {
                _ = hasInput(descriptor, within: 20)
            }
        }
        process.waitUntilExit()
        lines.finish().forEach(output)
        let ending: Ending
        if stoppedAt != nil {
            ending = .stopped
        } else if process.terminationReason == .uncaughtSignal {
            ending = .signalled(process.terminationStatus)
        } else {
            ending = .exited(process.terminationStatus)
        }
        return Outcome(ending: ending, output: lines.kept.joined(separator: "\n"))
    }

    /// Sends `number` to the command's process group when it leads one, else to the command.
    static func send(_ number: Int32, to process: Process) {
        let id = process.processIdentifier
        guard id > 0 else { return }
        if getpgid(id) == id {
            kill(-id, number)
        } else {
            kill(id, number)
        }
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
