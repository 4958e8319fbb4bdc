#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import WegwijsCommandLine
import WegwijsCore
import WegwijsTestSupport

/// The interactive console on a pseudo-terminal, in this process, without the process's signal handlers
/// (those are tested one at a time in `TerminalSignalTests`).
@Suite struct TerminalConsoleTests {
    /// Every wait for input is limited, so a key that never arrives fails the test instead of hanging it.
    static let limit: Duration = .seconds(5)

    func open(_ terminal: PseudoTerminal, stopJob: (() -> Void)? = nil) throws -> TerminalConsole {
        try TerminalConsole(
            input: terminal.terminal, output: terminal.terminal, capabilities: .plain(width: 80), environment: [:],
            handlesSignals: false, stopJob: stopJob ?? { Issue.record("the job was stopped") })
    }

    func inputs(_ console: TerminalConsole, count: Int) -> [RunInput?] {
        (0..<count).map { _ in console.nextInput(waitingAtMost: Self.limit) }
    }

    // MARK: - Raw mode

    @Test func rawModeIsEnteredAndRestoredOnClose() throws {
        let terminal = try PseudoTerminal()
        let before = try terminal.attributes()
        #expect(before.isCanonical && before.echoes && before.sendsSignals)
        let console = try open(terminal)
        let raw = try terminal.attributes()
        #expect(!raw.isCanonical)
        #expect(!raw.echoes)
        #expect(!raw.sendsSignals)
        #expect(raw.processesOutput, "OPOST must stay on so that \\n starts a new line")
        #expect(console.capabilities.isInteractive)
        console.close()
        #expect(try terminal.attributes() == before)
        // Closing twice changes nothing; reading after closing ends at once.
        console.close()
        #expect(try terminal.attributes() == before)
        #expect(console.nextInput(waitingAtMost: Self.limit) == .endOfInput)
    }

    @Test func releasingTheConsoleRestoresTheTerminal() throws {
        let terminal = try PseudoTerminal()
        let before = try terminal.attributes()
        do {
            let console = try open(terminal)
            #expect(console.capabilities.isInteractive)
            #expect(try !terminal.attributes().isCanonical)
        }
        #expect(try terminal.attributes() == before)
    }

    @Test func aNonTerminalIsRefused() throws {
        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        defer { ends.forEach { close($0) } }
        #expect(throws: TerminalConsole.SetupError.notATerminal(errno: ENOTTY)) {
            try TerminalConsole(input: ends[0], output: ends[1], capabilities: .plain(), environment: [:], handlesSignals: false)
        }
    }

    // MARK: - Keys

    @Test func keysArriveDecoded() throws {
        let terminal = try PseudoTerminal()
        let console = try open(terminal)
        defer { console.close() }
        try terminal.send("q\r \u{1B}[Dé")
        try terminal.send(bytes: [0x7F, 0xFF, 0x0A])
        #expect(
            inputs(console, count: 7) == [
                .key(.character("q")), .key(.enter), .key(.space), .key(.left), .key(.character("é")), .key(.backspace), .key(.enter),
            ])
    }

    @Test func aLoneEscapeIsTheEscapeKeyAfterAMoment() throws {
        let terminal = try PseudoTerminal()
        let console = try open(terminal)
        defer { console.close() }
        try terminal.send(bytes: [0x1B])
        #expect(console.nextInput(waitingAtMost: Self.limit) == .key(.escape))
        try terminal.send("\u{1B}[B")
        #expect(console.nextInput(waitingAtMost: Self.limit) == .key(.down))
    }

    @Test func waitingIsTimeLimitedForTests() throws {
        let terminal = try PseudoTerminal()
        let console = try open(terminal)
        defer { console.close() }
        let clock = ContinuousClock()
        let start = clock.now
        #expect(console.nextInput(waitingAtMost: .milliseconds(100)) == nil)
        #expect(clock.now - start < .seconds(3))
    }

    @Test func keysTypedWhileDrawingAreDiscarded() throws {
        let terminal = try PseudoTerminal()
        let console = try open(terminal)
        defer { console.close() }
        try terminal.send("sss\u{1B}[")
        try #require(terminal.waitUntilTerminalHasInput())
        // Let a read take part of it, so both the terminal's queue and the console's are tested.
        usleep(50_000)
        console.discardPendingInput()
        try terminal.send("n")
        #expect(console.nextInput(waitingAtMost: Self.limit) == .key(.character("n")))
    }

    @Test func ctrlDIsEndOfInputAndTheConsoleStaysRaw() throws {
        let terminal = try PseudoTerminal()
        let console = try open(terminal)
        defer { console.close() }
        try terminal.send(bytes: [0x04])
        #expect(console.nextInput(waitingAtMost: Self.limit) == .endOfInput)
        #expect(try !terminal.attributes().isCanonical)
    }

    @Test func aHangUpIsEndOfInputNotABusyLoop() throws {
        let terminal = try PseudoTerminal()
        let console = try open(terminal)
        defer { console.close() }
        terminal.hangUp()
        #expect(console.nextInput(waitingAtMost: Self.limit) == .endOfInput)
        // Asked again, it answers at once rather than polling a dead terminal.
        let clock = ContinuousClock()
        let start = clock.now
        #expect(console.nextInput(waitingAtMost: Self.limit) == .endOfInput)
        #expect(clock.now - start < .seconds(1))
    }

    // MARK: - Ctrl-C and Ctrl-Z

    @Test func ctrlCRestoresTheTerminalThenInterrupts() throws {
        let terminal = try PseudoTerminal()
        let before = try terminal.attributes()
        let console = try open(terminal)
        defer { console.close() }
        try terminal.send("q")
        #expect(console.nextInput(waitingAtMost: Self.limit) == .key(.character("q")))
        // Keys typed before Ctrl-C in the same burst are dropped: Ctrl-C means stop now.
        try terminal.send(bytes: [0x73, 0x03, 0x72])
        #expect(console.nextInput(waitingAtMost: Self.limit) == .interrupt)
        #expect(try terminal.attributes() == before)
        // The run is over: keys after Ctrl-C are not read.
        #expect(console.nextInput(waitingAtMost: Self.limit) == .endOfInput)
    }

    @Test func ctrlZRestoresStopsAndOnContinuingAsksForARedraw() throws {
        let terminal = try PseudoTerminal(columns: 72)
        let before = try terminal.attributes()
        nonisolated(unsafe) var whileStopped: PseudoTerminal.Attributes?
        let console = try open(terminal, stopJob: { whileStopped = try? terminal.attributes() })
        defer { console.close() }
        try terminal.send(bytes: [0x1A])
        #expect(console.nextInput(waitingAtMost: Self.limit) == .resize(width: 72))
        #expect(whileStopped == before, "the shell must get its terminal back while the job is stopped")
        #expect(try !terminal.attributes().isCanonical, "raw mode again after fg")
        try terminal.send("b")
        #expect(console.nextInput(waitingAtMost: Self.limit) == .key(.character("b")))
    }

    // MARK: - Output

    @Test func outputKeepsItsLineBreaks() throws {
        let terminal = try PseudoTerminal()
        let console = try open(terminal)
        defer { console.close() }
        console.write("Step 1 of 3\nDone ✓ — 😀")
        let screen = try terminal.readOutput(until: "😀")
        #expect(screen == "Step 1 of 3\r\nDone ✓ — 😀")
    }

    @Test func copyingWritesOSC52WithoutADesktopWhereTheTerminalTakesIt() throws {
        let terminal = try PseudoTerminal()
        let console = try TerminalConsole(
            input: terminal.terminal, output: terminal.terminal, capabilities: .plain(width: 80),
            environment: ["TERM_PROGRAM": "WezTerm"], handlesSignals: false, stopJob: { Issue.record("the job was stopped") })
        defer { console.close() }
        #expect(console.copyToClipboard("héllo") == "OSC 52")
        try terminal.readOutput(until: "\u{07}")
        #expect(terminal.output == "\u{1B}]52;c;aMOpbGxv\u{07}")
    }

    @Test func withoutADesktopOrATerminalKnownToTakeOSC52NothingIsSaidToBeCopied() throws {
        let terminal = try PseudoTerminal()
        let console = try open(terminal)
        defer { console.close() }
        #expect(console.copyToClipboard("héllo") == nil)
        #expect(terminal.readOutput(for: .milliseconds(200)).isEmpty, "no OSC 52 written into the void")
    }
}
