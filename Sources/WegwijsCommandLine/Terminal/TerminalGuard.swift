#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The last line of defence for a terminal in raw mode: gives it back as it was found when the process
/// ends without the console's own `close()`.
///
/// - `exit()` (ArgumentParser's `ExitCode` ends this way) runs an `atexit` hook.
/// - A termination signal runs `SignalRelay`'s handler, which calls `restoreFromSignalHandler()` first.
/// - A crash (SIGSEGV, SIGBUS, SIGFPE, SIGABRT; SIGILL is a Swift trap on x86-64, SIGTRAP one on arm64)
///   runs a handler that restores the terminal, puts back the handler that was there before (the Swift
///   runtime's backtracer, or the default action) and lets the crash go on: a fault happens again when
///   the instruction is re-executed, now into that handler with its real address; a signal sent by
///   `kill`, `raise` or `abort` is raised again.
///
/// Only SIGKILL and a power cut escape it. One terminal is held at a time: the console that owns the
/// process's signals.
///
/// This is process-wide state by nature. What a signal handler reads lives in atomics and in memory
/// allocated once and never freed, since a handler can take no lock and allocate nothing;
/// `prepareForSignalHandlers()` touches every static before any handler can run, so that no lazy
/// initialisation happens inside one.
enum TerminalGuard {
    /// The held terminal's descriptor, or -1.
    private static let heldTerminal = Atomic<Int32>(-1)
    /// The settings to give it back with; written before `heldTerminal` is set.
    private nonisolated(unsafe) static let savedSettings: UnsafeMutablePointer<termios> = {
        let pointer = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        pointer.initialize(to: termios())
        return pointer
    }()
    /// The crash signals' previous actions, indexed by signal number.
    private nonisolated(unsafe) static let previousCrashActions: UnsafeMutablePointer<sigaction> = {
        let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: signalSlots)
        pointer.initialize(repeating: sigaction(), count: signalSlots)
        return pointer
    }()
    private static let signalSlots = 128
    private static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]
    private static let isExitHookRegistered = Atomic<Bool>(false)
    private static let areCrashHandlersInstalled = Atomic<Bool>(false)

    // MARK: - Holding

    /// From now until `release`, gives `terminal` back with `settings` if the process ends abruptly.
    static func hold(_ terminal: Descriptor, settings: termios) {
        prepareForSignalHandlers()
        savedSettings.pointee = settings
        heldTerminal.store(terminal.rawValue, ordering: .releasing)
        if isExitHookRegistered.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged {
            // atexit hooks cannot be removed: this one does nothing once the terminal is released.
            atexit { TerminalGuard.restoreFromSignalHandler() }
        }
        if areCrashHandlersInstalled.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged {
            var action = sigaction()
            sigemptyset(&action.sa_mask)
            // SA_ONSTACK: a stack overflow can only be handled on the alternate stack, if one was set up.
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            #if canImport(Glibc)
            action.__sigaction_handler.sa_sigaction = crashHandler
            #else
            action.__sigaction_u.__sa_sigaction = crashHandler
            #endif
            for signal in crashSignals { sigaction(signal, &action, previousCrashActions + Int(signal)) }
        }
    }

    /// Stops guarding `terminal` (its console has restored it) and puts back the crash handlers found.
    static func release(_ terminal: Descriptor) {
        guard heldTerminal.compareExchange(expected: terminal.rawValue, desired: -1, ordering: .acquiringAndReleasing).exchanged else {
            return
        }
        if areCrashHandlersInstalled.compareExchange(expected: true, desired: false, ordering: .acquiringAndReleasing).exchanged {
            for signal in crashSignals { sigaction(signal, previousCrashActions + Int(signal), nil) }
        }
    }

    /// Whether a terminal is held (for tests).
    static var isHolding: Bool { heldTerminal.load(ordering: .acquiring) >= 0 }

    // MARK: - Restoring

    /// Gives the held terminal its saved settings. Async-signal-safe: an atomic load and `tcsetattr`.
    static func restoreFromSignalHandler() {
        let terminal = heldTerminal.load(ordering: .acquiring)
        guard terminal >= 0 else { return }
        _ = tcsetattr(terminal, TCSANOW, savedSettings)
    }

    /// Initialises every static a handler reads, outside any handler.
    static func prepareForSignalHandlers() {
        _ = heldTerminal.load(ordering: .relaxed)
        _ = savedSettings
        _ = previousCrashActions
        _ = crashSignals
    }

    /// The crash handler: restore, put the previous action back, let the crash go on.
    private static let crashHandler: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = {
        signal, info, _ in
        TerminalGuard.restoreFromSignalHandler()
        guard signal > 0, signal < Int32(TerminalGuard.signalSlots) else { return }
        sigaction(signal, TerminalGuard.previousCrashActions + Int(signal), nil)
        // si_code > 0: raised by the kernel for a fault, which recurs when the instruction runs again.
        if let info, info.pointee.si_code > 0 { return }
        raise(signal)
    }
}
