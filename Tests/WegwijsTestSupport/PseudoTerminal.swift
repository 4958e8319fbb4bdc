#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import WegwijsCore

/// A pseudo-terminal for tests: the terminal side to hand to a console or a child process, the
/// controlling side to type into and read the screen's bytes from.
///
/// Every wait has a time limit, so a console or child that hangs fails its test instead of hanging it;
/// a child still running when its wait runs out is killed.
///
/// ```swift
/// let terminal = try PseudoTerminal(columns: 60)
/// let before = try terminal.attributes()
/// try terminal.launch(CommandRunner.executable, arguments: ["run", "add-users"], in: site.root)
/// try terminal.readOutput(until: "Step 1 of 3")
/// try terminal.send(bytes: [0x03])  // Ctrl-C: save and exit with status 130
/// #expect(terminal.waitForExit() == 130)
/// #expect(try terminal.attributes() == before)
/// ```
public final class PseudoTerminal {
    /// A wait ran out of time.
    public struct Timeout: Error, CustomStringConvertible {
        /// What was awaited, and the output so far.
        public var description: String
    }

    /// The controlling side (the "master"): bytes written here are typed, bytes read here were printed.
    public let controller: Int32
    /// The terminal side (the "slave"): a console's input and output, or a child's standard streams.
    public let terminal: Int32
    /// The child's process id, once launched.
    public private(set) var childID: pid_t?
    private var exitStatus: Int32?
    private var received: [UInt8] = []
    private var isHungUp = false

    /// Opens a pseudo-terminal whose window is `columns` × `rows`.
    public init(columns: Int = 80, rows: Int = 24) throws {
        var controller: Int32 = -1
        var terminal: Int32 = -1
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&controller, &terminal, nil, nil, &size) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        // Neither end may stay open in a child that another test spawns (`launch` opens the terminal
        // by name): an inherited controlling side would keep the terminal from ever hanging up.
        _ = fcntl(controller, F_SETFD, FD_CLOEXEC)
        _ = fcntl(terminal, F_SETFD, FD_CLOEXEC)
        self.controller = controller
        self.terminal = terminal
    }

    deinit {
        if let childID, isChildRunning {
            kill(childID, SIGKILL)
            collectExit(waiting: true)
        }
        if !isHungUp { close(controller) }
        close(terminal)
    }

    /// Closes the controlling side, as a terminal window being closed does: reads on the terminal side
    /// then end (EIO on Linux). Nothing can be typed or read afterwards.
    public func hangUp() {
        guard !isHungUp else { return }
        isHungUp = true
        close(controller)
    }

    // MARK: - The window

    /// Sets the window's size. The kernel tells a child whose controlling terminal this is (SIGWINCH);
    /// on macOS, where the child does not get it as its controlling terminal, the signal is sent here.
    public func resize(columns: Int, rows: Int = 24) throws {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        #if canImport(Glibc)
        let result = ioctl(controller, UInt(TIOCSWINSZ), &size)
        #else
        let result = ioctl(controller, TIOCSWINSZ, &size)
        #endif
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        #if !os(Linux)
        signalChild(SIGWINCH)
        #endif
    }

    // MARK: - Typing

    /// Types `text`, as UTF-8.
    public func send(_ text: String) throws {
        try send(bytes: Array(text.utf8))
    }

    /// Types raw bytes (escape sequences, control keys, invalid UTF-8).
    public func send(bytes: [UInt8]) throws {
        guard !isHungUp else { throw POSIXError(.EBADF) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(controller, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            offset += written
        }
    }

    /// Waits until the terminal side has input to read (typed bytes travel through the kernel's line
    /// discipline asynchronously); false when nothing arrives within `timeout`.
    public func waitUntilTerminalHasInput(timeout: Duration = .seconds(5)) -> Bool {
        var entry = pollfd(fd: terminal, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, Self.milliseconds(timeout)) == 1
    }

    // MARK: - Reading the screen

    /// Everything printed so far (read by the `read…` calls), decoded as UTF-8 with replacement.
    public var output: String { String(decoding: received, as: UTF8.self) }

    /// Reads printed bytes until `condition` holds for the whole output so far; the output, or
    /// `Timeout` after `timeout`.
    @discardableResult
    public func readOutput(timeout: Duration = .seconds(10), until condition: (String) -> Bool) throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while !condition(output) {
            let remaining = deadline - clock.now
            guard remaining > .zero else { throw Timeout(description: "timed out after \(timeout); output so far: \(output.debugDescription)") }
            readAvailable(waitingAtMost: remaining)
        }
        return output
    }

    /// Reads printed bytes until the output contains `text`.
    @discardableResult
    public func readOutput(until text: String, timeout: Duration = .seconds(10)) throws -> String {
        try readOutput(timeout: timeout) { $0.contains(text) }
    }

    /// Reads whatever is printed within `duration` (to see that nothing more comes, or to drain).
    @discardableResult
    public func readOutput(for duration: Duration) -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + duration
        while clock.now < deadline { readAvailable(waitingAtMost: deadline - clock.now) }
        return output
    }

    /// Forgets the output read so far.
    public func clearOutput() { received.removeAll() }

    private func readAvailable(waitingAtMost limit: Duration) {
        guard !isHungUp else {
            usleep(UInt32(min(Self.milliseconds(limit), 10)) * 1000)
            return
        }
        var entry = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, Self.milliseconds(limit)) == 1 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(controller, $0.baseAddress, $0.count) }
        if count > 0 {
            received += buffer[0..<count]
        } else {
            // EIO once every terminal-side descriptor is closed: nothing more will come; do not spin.
            usleep(10_000)
        }
    }

    // MARK: - A child process

    /// Starts `executable` with the terminal as its standard input, output and error, as a shell would.
    ///
    /// `posix_spawn`, not `Process`: a test runs on a dispatch worker thread, which blocks every
    /// asynchronous signal, and a spawned child inherits that mask, so it could not be stopped by SIGTERM
    /// nor see SIGWINCH. The child starts with an empty mask and default dispositions, in a session of its
    /// own whose controlling terminal is this one (on Linux, opening the terminal as session leader makes
    /// it so): the kernel then sends it SIGWINCH on a resize, SIGINT for a typed Ctrl-C in cooked mode,
    /// and SIGHUP on `hangUp()`.
    public func launch(
        _ executable: URL, arguments: [String] = [], environment: [String: String]? = nil, in directory: URL? = nil
    ) throws {
        guard childID == nil else { throw POSIXError(.EBUSY) }
        // ttyname_r, not ttyname: ttyname's static buffer is shared by the tests that launch at the same
        // moment, and a name overwritten by another test's terminal made posix_spawn fail with ENOENT.
        var name = [CChar](repeating: 0, count: Int(PATH_MAX))
        guard ttyname_r(terminal, &name, name.count) == 0 else { throw POSIXError(.ENOTTY) }
        let terminalPath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var command = [executable.path] + arguments
        if let directory {
            command = ["/bin/sh", "-c", #"cd -- "$0" && exec "$@""#, directory.path] + command
        }

        let started = ChildSpawn.spawn(
            command[0], arguments: command, environment: environment ?? ProcessInfo.processInfo.environment,
            fileActions: [.open(0, path: terminalPath, flags: O_RDWR), .duplicate(0, as: 1), .duplicate(0, as: 2)],
            grouping: .newSession)
        let pid: pid_t
        switch started {
        case .success(let id): pid = id
        case .failure(let error): throw POSIXError(POSIXErrorCode(rawValue: error.value) ?? .ENOEXEC)
        }
        childID = pid
        exitStatus = nil
    }

    /// Whether the child is still running.
    public var isChildRunning: Bool {
        collectExit(waiting: false)
        return childID != nil && exitStatus == nil
    }

    /// Waits at most `timeout` for the child to exit, reading its output meanwhile (a child blocked on
    /// a full terminal would never exit): its exit status, 128 + the signal that ended it, or nil when
    /// it was still running and has been killed.
    public func waitForExit(timeout: Duration = .seconds(10)) -> Int32? {
        guard let childID else { return nil }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while isChildRunning {
            if clock.now >= deadline {
                kill(childID, SIGKILL)
                collectExit(waiting: true)
                return nil
            }
            readAvailable(waitingAtMost: .milliseconds(10))
        }
        return exitStatus
    }

    /// Sends `signal` to the child.
    public func signalChild(_ signal: Int32) {
        if let childID, isChildRunning { kill(childID, signal) }
    }

    private func collectExit(waiting: Bool) {
        guard let childID, exitStatus == nil else { return }
        var status: Int32 = 0
        var result: pid_t
        repeat { result = waitpid(childID, &status, waiting ? 0 : WNOHANG) } while result < 0 && errno == EINTR
        guard result == childID else { return }
        // The W* macros are not imported into Swift; this is their definition on Linux and macOS.
        exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    // MARK: - Settings

    /// The terminal side's settings, comparable.
    public struct Attributes: Equatable, Sendable, CustomStringConvertible {
        /// `c_iflag`.
        public var inputFlags: UInt64
        /// `c_oflag`.
        public var outputFlags: UInt64
        /// `c_cflag`.
        public var controlFlags: UInt64
        /// `c_lflag`.
        public var localFlags: UInt64
        /// `c_cc`: the control characters, VMIN and VTIME.
        public var controlCharacters: [UInt8]

        /// Whether line editing (ICANON) is on: the terminal is in its usual, cooked mode.
        public var isCanonical: Bool { localFlags & UInt64(ICANON) != 0 }
        /// Whether typed characters are echoed.
        public var echoes: Bool { localFlags & UInt64(ECHO) != 0 }
        /// Whether Ctrl-C, Ctrl-Z and Ctrl-\ send signals.
        public var sendsSignals: Bool { localFlags & UInt64(ISIG) != 0 }
        /// Whether output is processed ("\n" → "\r\n").
        public var processesOutput: Bool { outputFlags & UInt64(OPOST) != 0 }

        /// The flags in octal, as `stty` and the C headers write them.
        public var description: String {
            let octal = { (value: UInt64) in "0o" + String(value, radix: 8) }
            return "iflag \(octal(inputFlags)) oflag \(octal(outputFlags)) cflag \(octal(controlFlags)) lflag \(octal(localFlags))"
        }
    }

    /// The terminal side's current settings (`tcgetattr`).
    public func attributes() throws -> Attributes {
        var settings = termios()
        guard tcgetattr(terminal, &settings) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return Attributes(
            inputFlags: UInt64(settings.c_iflag), outputFlags: UInt64(settings.c_oflag),
            controlFlags: UInt64(settings.c_cflag), localFlags: UInt64(settings.c_lflag),
            controlCharacters: withUnsafeBytes(of: settings.c_cc) { Array($0) })
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        return Int32(clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}
