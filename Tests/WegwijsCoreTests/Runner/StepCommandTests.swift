import Foundation
import Testing
import WegwijsCore
import WegwijsTerminal
import WegwijsTestSupport

/// Issue 13, gradual automation: a step's `command:` runs only when the admin asks for it and confirms,
/// its output is made safe, its exit status is said and recorded, and a failed command is a "no".
@Suite struct StepCommandTests {
    let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_800_000_000) }

    /// A procedure whose first step's command is `command` (single-quoted YAML: no escapes).
    static func files(command: String) -> [String: String] {
        [
            "procedures/portal/restart.yaml": """
                title: {en: Restart the service, nl: Herstart de dienst}
                steps:
                  - id: make
                    title: {en: Make the marker, nl: Maak de markering}
                    command: '\(command.replacingOccurrences(of: "'", with: "''"))'
                    result: {en: The marker is there., nl: De markering is er.}
                  - id: end
                    title: {en: Check the service, nl: Controleer de dienst}

                """
        ]
    }

    final class Setup {
        let fixture: ContentFixture
        let session: ContentSession
        let store: RunStateStore
        /// A file the commands create: its existence says whether a command ran.
        let marker: URL

        init(command: (_ marker: String) -> String = { "touch '\($0)'" }) throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-command-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            marker = folder.appendingPathComponent("MARKER")
            fixture = try ContentFixture(StepCommandTests.files(command: command(marker.path)))
            session = try #require(fixture.open().session)
            store = RunStateStore(folder: fixture.root.appendingPathComponent("state"))
        }

        var markerExists: Bool { FileManager.default.fileExists(atPath: marker.path) }

        func driver(
            _ console: ScriptedConsole, allowsCommands: Bool, language: String = "en", json: URL? = nil,
            record: URL? = nil, clock: @escaping @Sendable () -> Date
        ) -> RunDriver {
            RunDriver(
                session: session, plan: RunPlan(procedure: session.site.procedure("restart")!, site: session.site),
                console: console, store: store,
                options: .init(
                    language: language, presets: [:], restart: true, recordFile: record, jsonRecordFile: json, user: "tester",
                    allowsCommands: allowsCommands),
                clock: clock)
        }
    }

    // MARK: - Never without the admin

    @Test func theCommandIsNeverRunWithoutTheKeyAndItsConfirmation() throws {
        let setup = try Setup()
        // Walked by hand: Enter, yes, Enter. The command is shown, never run.
        let console = ScriptedConsole(lines: ["", "y", ""], width: 200)
        let outcome = setup.driver(console, allowsCommands: true, clock: clock).start()
        #expect(outcome == .finished)
        #expect(!setup.markerExists, "a command runs only when asked for")
        #expect(console.transcript.contains("$ touch '\(setup.marker.path)'"), "the command is shown in full")
        #expect(console.flat.contains("x = run the command"))

        // Asked for, but not confirmed: not run either.
        let declined = ScriptedConsole(lines: ["x", "n", "q"], width: 200)
        _ = setup.driver(declined, allowsCommands: true, clock: clock).start()
        #expect(!setup.markerExists)
        #expect(declined.transcript.contains("Run this command now?"))
        #expect(declined.transcript.contains("Not run."))
        let events = RunLog(url: setup.store.logURL("restart")).lastRun()
        #expect(!events.contains { $0.kind == .command })
    }

    @Test func plainModeWithoutAllowCommandsRefusesAndSaysToTypeIt() throws {
        let setup = try Setup()
        let console = ScriptedConsole(lines: ["x", "y", "q"], width: 200)
        _ = setup.driver(console, allowsCommands: false, clock: clock).start()
        #expect(!setup.markerExists, "x and y do not run it without --allow-commands")
        #expect(console.flat.contains("type it yourself: plain mode runs commands only with --allow-commands"))
        #expect(!console.flat.contains("x = run the command"), "the key is not hinted where it does nothing")
        #expect(console.flat.contains("That does nothing here."))
        #expect(!console.transcript.contains("Run this command now?"))

        // c copies it, to paste into a shell.
        let copying = ScriptedConsole(lines: ["c", "q"], width: 200)
        _ = setup.driver(copying, allowsCommands: false, clock: clock).start()
        #expect(copying.copied == ["touch '\(setup.marker.path)'"])
        #expect(!setup.markerExists)
    }

    @Test func withAllowCommandsItRunsAfterConfirmationAndRecordsTheExitStatus() throws {
        let setup = try Setup { "touch '\($0)' && echo made it" }
        let json = setup.fixture.root.appendingPathComponent("run.json")
        let markdown = setup.fixture.root.appendingPathComponent("run.md")
        let console = ScriptedConsole(lines: ["x", "y", "", "y", ""], width: 200)
        let outcome = setup.driver(console, allowsCommands: true, json: json, record: markdown, clock: clock).start()
        #expect(setup.markerExists, "confirmed, it ran")
        #expect(outcome == .finished)
        #expect(console.transcript.contains("  | made it\n"), "the output is shown")
        #expect(console.transcript.contains("The command worked (exit status 0)."))

        let events = RunLog(url: setup.store.logURL("restart")).lastRun()
        let ran = try #require(events.first { $0.kind == .command })
        #expect(ran.exitStatus == 0 && ran.name == "exited" && ran.output == "made it" && ran.step == "make")

        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let record = try decoder.decode(RunRecord.self, from: Data(contentsOf: json))
        let commands = try #require(record.steps.first?.commands)
        #expect(commands.map(\.exitStatus) == [0])
        #expect(commands.first?.output == "made it")
        #expect(record.steps.last?.commands == nil)
        let report = try String(contentsOf: markdown, encoding: .utf8)
        #expect(report.contains("exit status 0"))
        #expect(report.contains("## Commands"))
    }

    @Test func aFailedCommandIsANoAndTheRunEndsWithAProblem() throws {
        let setup = try Setup { _ in "echo oops >&2; exit 3" }
        let json = setup.fixture.root.appendingPathComponent("run.json")
        let console = ScriptedConsole(lines: ["x", "y", "n", "the service did not restart", ""], width: 200)
        let outcome = setup.driver(console, allowsCommands: true, json: json, clock: clock).start()
        #expect(console.transcript.contains("  | oops\n"), "errors are shown too")
        #expect(console.transcript.contains("The command failed (exit status 3): that counts as “no”."))
        #expect(console.transcript.contains("What now?"), "straight to what to do about a no")
        #expect(outcome == .endedWithProblem)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let record = try decoder.decode(RunRecord.self, from: Data(contentsOf: json))
        #expect(record.steps[0].answers == ["no"])
        #expect(record.steps[0].sawResult == false)
        #expect(record.steps[0].commands?.map(\.exitStatus) == [3])
        #expect(record.outcome == "ended-with-problem")
    }

    @Test func dutchWordsAndAnswers() throws {
        let setup = try Setup()
        let console = ScriptedConsole(lines: ["x", "j", "q"], width: 200)
        _ = setup.driver(console, allowsCommands: true, language: "nl", clock: clock).start()
        #expect(setup.markerExists, "j confirms in Dutch")
        #expect(console.flat.contains("x = opdracht uitvoeren"))
        #expect(console.transcript.contains("Deze opdracht nu uitvoeren?"))
        #expect(console.transcript.contains("De opdracht is gelukt (afsluitstatus 0)."))
    }

    @Test func outputWithEscapeAndControlBytesIsMadeSafe() throws {
        let setup = try Setup { _ in #"printf 'a\033[31mred\007\033]52;c;aGk=\007 \302\233x\r\n'"# }
        let console = ScriptedConsole(lines: ["x", "y", "q"], width: 200)
        _ = setup.driver(console, allowsCommands: true, clock: clock).start()
        #expect(!console.transcript.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        #expect(console.transcript.contains("  | a\u{FFFD}[31mred\u{FFFD}\u{FFFD}]52;c;aGk=\u{FFFD} \u{FFFD}x\n"))
        let events = RunLog(url: setup.store.logURL("restart")).lastRun()
        #expect(events.first { $0.kind == .command }?.output?.unicodeScalars.contains { $0.value == 0x1B } == false)
    }

    @Test func ctrlCStopsTheCommandAndTheRunIsSaved() throws {
        let setup = try Setup { "sleep 30; touch '\($0)'" }
        let console = ScriptedConsole(lines: ["x", "y"], width: 200)
        console.interruptsCommandAfter = 2
        let outcome = setup.driver(console, allowsCommands: true, clock: clock).start()
        #expect(outcome == .interrupted)
        #expect(console.transcript.contains("The command was stopped."))
        #expect(!setup.markerExists, "the command did not go on after Ctrl-C")
        let events = RunLog(url: setup.store.logURL("restart")).lastRun()
        #expect(events.first { $0.kind == .command }?.name == "stopped")
        #expect(events.contains { $0.kind == .interruption })
        guard case .state(let state) = setup.store.load("restart") else {
            Issue.record("the run was not saved")
            return
        }
        #expect(state.currentStepKey == "make")
    }

    // MARK: - Running

    @Test func stepCommandReportsStatusSignalAndKeepsTheLastLines() {
        var lines: [String] = []
        let outcome = StepCommand.run("seq 1 50; exit 7", output: { lines.append($0) }, stopRequested: { _ in false })
        #expect(outcome.ending == .exited(7))
        #expect(!outcome.ending.succeeded)
        #expect(lines == (1...50).map(String.init), "every line, in order, as it came")
        #expect(outcome.output.split(separator: "\n").count == StepCommand.keptLines)
        #expect(outcome.output.hasSuffix("49\n50"))

        let killed = StepCommand.run("kill -9 $$", output: { _ in }, stopRequested: { _ in false })
        #expect(killed.ending == .signalled(9))

        let unfinished = StepCommand.run("printf 'no line end'", output: { lines.append($0) }, stopRequested: { _ in false })
        #expect(unfinished.ending.succeeded && lines.last == "no line end")

        let refused = StepCommand.run("echo a\necho b", output: { _ in }, stopRequested: { _ in false })
        #expect(refused.ending == .notStarted("the command line contains control characters"))
    }

    @Test func somethingLeftRunningInTheBackgroundDoesNotKeepTheRunnerWaiting() throws {
        // The background loop holds the pipe open and writes on after the command has ended (for 5 s at most).
        var lines: [String] = []
        let outcome = StepCommand.run(
            "(i=0; while [ $i -lt 500 ]; do echo more; sleep 0.01; i=$((i+1)); done) & echo \"pid $!\"",
            output: { lines.append($0) }, stopRequested: { _ in false })
        #expect(outcome.ending == .exited(0))
        let pid = try #require(lines.first { $0.hasPrefix("pid ") }.flatMap { Int32($0.dropFirst(4)) })
        #expect(lines.count < 500, "the runner went on before the loop ended")
        // The loop is this test's to end, by its id.
        kill(pid, SIGTERM)
    }

    @Test func theCommandReadsNothingFromTheRunnersInput() {
        // Standard input is /dev/null: `cat` ends at once instead of eating a script's answers.
        let outcome = StepCommand.run("cat; echo done", output: { _ in }, stopRequested: { _ in false })
        #expect(outcome.ending == .exited(0))
        #expect(outcome.output == "done")
    }

    // MARK: - Content

    @Test func commandDiagnosticsHaveLineAndColumn() throws {
        let yaml = """
            title: {en: T, nl: T}
            steps:
              - title: {en: Empty, nl: Leeg}
                command: '   '
              - title: {en: Two lines, nl: Twee regels}
                command: |
                  systemctl stop app
                  systemctl start app
              - title: {en: Escape, nl: Escape}
                command: "echo \\e[2J"
              - title: {en: Per language, nl: Per taal}
                command: {en: ls, nl: ls}
              - title: {en: List, nl: Lijst}
                command: [ls]
              - title: {en: Fine, nl: Goed}
                command: systemctl restart app

            """
        let fixture = try ContentFixture(["procedures/portal/t.yaml": yaml])
        #expect(fixture.diagnosticLines() == [
            "procedures/portal/t.yaml:4:14: error: 'command' is empty: write the command line, or leave 'command' out",
            "procedures/portal/t.yaml:6:14: error: 'command' contains a line break: a command is one line without control characters",
            "procedures/portal/t.yaml:10:14: error: 'command' contains the control character U+001B: a command is one line without control characters",
            "procedures/portal/t.yaml:12:14: error: 'command' must be one command line for every language, not a mapping",
            "procedures/portal/t.yaml:14:14: error: 'command' must be a string, not a list",
        ])
    }

    @Test func aValidCommandIsInTheModelAndTheFingerprint() throws {
        let fixture = try ContentFixture(Self.files(command: "systemctl restart app"))
        let site = try #require(fixture.open().session?.site)
        let procedure = try #require(site.procedure("restart"))
        let step = try #require(procedure.step("make")?.step)
        #expect(step.command?.value == "systemctl restart app")
        #expect(step.command?.location.line == 5)
        let other = try ContentFixture(Self.files(command: "systemctl restart other"))
        let otherSite = try #require(other.open().session?.site)
        #expect(
            RunPlan(procedure: procedure, site: site).fingerprint
                != RunPlan(procedure: otherSite.procedure("restart")!, site: otherSite).fingerprint,
            "a changed command is a changed procedure for a saved run")
    }
}
