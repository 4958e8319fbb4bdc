#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Turns signals into bytes on a pipe that a console's input loop waits on beside standard input.
///
/// Why a self-pipe: a signal handler may only call async-signal-safe functions. `write(2)` is one, so the
/// handler writes the signal's number (one byte) to a non-blocking pipe, and the console, which polls
/// that pipe together with standard input, wakes at once and handles the signal in ordinary code: a
/// window size to read, a job to stop, `.interrupt` to deliver. A blocked wait for a key ends as soon as
/// a signal comes. DispatchSource signal sources were the alternative; on Linux libdispatch installs its
/// own handler and blocks the signal in the threads it sees (signalfd), which changes the main thread's
/// signal mask behind our back and is hard to reason about around `poll` and job control.
///
/// Termination signals (INT, TERM, HUP, QUIT) do one more thing inside the handler: they give the terminal
/// back at once (`TerminalGuard`), so a process whose main thread is busy still leaves a usable terminal.
/// The first one is relayed as `.interrupt` for the runner to save and exit with status 130; a second one,
/// with the first still unfinished, ends the process with the signal's default action, so a hung run
/// can always be stopped.
///
/// Which thread runs the handler does not matter, and in `wegwijs` it is not the runner's: asynchronous
/// code runs on dispatch worker threads, which block every asynchronous signal, so on Linux the kernel
/// hands process-directed signals to the main thread, which `dispatch_main` parks in `sigsuspend` with
/// nothing blocked. The pipe carries the signal across. (`raise` in a worker thread would leave the
/// signal pending there forever; send signals to the process with `kill(getpid(), …)`.)
///
/// One relay at a time owns the process's handlers; `install(for:)` refuses a second. Handlers are
/// installed with `SA_RESTART`, so other code's reads and writes are not cut short by `EINTR`; `poll`
/// is never restarted, which is what wakes the console.
final class SignalRelay {
    /// Signals that end the run: `.interrupt`, and a second one ends the process.
    static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    // MARK: - What the handler reads
    //
    // The handler can take no lock and allocate nothing, so it reads only these atomics, which are set
    // before the handlers are installed and cleared after they are removed.

    /// The write end of the installed relay's pipe, or -1.
    private static let writeEnd = Atomic<Int32>(-1)
    /// Termination signals (and interrupts handed to the runner) since the relay was installed.
    private static let terminations = Atomic<Int32>(0)
    /// Whether a relay is installed.
    private static let isInstalled = Atomic<Bool>(false)

    /// The handler every relayed signal runs.
    private static let handler: @convention(c) (Int32) -> Void = { signal in
        let savedErrno = errno
        defer { errno = savedErrno }
        switch signal {
        case SIGINT, SIGTERM, SIGHUP, SIGQUIT:
            TerminalGuard.restoreFromSignalHandler()
            if SignalRelay.terminations.wrappingAdd(1, ordering: .relaxed).newValue >= 2 {
                // The signal is blocked while its handler runs: raised now, it is delivered with the
                // default action (termination) as soon as the handler returns.
                var defaultAction = sigaction()
                sigemptyset(&defaultAction.sa_mask)
                sigaction(signal, &defaultAction, nil)
                raise(signal)
                return
            }
        default:
            break
        }
        var byte = UInt8(truncatingIfNeeded: signal)
        let descriptor = SignalRelay.writeEnd.load(ordering: .acquiring)
        if descriptor >= 0 { _ = write(descriptor, &byte, 1) }
    }

    // MARK: - Installing

    /// The signals this relay handles.
    let signals: [Int32]
    /// The end a console polls.
    let descriptor: Descriptor
    private let writeDescriptor: Int32
    private var previousActions: [Int32: sigaction] = [:]
    private var isActive = true

    /// Installs handlers for `signals`; nil when another relay is installed or no pipe can be made.
    static func install(for signals: [Int32]) -> SignalRelay? {
        guard isInstalled.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else {
            return nil
        }
        TerminalGuard.prepareForSignalHandlers()
        // Close-on-exec: a figure viewer or clipboard tool started later must not inherit it.
        guard let ends = Descriptor.makePipe() else {
            isInstalled.store(false, ordering: .releasing)
            return nil
        }
        // Non-blocking: a full pipe must never stall a handler, and draining it must never block.
        ends.read.makeNonBlocking()
        ends.write.makeNonBlocking()
        return SignalRelay(signals: signals, readEnd: ends.read.rawValue, writeEnd: ends.write.rawValue)
    }

    private init(signals: [Int32], readEnd: Int32, writeEnd: Int32) {
        self.signals = signals
        self.descriptor = Descriptor(readEnd)
        self.writeDescriptor = writeEnd
        Self.terminations.store(0, ordering: .relaxed)
        Self.writeEnd.store(writeEnd, ordering: .releasing)
        for signal in signals {
            var action = Self.action(handler: Self.handler)
            var previous = sigaction()
            sigaction(signal, &action, &previous)
            previousActions[signal] = previous
        }
    }

    deinit { uninstall() }

    /// Puts back the handlers that were there before and closes the pipe.
    func uninstall() {
        guard isActive else { return }
        isActive = false
        for (signal, var previous) in previousActions { sigaction(signal, &previous, nil) }
        Self.writeEnd.store(-1, ordering: .releasing)
        close(descriptor.rawValue)
        close(writeDescriptor)
        Self.isInstalled.store(false, ordering: .releasing)
    }

    // MARK: - Using

    /// The signals that arrived since the last call, oldest first; never waits.
    func takeSignals() -> [Int32] {
        var signals: [Int32] = []
        while isActive, case .bytes(let bytes) = descriptor.read(maximum: 64) {
            signals += bytes.map { Int32($0) }
        }
        return signals
    }

    /// The signals that arrive until `wanted` is among them or `limit` passes, oldest first.
    func takeSignals(until wanted: Int32, waitingAtMost limit: Duration) -> [Int32] {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        var signals = takeSignals()
        while isActive, !signals.contains(wanted), clock.now < deadline {
            _ = Descriptor.waitForInput(on: [descriptor], timeout: deadline - clock.now)
            signals += takeSignals()
        }
        return signals
    }

    /// Counts an interrupt typed as a key (Ctrl-C in raw mode sends no signal) as a termination, so that a
    /// following Ctrl-C or SIGTERM ends the process at once.
    func countInterrupt() {
        Self.terminations.wrappingAdd(1, ordering: .relaxed)
    }

    /// Stops the whole job as the terminal's Ctrl-Z would, and returns once it is continued (`fg`).
    ///
    /// SIGTSTP goes to the whole process group, so a script that started Wegwijs stops with it and the
    /// shell sees the job stop. Our own SIGTSTP handler is set aside meanwhile, or it would catch the
    /// signal instead of stopping. The kernel discards SIGTSTP in an orphaned process group (no shell
    /// could continue it), in which case this returns at once.
    func stopJob() {
        var defaultAction = sigaction()
        sigemptyset(&defaultAction.sa_mask)
        var ours = sigaction()
        sigaction(SIGTSTP, &defaultAction, &ours)
        kill(0, SIGTSTP)
        sigaction(SIGTSTP, &ours, nil)
    }

    // MARK: - sigaction

    /// A `sigaction` that runs `handler` with `SA_RESTART`, blocking nothing else.
    static func action(handler: @escaping @convention(c) (Int32) -> Void) -> sigaction {
        var action = sigaction()
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        return action
    }

    /// Whether `signal`'s current handler is the relay's (for tests, before sending a real signal).
    static func isRelaying(_ signal: Int32) -> Bool {
        var current = sigaction()
        sigaction(signal, nil, &current)
        #if canImport(Glibc)
        let installed = current.__sigaction_handler.sa_handler
        #else
        let installed = current.__sigaction_u.__sa_handler
        #endif
        guard let installed else { return false }
        return unsafeBitCast(installed, to: UnsafeRawPointer.self) == unsafeBitCast(handler, to: UnsafeRawPointer.self)
    }
}
