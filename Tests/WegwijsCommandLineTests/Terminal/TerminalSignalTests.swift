#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import Testing
@testable import WegwijsCommandLine
import WegwijsCore
import WegwijsTestSupport

/// Real signals sent to this process while a console owns its handlers.
///
/// Serialized: signal handlers belong to the whole process, and only one console may hold them. Before a
/// signal whose default action would stop or end the test process is sent, the test requires that the
/// relay's handler is installed, so a broken installation fails the test rather than killing the run.
///
/// Signals are sent to the process, not raised in the test's thread: tests run on dispatch worker
/// threads, which block every asynchronous signal (as the runner's async code does in `wegwijs`), so the
/// handler runs on another thread, a moment later. That is the situation the self-pipe is for.
@Suite(.serialized) struct TerminalSignalTests {
    static let limit: Duration = .seconds(5)

    func signalProcess(_ signal: Int32) {
        kill(getpid(), signal)
    }

    /// Whether `condition` becomes true within five seconds.
    func eventually(_ condition: () throws -> Bool) rethrows -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + Self.limit
        while clock.now < deadline {
            if try condition() { return true }
            usleep(5_000)
        }
        return try condition()
    }

    func open(_ terminal: PseudoTerminal, stopJob: @escaping () -> Void = {}) throws -> TerminalConsole {
        try TerminalConsole(
            input: terminal.terminal, output: terminal.terminal, capabilities: .plain(width: 80), environment: [:],
            handlesSignals: true, stopJob: stopJob)
    }

    // MARK: - Termination

    @Test func sigtermRestoresTheTerminalInTheHandlerThenInterrupts() throws {
        let terminal = try PseudoTerminal()
        let before = try terminal.attributes()
        let console = try open(terminal)
        defer { console.close() }
        #expect(TerminalGuard.isHolding)
        try #require(SignalRelay.isRelaying(SIGTERM))
        #expect(try !terminal.attributes().isCanonical)

        signalProcess(SIGTERM)
        // The handler gives the terminal back by itself, before the runner reads anything.
        #expect(try eventually { try terminal.attributes() == before })
        #expect(console.nextInput(waitingAtMost: Self.limit) == .interrupt)
        #expect(console.nextInput(waitingAtMost: Self.limit) == .endOfInput)
    }

    @Test func sighupAndSigquitInterruptToo() throws {
        for signal in [SIGHUP, SIGQUIT] {
            let terminal = try PseudoTerminal()
            let before = try terminal.attributes()
            let console = try open(terminal)
            try #require(SignalRelay.isRelaying(signal))
            signalProcess(signal)
            #expect(try eventually { try terminal.attributes() == before })
            #expect(console.nextInput(waitingAtMost: Self.limit) == .interrupt)
            console.close()
        }
    }

    @Test func closingPutsTheHandlersBackAndReleasesTheTerminal() throws {
        let terminal = try PseudoTerminal()
        let console = try open(terminal)
        #expect(SignalRelay.isRelaying(SIGINT))
        console.close()
        for signal in SignalRelay.terminationSignals + [SIGWINCH, SIGTSTP, SIGCONT] {
            #expect(!SignalRelay.isRelaying(signal), "signal \(signal) still relayed")
        }
        #expect(!TerminalGuard.isHolding)
    }

    @Test func onlyOneConsoleHoldsTheSignals() throws {
        let first = try PseudoTerminal()
        let second = try PseudoTerminal()
        let before = try second.attributes()
        let console = try open(first)
        defer { console.close() }
        #expect(throws: TerminalConsole.SetupError.signalsAlreadyHandled) { try open(second) }
        // The refused console left its terminal as it was.
        #expect(try second.attributes() == before)
    }

    // MARK: - Window size

    @Test func sigwinchDeliversTheNewWidth() throws {
        let terminal = try PseudoTerminal(columns: 80)
        let console = try open(terminal)
        defer { console.close() }
        try #require(SignalRelay.isRelaying(SIGWINCH))
        try terminal.resize(columns: 103)
        signalProcess(SIGWINCH)
        #expect(console.nextInput(waitingAtMost: Self.limit) == .resize(width: 103))
        #expect(console.capabilities.width == 103)
        // Two resizes before the runner looks are one redraw, at the last width.
        try terminal.resize(columns: 90)
        signalProcess(SIGWINCH)
        try terminal.resize(columns: 700)
        signalProcess(SIGWINCH)
        usleep(200_000)
        #expect(console.nextInput(waitingAtMost: Self.limit) == .resize(width: 500))
        #expect(console.nextInput(waitingAtMost: .milliseconds(200)) == nil)
    }

    @Test func aSignalEndsABlockedWait() throws {
        let terminal = try PseudoTerminal(columns: 80)
        let console = try open(terminal)
        defer { console.close() }
        try #require(SignalRelay.isRelaying(SIGWINCH))
        try terminal.resize(columns: 61)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(200)) { kill(getpid(), SIGWINCH) }
        #expect(console.nextInput(waitingAtMost: Self.limit) == .resize(width: 61))
    }

    // MARK: - Stopping and continuing

    @Test func ctrlZStopsTheJobAndOneRedrawFollows() throws {
        let terminal = try PseudoTerminal(columns: 64)
        let before = try terminal.attributes()
        nonisolated(unsafe) var whileStopped: PseudoTerminal.Attributes?
        // The stand-in does what the shell's `fg` does after the stop: SIGCONT.
        let console = try open(terminal) {
            whileStopped = try? terminal.attributes()
            kill(getpid(), SIGCONT)
        }
        defer { console.close() }
        try #require(SignalRelay.isRelaying(SIGCONT))
        try terminal.send(bytes: [0x1A])
        #expect(console.nextInput(waitingAtMost: Self.limit) == .resize(width: 64))
        #expect(whileStopped == before)
        #expect(try !terminal.attributes().isCanonical)
        #expect(console.nextInput(waitingAtMost: .milliseconds(200)) == nil, "the SIGCONT must not cause a second redraw")
    }

    @Test func sigtstpFromOutsideSuspendsLikeCtrlZ() throws {
        let terminal = try PseudoTerminal(columns: 70)
        nonisolated(unsafe) var stops = 0
        let console = try open(terminal) { stops += 1 }
        defer { console.close() }
        try #require(SignalRelay.isRelaying(SIGTSTP))
        signalProcess(SIGTSTP)
        #expect(console.nextInput(waitingAtMost: Self.limit) == .resize(width: 70))
        #expect(stops == 1)
    }

    @Test func sigcontAfterAnOutsideStopTakesRawModeBack() throws {
        let terminal = try PseudoTerminal(columns: 66)
        let console = try open(terminal)
        defer { console.close() }
        try #require(SignalRelay.isRelaying(SIGCONT))
        // As if the shell had reset the terminal while the job was stopped by SIGSTOP.
        var settings = termios()
        tcgetattr(terminal.terminal, &settings)
        settings.c_lflag |= tcflag_t(ICANON | ECHO)
        tcsetattr(terminal.terminal, TCSANOW, &settings)
        signalProcess(SIGCONT)
        #expect(console.nextInput(waitingAtMost: Self.limit) == .resize(width: 66))
        #expect(try !terminal.attributes().isCanonical)
    }

    // MARK: - Guards

    @Test func theExitAndCrashGuardRestoresTheHeldTerminal() throws {
        let terminal = try PseudoTerminal()
        let before = try terminal.attributes()
        let console = try open(terminal)
        defer { console.close() }
        // What the atexit hook and the crash handlers call.
        TerminalGuard.restoreFromSignalHandler()
        #expect(try terminal.attributes() == before)
    }

    // MARK: - Plain mode

    @Test func plainModeInterruptsABlockedReadOnSigint() throws {
        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        defer { ends.forEach { close($0) } }
        let console = PlainConsole(input: ends[0], output: ends[1], environment: [:], handlesSignals: true)
        defer { console.close() }
        try #require(SignalRelay.isRelaying(SIGINT))
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(200)) { kill(getpid(), SIGINT) }
        #expect(console.nextInput(waitingAtMost: Self.limit) == .interrupt)
        #expect(console.nextInput(waitingAtMost: Self.limit) == .endOfInput)
    }

    @Test func theFactoryGivesAPlainConsoleWhenNotInteractive() throws {
        let environment = ConsoleEnvironment(variables: ["TERM": "xterm"], inputIsTerminal: false, outputIsTerminal: true, terminalColumns: 99)
        let console = makeRunConsole(plain: false, environment: environment)
        defer { console.close() }
        #expect(console is PlainConsole)
        #expect(console.capabilities == .plain(width: 99))
        #expect(SignalRelay.isRelaying(SIGTERM))
        console.close()
        #expect(!SignalRelay.isRelaying(SIGTERM))
    }
}
