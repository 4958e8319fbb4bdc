#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import WegwijsTestSupport

/// The pseudo-terminal harness itself, against small system programs, so that the end-to-end tests of
/// `wegwijs run` can trust it: it sees what a child prints, types into it, resizes its window, notices
/// a terminal left in raw mode, and never waits for a hung child.
@Suite struct PseudoTerminalTests {
    static let shell = URL(fileURLWithPath: "/bin/sh")

    @Test func aChildSeesTheWindowAndItsResize() throws {
        let terminal = try PseudoTerminal(columns: 77, rows: 21)
        try terminal.launch(Self.shell, arguments: ["-c", "stty size; read answer; echo \"got $answer\"; stty size"])
        try terminal.readOutput(until: "21 77")
        try terminal.resize(columns: 101, rows: 33)
        try terminal.send("yes\n")
        try terminal.readOutput(until: "33 101")
        #expect(terminal.output.contains("got yes"))
        #expect(terminal.waitForExit() == 0)
    }

    @Test func aTerminalLeftInRawModeIsNoticed() throws {
        let terminal = try PseudoTerminal()
        let before = try terminal.attributes()
        try terminal.launch(Self.shell, arguments: ["-c", "stty raw -echo"])
        #expect(terminal.waitForExit() == 0)
        let after = try terminal.attributes()
        #expect(after != before)
        #expect(!after.isCanonical && !after.echoes)
    }

    @Test func aHungChildIsKilledWhenItsTimeIsUp() throws {
        let terminal = try PseudoTerminal()
        try terminal.launch(URL(fileURLWithPath: "/bin/sleep"), arguments: ["30"])
        let clock = ContinuousClock()
        let start = clock.now
        #expect(terminal.waitForExit(timeout: .milliseconds(300)) == nil)
        #expect(clock.now - start < .seconds(5))
        #expect(!terminal.isChildRunning)
    }

    @Test func aSignalledChildReportsTheSignal() throws {
        let terminal = try PseudoTerminal()
        try terminal.launch(URL(fileURLWithPath: "/bin/sleep"), arguments: ["30"])
        terminal.signalChild(SIGTERM)
        #expect(terminal.waitForExit() == 128 + SIGTERM)
    }

    @Test func theChildHasTheTerminalAsItsOwn() throws {
        let terminal = try PseudoTerminal()
        // The kernel signals the child itself on a resize and on a hang-up.
        try terminal.launch(Self.shell, arguments: ["-c", "trap 'echo resized' WINCH; echo ready; while :; do sleep 0.05; done"])
        try terminal.readOutput(until: "ready")
        try terminal.resize(columns: 90)
        try terminal.readOutput(until: "resized")
        terminal.hangUp()
        #expect(terminal.waitForExit() == 128 + SIGHUP)
    }

    @Test func typedCtrlCInCookedModeInterruptsTheChild() throws {
        let terminal = try PseudoTerminal()
        try terminal.launch(URL(fileURLWithPath: "/bin/sleep"), arguments: ["30"])
        usleep(100_000)
        try terminal.send(bytes: [0x03])
        #expect(terminal.waitForExit() == 128 + SIGINT)
    }

    @Test func waitingForOutputThatNeverComesTimesOut() throws {
        let terminal = try PseudoTerminal()
        #expect(throws: PseudoTerminal.Timeout.self) { try terminal.readOutput(until: "never", timeout: .milliseconds(200)) }
    }
}
