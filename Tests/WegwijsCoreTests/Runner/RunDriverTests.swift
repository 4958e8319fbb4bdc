import Foundation
import Testing
import WegwijsCore
import WegwijsTerminal
import WegwijsTestSupport

/// The runner driven through a scripted console: whole runs, transcripts at a fixed width, resuming, reports.
@Suite struct RunDriverTests {
    let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_800_000_000) }

    final class Setup {
        let fixture: ContentFixture
        let session: ContentSession
        let store: RunStateStore

        init() throws {
            fixture = try ContentFixture(RunSessionTests.files.merging([
                "glossary.yaml": "save: {en: Save, nl: Opslaan}\n"
            ]) { $1 })
            session = try #require(fixture.open().session)
            store = RunStateStore(folder: fixture.root.appendingPathComponent("state"))
        }

        func driver(_ console: ScriptedConsole, id: String = "add-users", language: String = "en", presets: [String: String] = [:],
                    restart: Bool = false, record: URL? = nil, clock: @escaping @Sendable () -> Date) -> RunDriver {
            let plan = RunPlan(procedure: session.site.procedure(id)!, site: session.site)
            return RunDriver(
                session: session, plan: plan, console: console, store: store,
                options: .init(language: language, presets: presets, restart: restart, recordFile: record, user: "tester"),
                clock: clock)
        }
    }

    @Test func plainRunWalksTheWholeProcedure() throws {
        let setup = try Setup()
        let console = ScriptedConsole(lines: ["y", "y", "12", "123", "a@b.nl", "", "", "", "y", ""])
        let outcome = setup.driver(console, clock: clock).start()
        #expect(outcome == .finished)
        #expect(!console.transcript.contains("\u{1B}"))
        #expect(console.transcript.contains("Step 3 of 3"))
        #expect(console.transcript.contains("'12' does not have the form expected for Account."))
        #expect(console.transcript.contains("4 of 4 steps done, 0 skipped"))
        if let mismatch = Snapshot.mismatch(console.transcript, named: "runner/plain-run-en.txt", target: "WegwijsCoreTests") {
            Issue.record(Comment(rawValue: mismatch))
        }
        #expect(setup.store.load("add-users") == .none, "a finished run leaves no state to resume")
    }

    @Test func dutchThroughout() throws {
        let setup = try Setup()
        let console = ScriptedConsole(lines: ["j", "j", "123", "a@b.nl", "q"])
        let outcome = setup.driver(console, language: "nl", clock: clock).start()
        #expect(outcome == .stopped)
        #expect(console.transcript.contains("Stap 1.1 van 3"))
        #expect(console.transcript.contains("Gestopt. Je voortgang is opgeslagen"))
        if let mismatch = Snapshot.mismatch(console.transcript, named: "runner/plain-stop-nl.txt", target: "WegwijsCoreTests") {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    @Test func endOfInputStopsAndSavesAndTheNextRunResumes() throws {
        let setup = try Setup()
        let first = ScriptedConsole(lines: ["y", "y", "123", "a@b.nl", ""])
        #expect(setup.driver(first, clock: clock).start() == .stopped)
        guard case .state(let saved) = setup.store.load("add-users") else {
            Issue.record("no state was saved")
            return
        }
        #expect(saved.currentStepKey == "log-in/sign-in")
        let second = ScriptedConsole(lines: ["", "", "y", ""])
        #expect(setup.driver(second, clock: clock).start() == .finished)
        #expect(second.transcript.contains("Resuming at step 1.2 of 3: Sign in"))
        #expect(!second.transcript.contains("Is this in place?"))
    }

    @Test func restartStartsOver() throws {
        let setup = try Setup()
        #expect(setup.driver(ScriptedConsole(lines: ["y", "y", "123", "x", ""]), clock: clock).start() == .stopped)
        let again = ScriptedConsole(lines: ["q"])
        _ = setup.driver(again, restart: true, clock: clock).start()
        #expect(!again.transcript.contains("Resuming"))
        #expect(again.transcript.contains("Is this in place?"))
    }

    @Test func noToAPrerequisiteSaysWhatToArrange() throws {
        let setup = try Setup()
        let console = ScriptedConsole(lines: ["y", "n"])
        #expect(setup.driver(console, clock: clock).start() == .stopped)
        #expect(console.transcript.contains("Arrange this first, then run the procedure again:"))
        #expect(console.transcript.contains("You are an admin."))
    }

    @Test func interruptSavesAndReportsIt() throws {
        let setup = try Setup()
        let console = ScriptedConsole(capabilities: .plain(), script: [.line("y"), .line("y"), .line("123"), .line("x"), .interrupt])
        #expect(setup.driver(console, clock: clock).start() == .interrupted)
        #expect(console.transcript.contains("Interrupted. Your progress is saved"))
        guard case .state = setup.store.load("add-users") else {
            Issue.record("no state was saved")
            return
        }
    }

    @Test func keysInAnInteractiveConsole() throws {
        let setup = try Setup()
        let keys: [RunInput] = [
            .key(.character("y")), .key(.character("y")),
            .key(.character("1")), .key(.character("2")), .key(.character("3")), .key(.enter),
            .key(.character("a")), .key(.enter),
            .key(.enter), .key(.left), .key(.space), .key(.character("s")), .key(.character("l")),
            .key(.enter), .key(.character("j")), .key(.enter),
        ]
        let console = ScriptedConsole(
            capabilities: ConsoleCapabilities(usesColor: true, supportsHyperlinks: false, isInteractive: true, width: 60),
            script: keys)
        #expect(setup.driver(console, clock: clock).start() == .finished)
        #expect(console.transcript.contains("\u{1B}[1m"))
        #expect(console.transcript.contains("Stap 3 van 3"), "the language switch redraws in Dutch")
        #expect(console.discards > 0)
    }

    @Test func reportIsAnAuditTrail() throws {
        let setup = try Setup()
        let report = setup.fixture.root.appendingPathComponent("report.md")
        let console = ScriptedConsole(lines: ["y", "y", "123", "a@b.nl", "", "s", "", "n", "n", "field is | red", ""])
        #expect(setup.driver(console, record: report, clock: clock).start() == .endedWithProblem, "a result not seen is not 'finished'")
        #expect(!console.transcript.contains("Finished."))
        #expect(console.transcript.contains("Ended with a problem: a result was not seen."))
        let text = try String(contentsOf: report, encoding: .utf8)
        #expect(text.hasPrefix("# Run report: Add users: ended with a problem\n"))
        if let mismatch = Snapshot.mismatch(text, named: "runner/report-en.md", target: "WegwijsCoreTests") {
            Issue.record(Comment(rawValue: mismatch))
        }
        #expect(text.contains("| 1.2 | Sign in | skipped |"))
        #expect(text.contains("no: field is \\| red"))
        #expect(text.contains("tester"))
    }

    @Test func presetInputsAreCheckedAndAskedAgain() throws {
        let setup = try Setup()
        let console = ScriptedConsole(lines: ["y", "y", "456", "q"])
        _ = setup.driver(console, presets: ["account": "wrong", "email": "a@b.nl"], clock: clock).start()
        #expect(console.transcript.contains("The value given with --set, 'wrong', does not have the form expected."))
        #expect(console.transcript.contains("Step 1.1 of 3"))
    }

    @Test func unreadableStateIsSetAsideNotACrash() throws {
        let setup = try Setup()
        try FileManager.default.createDirectory(at: setup.store.folder, withIntermediateDirectories: true)
        try Data("{ broken".utf8).write(to: setup.store.folder.appendingPathComponent("add-users.json"))
        let console = ScriptedConsole(lines: ["q"])
        _ = setup.driver(console, clock: clock).start()
        #expect(console.transcript.replacingOccurrences(of: "\n", with: " ").contains("The saved progress could not be used: it is damaged or incomplete."))
    }

    @Test func eventsAreLoggedAsJSONLines() throws {
        let setup = try Setup()
        _ = setup.driver(ScriptedConsole(lines: ["y", "y", "123", "x", "", "l", "q"]), clock: clock).start()
        let log = try String(contentsOf: setup.store.logURL("add-users"), encoding: .utf8)
        let kinds = try log.split(separator: "\n").map { line -> String in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["kind"] as? String ?? "?"
        }
        #expect(kinds.first == "start")
        #expect(kinds.contains("input"))
        #expect(kinds.contains("step-done"))
        #expect(kinds.contains("language-switch"))
        #expect(kinds.last == "end")
    }
}

@Suite struct RunDriverResizeTests {
    @Test func aResizeRedrawsTheStepAtTheNewWidth() throws {
        let setup = try RunDriverTests.Setup()
        let script: [RunInput] = [.line("y"), .line("y"), .line("123"), .line("x"), .resize(width: 30), .line("q")]
        let console = ScriptedConsole(capabilities: .plain(width: 80), script: script)
        _ = setup.driver(console, clock: { Date(timeIntervalSince1970: 0) }).start()
        #expect(console.transcript.components(separatedBy: "Step 1.1 of 3").count == 3, "the step is drawn again after the resize")
    }
}

/// Long titles on a narrow screen: every line the runner writes fits the width, titles included.
@Suite struct RunDriverNarrowScreenTests {
    static let files: [String: String] = [
        "procedures/portal/long.yaml": """
            title: {en: Give a colleague the authorisation to see every shipment of the account, nl: Geef een collega de autorisatie voor alle zendingen}
            audience: admin
            steps:
              - id: open
                title: {en: Open the screen where the authorisations of every user are listed with their rights, nl: Open het scherm}
                text: {en: 'First do [](ref:other#pick), then click [](term:save).', nl: 'Doe eerst [](ref:other#pick).'}

            """,
        "procedures/portal/other.yaml": """
            title: {en: Choose the account whose shipments the colleague must be able to see, nl: Kies het account}
            steps:
              - id: pick
                title: {en: Pick the account number from the list of every account of the company, nl: Kies}

            """,
        "glossary.yaml": "save: {en: Save the changed authorisations, nl: Opslaan}\n",
    ]

    @Test(arguments: [1, 12, 24])
    func everyLineFitsTheWidthWithColours(width: Int) throws {
        let fixture = try ContentFixture(Self.files)
        let session = try #require(fixture.open().session)
        let plan = RunPlan(procedure: try #require(session.site.procedure("long")), site: session.site)
        let console = ScriptedConsole(
            capabilities: ConsoleCapabilities(usesColor: true, supportsHyperlinks: false, isInteractive: false, width: width),
            script: [.line("r"), .line("q")])
        let driver = RunDriver(
            session: session, plan: plan, console: console, store: RunStateStore(folder: fixture.root.appendingPathComponent("state")),
            options: .init(language: "en", presets: [:], restart: false, recordFile: nil, user: "tester"),
            clock: { Date(timeIntervalSince1970: 0) })
        #expect(driver.start() == .stopped)
        let shown = TerminalText.removingEscapes(console.transcript)
        #expect(shown.filter { !$0.isWhitespace }.contains("Pickthe"), "the reference screen lists the referred step")
        for line in shown.split(separator: "\n") where line != "> " {
            #expect(TerminalText.displayWidth(String(line)) <= width, "wider than \(width): \(line)")
        }
    }
}
