#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import WegwijsCore

/// The run console on an interactive terminal: single keys in raw mode, output inline in the normal
/// screen (never the alternate screen, so the run stays in the scrollback).
///
/// Raw mode here is `cfmakeraw` minus two things: output processing (`OPOST`) stays on, so "\n" still
/// starts a new line, and nothing is changed in the character size or parity. Input is read byte by byte
/// (`VMIN` 1, `VTIME` 0) without echo or line editing; `ISIG` is off, so Ctrl-C, Ctrl-Z and Ctrl-\\ arrive
/// as bytes and the console decides what they mean; `IXON` is off, so Ctrl-S does not freeze the screen.
///
/// The terminal is given back as it was found:
/// - by `close()` (the runner calls it when the run ends) and by `deinit`;
/// - on SIGTERM, SIGHUP, SIGQUIT and SIGINT from outside: restored inside the signal handler, then
///   `nextInput()` answers `.interrupt` (see `SignalRelay`);
/// - after a typed Ctrl-C: `nextInput()` restores the terminal, then answers `.interrupt`; from then on
///   Ctrl-C is a real SIGINT again, and a second one ends the process even if the runner hangs;
/// - on Ctrl-Z or SIGTSTP: restored, the job stopped; on `fg` raw mode comes back and `nextInput()`
///   answers `.resize(width:)` so the runner redraws;
/// - on `exit()` and on crashes, as far as a process can (see `TerminalGuard`).
public final class TerminalConsole: ClosableConsole {
    /// Why a terminal console cannot be opened.
    public enum SetupError: Error, Equatable {
        /// Standard input is not a terminal (`tcgetattr` failed with this errno).
        case notATerminal(errno: Int32)
        /// The terminal refused raw mode (`tcsetattr` failed with this errno).
        case rawModeRefused(errno: Int32)
        /// Another console already handles the process's signals.
        case signalsAlreadyHandled
        /// The run was started in the background (`wegwijs run ID &`) and could not wait for `fg`.
        case notInForeground
    }

    /// How long a lone ESC waits for the rest of an escape sequence before it counts as the Escape key.
    /// ncurses waits up to a second; 100 ms keeps Escape responsive and covers local terminals and most
    /// SSH links, which deliver a key's sequence in one packet.
    public static let escapeDelay: Duration = .milliseconds(100)

    /// What this console can do; `width` follows the window.
    public private(set) var capabilities: ConsoleCapabilities

    private let input: Descriptor
    private let output: Descriptor
    /// The settings found, read once the run is in the foreground (in the background, the shell's
    /// line editor may have the terminal in its own mode).
    private var original: termios
    private var raw: termios
    private var isRaw = false
    private var isClosed = false
    /// Interrupted or closed: no more input will be read.
    private var isOver = false
    /// Standard input reached its end (a hang-up, or a closed pipe): every later read would say so again.
    private var reachedEndOfFile = false
    private var decoder = KeyDecoder()
    /// Inputs decoded or signalled but not yet handed out.
    private var queue: [RunInput] = []
    private var pendingSince: ContinuousClock.Instant?
    private let relay: SignalRelay?
    private let stopJob: () -> Void
    private let desktop: Desktop

    /// Opens the console on `input` and `output` (standard input and output by default) and enters raw mode.
    ///
    /// - Parameters:
    ///   - capabilities: what the console may do, from `ConsoleEnvironment`; `isInteractive` is set true.
    ///   - environment: where the figure viewer and the clipboard tools are looked for.
    ///   - handlesSignals: installs the process's signal handlers and the exit and crash guards. One console
    ///     at a time may do so; tests that open several consoles on pseudo-terminals pass false.
    ///   - stopJob: how Ctrl-Z stops the process, by default SIGTSTP to the process group; tests pass a
    ///     stand-in, since stopping the test process would hang it.
    public init(
        input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, capabilities: ConsoleCapabilities,
        environment: [String: String] = ProcessInfo.processInfo.environment, handlesSignals: Bool = true,
        stopJob: (() -> Void)? = nil
    ) throws(SetupError) {
        self.input = Descriptor(input)
        self.output = Descriptor(output)
        var settings = termios()
        guard tcgetattr(input, &settings) == 0 else { throw .notATerminal(errno: errno) }
        original = settings
        raw = Self.rawSettings(from: settings)
        var interactive = capabilities
        interactive.isInteractive = true
        self.capabilities = interactive
        desktop = Desktop(environment: environment)

        if handlesSignals {
            guard let relay = SignalRelay.install(for: SignalRelay.terminationSignals + [SIGWINCH, SIGTSTP, SIGCONT]) else {
                throw .signalsAlreadyHandled
            }
            self.relay = relay
            self.stopJob = stopJob ?? { [relay] in relay.stopJob() }
        } else {
            relay = nil
            self.stopJob = stopJob ?? { kill(0, SIGTSTP) }
        }
        guard waitForForeground() else {
            close()
            throw .notInForeground
        }
        if !isRaw, tcgetattr(input, &settings) == 0 {
            original = settings
            raw = Self.rawSettings(from: settings)
        }
        if handlesSignals { TerminalGuard.hold(self.input, settings: original) }
        // A signal while waiting for the foreground may have ended the run already.
        if !isOver, let error = enterRawMode() {
            close()
            throw .rawModeRefused(errno: error)
        }
    }

    deinit { close() }

    /// Leaves raw mode, removes the signal handlers and stops guarding the terminal; idempotent.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        isOver = true
        leaveRawMode()
        relay?.uninstall()
        TerminalGuard.release(input)
        queue.removeAll()
    }

    // MARK: - Raw mode

    /// `settings` with raw input, as described on the type.
    static func rawSettings(from settings: termios) -> termios {
        var raw = settings
        raw.c_iflag &= ~tcflag_t(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON)
        raw.c_lflag &= ~tcflag_t(ECHO | ECHONL | ICANON | ISIG | IEXTEN)
        withUnsafeMutableBytes(of: &raw.c_cc) { characters in
            characters[Int(VMIN)] = 1
            characters[Int(VTIME)] = 0
        }
        return raw
    }

    /// Waits until this process is in the terminal's foreground process group, stopping the job meanwhile
    /// as the terminal would (SIGTTOU); false when it cannot wait.
    ///
    /// The kernel stops a background process that changes the terminal's settings, unless the thread
    /// blocks SIGTTOU, and dispatch worker threads block every asynchronous signal. Without this check,
    /// `wegwijs run ID &` (or `bg` after Ctrl-Z) would switch the shell's terminal to raw mode, and bash's
    /// `fg` would later put that raw mode back after the run ended. SIGTTOU to the process group stops
    /// the job until `fg`; after `bg` it stops again.
    ///
    /// The stop is not immediate: the signal is taken by the main thread, and this thread runs on for a
    /// moment. So it looks for a quarter of a second; a look that took much longer was frozen by the stop
    /// (and continued by `bg`: stop again). One that did not means the signal did nothing: an orphaned
    /// process group (no shell could continue it) or SIGTTOU ignored.
    private func waitForForeground() -> Bool {
        let clock = ContinuousClock()
        let look: Duration = .milliseconds(250)
        while true {
            let foreground = tcgetpgrp(input.rawValue)
            // No controlling terminal (as for a pseudo-terminal in tests): there is no job to stop.
            if foreground < 0 || foreground == getpgrp() { return true }
            let start = clock.now
            kill(0, SIGTTOU)
            while clock.now - start < look {
                if tcgetpgrp(input.rawValue) == getpgrp() {
                    absorbContinue()
                    return true
                }
                usleep(10_000)
            }
            if clock.now - start < look + .milliseconds(250) { return false }
            absorbContinue()
        }
    }

    /// After the process stopped itself: takes the SIGCONT that continued it out of the pipe, so that it
    /// does not ask for a second redraw, and handles whatever else came meanwhile. The SIGCONT is handled
    /// on another thread, maybe a moment after this one runs again: it is waited for briefly. (In an
    /// orphaned process group a stop is discarded and no SIGCONT comes.)
    private func absorbContinue() {
        guard let relay else { return }
        handle(signals: relay.takeSignals(until: SIGCONT, waitingAtMost: .milliseconds(250)).filter { $0 != SIGCONT })
    }

    /// Enters raw mode; the errno when the terminal refuses. TCSANOW, not TCSAFLUSH: keys typed before
    /// the run started are answers, not noise.
    private func enterRawMode() -> Int32? {
        var settings = raw
        while tcsetattr(input.rawValue, TCSANOW, &settings) != 0 {
            if errno != EINTR { return errno }
        }
        isRaw = true
        return nil
    }

    private func leaveRawMode() {
        guard isRaw else { return }
        var settings = original
        while tcsetattr(input.rawValue, TCSANOW, &settings) != 0 && errno == EINTR {}
        isRaw = false
    }

    // MARK: - Output

    /// Writes `text` as it is, every byte.
    public func write(_ text: String) {
        output.writeAll(text.utf8)
    }

    // MARK: - Input

    /// Waits for the next key, signal or end of input.
    public func nextInput() -> RunInput {
        nextInput(waitingAtMost: nil) ?? .endOfInput
    }

    /// Waits at most `limit` (nil: as long as it takes) for the next input; nil when the time is up.
    /// The runner needs only `nextInput()`; tests use this so that a missing key fails instead of hanging.
    public func nextInput(waitingAtMost limit: Duration?) -> RunInput? {
        let clock = ContinuousClock()
        let deadline = limit.map { clock.now + $0 }
        while true {
            if !queue.isEmpty { return queue.removeFirst() }
            if isOver || reachedEndOfFile { return .endOfInput }

            var wait: Duration? = deadline.map { max(.zero, $0 - clock.now) }
            if let pendingSince {
                let escapeWait = max(.zero, pendingSince + Self.escapeDelay - clock.now)
                wait = min(wait ?? escapeWait, escapeWait)
            }
            var descriptors = [input]
            if let relay { descriptors.append(relay.descriptor) }
            switch Descriptor.waitForInput(on: descriptors, timeout: wait) {
            case .failed:
                return .endOfInput
            case .timedOut:
                if let pendingSince, clock.now >= pendingSince + Self.escapeDelay {
                    enqueue(decoder.flush())
                    self.pendingSince = nil
                } else if let deadline, clock.now >= deadline {
                    return nil
                }
            case .ready(let ready):
                if let relay, ready.count > 1, ready[1] { handle(signals: relay.takeSignals()) }
                // Signals first: an interrupt or a stop must not wait behind keys.
                if ready[0] && queue.isEmpty && !isOver { readKeys() }
            }
        }
    }

    /// While a step's command runs: Ctrl-C (or a signal) within `limit`. Other keys are dropped (the command
    /// reads no keys, and keys typed meanwhile are not answers), and so is a resize (the width is kept, and
    /// the runner draws the step again after the command). After Ctrl-C the terminal is given back at once,
    /// as for any Ctrl-C; the runner stops the command and ends the run, saved.
    public func interruptRequested(waitingAtMost limit: Duration) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while true {
            if isOver || reachedEndOfFile {
                let left = deadline - clock.now
                if left > .zero { usleep(UInt32(left.components.attoseconds / 1_000_000_000_000 + left.components.seconds * 1_000_000)) }
                return false
            }
            guard let input = nextInput(waitingAtMost: max(.zero, deadline - clock.now)) else { return false }
            if input == .interrupt { return true }
            if clock.now >= deadline { return false }
        }
    }

    /// Drops keys typed while a screen was drawn: in the terminal's queue, half-decoded, and decoded.
    public func discardPendingInput() {
        tcflush(input.rawValue, TCIFLUSH)
        decoder.reset()
        pendingSince = nil
        queue.removeAll { if case .key = $0 { true } else { false } }
    }

    private func readKeys() {
        switch input.read() {
        case .again:
            return
        case .endOfFile:
            reachedEndOfFile = true
            queue.append(.endOfInput)
        case .bytes(let bytes):
            enqueue(decoder.decode(bytes))
            pendingSince = decoder.hasPendingBytes ? ContinuousClock().now : nil
        }
    }

    private func enqueue(_ events: [KeyDecoder.Event]) {
        for event in events {
            switch event {
            case .key(let key):
                queue.append(.key(key))
            case .endOfInput:
                queue.append(.endOfInput)
            case .interrupt:
                relay?.countInterrupt()
                interrupt()
                return
            case .suspend:
                suspend()
                // Keys typed before Ctrl-Z belong to the screen before it; the runner redraws anyway.
                return
            }
        }
    }

    /// Gives the terminal back and queues `.interrupt`, dropping keys still queued: Ctrl-C means stop now.
    private func interrupt() {
        // The relay stays: with the count of terminations at one, a second Ctrl-C (a real SIGINT now
        // that ISIG is back) or SIGTERM ends the process even if the runner hangs while saving.
        leaveRawMode()
        isOver = true
        queue.removeAll { if case .key = $0 { true } else { false } }
        queue.append(.interrupt)
    }

    // MARK: - Signals

    private func handle(signals: [Int32]) {
        for signal in signals {
            switch signal {
            case SIGINT, SIGTERM, SIGHUP, SIGQUIT:
                // The handler has restored the terminal already; this makes the console agree.
                interrupt()
                return
            case SIGWINCH:
                queueResize()
            case SIGTSTP:
                suspend()
            case SIGCONT where !isOver:
                // After an outside SIGSTOP the shell may have changed the terminal: take raw mode again,
                // once in the foreground (a `bg` continues the job in the background).
                if waitForForeground(), enterRawMode() == nil { queueResize() }
            default:
                break
            }
        }
    }

    /// Gives the terminal back, stops the job, and on continuing takes raw mode again and asks for a redraw.
    private func suspend() {
        guard !isOver else { return }
        leaveRawMode()
        stopJob()
        decoder.reset()
        pendingSince = nil
        queue.removeAll { if case .key = $0 { true } else { false } }
        absorbContinue()
        guard !isOver, waitForForeground(), enterRawMode() == nil else { return }
        queueResize()
    }

    /// Reads the window's width and queues one `.resize` (several in a row are one redraw).
    private func queueResize() {
        if let columns = output.terminalColumns ?? input.terminalColumns {
            capabilities.width = min(max(columns, ConsoleEnvironment.widthRange.lowerBound), ConsoleEnvironment.widthRange.upperBound)
        }
        if let rows = output.terminalRows ?? input.terminalRows { capabilities.rows = rows }
        queue.removeAll { if case .resize = $0 { true } else { false } }
        queue.append(.resize(width: capabilities.width))
    }

    // MARK: - Desktop

    /// Opens a figure in the desktop's viewer (xdg-open, or open on macOS).
    public func open(file path: String) -> OpenOutcome {
        desktop.open(file: path)
    }

    /// Opens a web address with the desktop's opener (never a shell).
    public func open(address: String) -> OpenOutcome {
        desktop.open(address: address)
    }

    /// Puts text on the clipboard, and says how only when the copy was handed to something that takes it.
    ///
    /// Where a desktop session is visible (`WAYLAND_DISPLAY`, `DISPLAY`, macOS) a clipboard tool is run
    /// (wl-copy, xclip, xsel, pbcopy): its exit status says whether it worked. Otherwise OSC 52 is written,
    /// which reaches the admin's own clipboard even over SSH, but only where the terminal is known to take
    /// it (kitty, WezTerm, iTerm2, foot, Ghostty, Alacritty, Windows Terminal): many ignore it silently
    /// (VTE terminals such as GNOME Terminal, Konsole, Apple's Terminal). Nil when neither: the runner then
    /// says it could not copy, and shows the value.
    public func copyToClipboard(_ text: String) -> String? {
        if desktop.hasGraphicalSession, let tool = desktop.copyWithTool(text) { return tool }
        guard desktop.terminalAcceptsOSC52 else { return nil }
        write("\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}")
        return "OSC 52"
    }
}
