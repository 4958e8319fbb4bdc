import Foundation
import Testing
import WegwijsTestSupport

/// `wegwijs run` and a step's `command:` end to end: through a pipe in plain mode (`--allow-commands`),
/// and in a pseudo-terminal (x, a confirmation, Ctrl-C during the command); the pager at 12 rows.
@Suite(.serialized) struct RunCommandLineCommandTests {
    /// Content whose first step's command makes `marker` and prints a line with an escape sequence.
    static func fixture(marker: URL, command: String? = nil) throws -> ContentFixture {
        let line = command ?? "touch '\(marker.path)' && printf 'made \\033[2Jit\\n'"
        return try ContentFixture([
            "procedures/portal/restart.yaml": """
                title: {en: Restart the service, nl: Herstart de dienst}
                steps:
                  - id: make
                    title: {en: Make the marker, nl: Maak de markering}
                    text:
                      en: "\((1...12).map { "Line \($0)." }.joined(separator: "\\n\\n"))"
                      nl: "\((1...12).map { "Regel \($0)." }.joined(separator: "\\n\\n"))"
                    command: '\(line.replacingOccurrences(of: "'", with: "''"))'
                  - id: end
                    title: {en: Check the service, nl: Controleer de dienst}

                """
        ])
    }

    static func environment(_ state: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = state.path
        environment["SWIFT_BACKTRACE"] = "enable=no"
        environment["LANG"] = "C"
        environment["TERM"] = "xterm-256color"
        environment.removeValue(forKey: "LC_ALL")
        return environment
    }

    @Test func plainModeThroughAPipeRunsOnlyWithAllowCommandsAndAConfirmationLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let marker = folder.appendingPathComponent("MARKER")
        let fixture = try Self.fixture(marker: marker)
        let sources = ["--content", fixture.content.path, "--templates", fixture.templates.path]

        // Without --allow-commands: x does nothing, the command is not run, the admin is told to type it.
        let refused = try CommandRunner.run(
            ["run", "restart", "--plain"] + sources, in: folder, environment: ["XDG_STATE_HOME": folder.path, "LANG": "C"],
            input: "x\ny\nq\n")
        #expect(refused.status == 3, "\(refused.standardOutput)\n\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: marker.path))
        #expect(refused.standardOutput.contains("type it yourself: plain mode runs commands only with"))

        // With it: x, then the confirmation line, then it runs; its exit status is in the JSON report.
        let json = folder.appendingPathComponent("run.json")
        let result = try CommandRunner.run(
            ["run", "restart", "--plain", "--allow-commands", "--restart", "--report-json", json.path] + sources, in: folder,
            environment: ["XDG_STATE_HOME": folder.path, "LANG": "C"], input: "x\ny\n\n\n")
        #expect(result.status == 0, "\(result.standardOutput)\n\(result.standardError)")
        #expect(FileManager.default.fileExists(atPath: marker.path))
        #expect(result.standardOutput.contains("Run this command now?"))
        #expect(result.standardOutput.contains("  | made \u{FFFD}[2Jit\n"), "the output, made safe")
        #expect(!result.standardOutput.contains("\u{1B}"), "not one escape byte in plain mode")
        #expect(result.standardOutput.contains("The command worked (exit status 0)."))
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any]
        let steps = try #require(record?["steps"] as? [[String: Any]])
        let commands = try #require(steps.first?["commands"] as? [[String: Any]])
        #expect(commands.first?["exitStatus"] as? Int == 0)
        #expect(commands.first?["ending"] as? String == "exited")
    }

    @Test func inATerminalXAndAConfirmationRunItAndCtrlCStopsItAndRestoresTheTerminal() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let marker = folder.appendingPathComponent("MARKER")
        let fixture = try Self.fixture(marker: marker, command: "echo started; sleep 30; touch '\(marker.path)'")
        let terminal = try PseudoTerminal(columns: 100, rows: 40)
        let before = try terminal.attributes()
        try terminal.launch(
            CommandRunner.executable,
            arguments: ["run", "restart", "--lang", "en", "--content", fixture.content.path, "--templates", fixture.templates.path],
            environment: Self.environment(folder), in: folder)
        _ = try terminal.readOutput { RunCommandTests.isDrawn($0, after: "Make the marker") }
        try terminal.send("x")
        _ = try terminal.readOutput(until: "anything else = do not run it.")
        // Keys typed before the question was drawn are dropped: wait for it, then answer.
        _ = terminal.readOutput(for: .milliseconds(200))
        try terminal.send("y")
        _ = try terminal.readOutput(until: "| started")
        try terminal.send(bytes: [0x03])
        #expect(terminal.waitForExit(timeout: .seconds(10)) == 130)
        #expect(terminal.output.contains("The command was stopped."))
        #expect(try terminal.attributes() == before, "the terminal settings are restored")
        #expect(!FileManager.default.fileExists(atPath: marker.path), "the command did not go on")
    }

    @Test func aTwelveRowTerminalPagesTheStepWithSpace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = try Self.fixture(marker: folder.appendingPathComponent("MARKER"))
        let terminal = try PseudoTerminal(columns: 80, rows: 12)
        try terminal.launch(
            CommandRunner.executable,
            arguments: ["run", "restart", "--lang", "nl", "--content", fixture.content.path, "--templates", fixture.templates.path],
            environment: Self.environment(folder), in: folder)
        let first = try terminal.readOutput(until: "stoppen")
        #expect(first.contains("[Spatie] meer"))
        #expect(!first.contains("Regel 12."), "what does not fit waits")
        var seen = first
        var pages = 0
        while !seen.contains("Regel 12."), pages < 10 {
            terminal.clearOutput()
            try terminal.send(" ")
            // Each page ends with its key hints; the next Space is sent once they are there.
            seen += try terminal.readOutput(until: "stoppen")
            pages += 1
        }
        #expect(seen.contains("Regel 12."))
        #expect(pages >= 2, "twelve paragraphs do not fit 12 rows twice over")
        #expect(seen.contains("$ touch"), "the command, below the text, was shown too")
        try terminal.send("q")
        #expect(terminal.waitForExit(timeout: .seconds(10)) == 3)
    }
}
