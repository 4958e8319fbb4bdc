import Foundation
import Testing
import WegwijsCore
import WegwijsTerminal
import WegwijsTestSupport

/// Issue 13: what an admin following a portal procedure must be able to do, in plain transcripts.
@Suite struct RunnerWorkTests {
    let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_800_000_000) }

    static let files: [String: String] = [
        "glossary.yaml": "save: {en: Save, nl: Opslaan}\n",
        "procedures/portal/open-portal.yaml": """
            title: {en: Open the portal, nl: Open het portaal}
            inputs:
              - id: account
                label: {en: Account, nl: Klantnummer}
                pattern: '^[0-9?b]{3}$'
            steps:
              - id: go
                title: {en: Go to the portal, nl: Ga naar het portaal}
                text: {en: 'Go to [the portal](https://portal.example.com/login) and type [](input:account) in `Account`, then [](term:save). See [help](https://example.com/help).', nl: 'Ga naar [het portaal](https://portal.example.com/login) en typ [](input:account) in `Account`, dan [](term:save).'}
                result: {en: You are in., nl: Je bent binnen.}
              - id: decide
                title: {en: Decide, nl: Beslis}
                choices:
                  - text: {en: The user is new, nl: De gebruiker is nieuw}
                    step: invite
                  - text: {en: The user needs admin rights, nl: De gebruiker heeft beheerrechten nodig}
                    procedure: make-admin
              - id: edit
                title: {en: Edit the user, nl: Bewerk de gebruiker}
              - id: invite
                title: {en: Invite the user, nl: Nodig de gebruiker uit}

            """,
        "procedures/portal/make-admin.yaml": """
            title: {en: Make an admin, nl: Maak een beheerder}
            steps:
              - id: tick
                title: {en: Tick Admin, nl: Vink Beheerder aan}

            """,
    ]

    final class Setup {
        let fixture: ContentFixture
        let session: ContentSession
        let store: RunStateStore

        init() throws {
            fixture = try ContentFixture(RunnerWorkTests.files)
            session = try #require(fixture.open().session)
            store = RunStateStore(folder: fixture.root.appendingPathComponent("state"))
        }

        func driver(
            _ console: ScriptedConsole, id: String = "open-portal", language: String = "en", explicit: Bool = true,
            record: URL? = nil, json: URL? = nil, store: RunStateStore? = nil, clock: @escaping @Sendable () -> Date
        ) -> RunDriver {
            RunDriver(
                session: session, plan: RunPlan(procedure: session.site.procedure(id)!, site: session.site), console: console,
                store: store ?? self.store,
                options: .init(
                    language: language, languageIsExplicit: explicit, presets: [:], restart: false, recordFile: record,
                    jsonRecordFile: json, user: "tester"),
                clock: clock)
        }
    }

    // MARK: - Questions and prompts

    @Test func questionsTakeWordsEnterAsksForYOrNAndTheAnswerIsEchoed() throws {
        let setup = try Setup()
        let console = ScriptedConsole(lines: ["123", "", "", "maybe", "yes", "q"])
        _ = setup.driver(console, clock: clock).start()
        #expect(console.transcript.contains("Do you see this?"))
        #expect(console.transcript.contains("Type y or n."), "Enter at a question is no silent default")
        #expect(console.flat.contains("That does nothing here. Keys that work now: y, n, b, l, ?, q."))
        #expect(console.transcript.contains("Answer: yes"))
        #expect(console.transcript.contains("Step 2 of 4"), "yes went on to the next step")

        let dutch = ScriptedConsole(lines: ["123", "", "ja", "q"])
        _ = try Setup().driver(dutch, language: "nl", clock: clock).start()
        #expect(dutch.transcript.contains("Antwoord: ja"))
        #expect(dutch.transcript.contains("Stap 2 van 4"))
    }

    @Test func atAnInputPromptHelpAndBackWorkAndABackslashTypesTheLetter() throws {
        let setup = try Setup()
        let console = ScriptedConsole(lines: ["?", "\\?b1", "b", "b", "q"])
        _ = setup.driver(console, clock: clock).start()
        #expect(console.flat.contains("At a typed answer, b = back and ? = help"), "? is help, not a value")
        #expect(console.transcript.contains("Enter = confirm, ? = help, Ctrl-D = stop"), "no back before the first input")
        #expect(setup.store.load("open-portal").state?.inputs["account"] == "?b1", "\\? typed the question mark")
        #expect(console.transcript.contains("Now: «?b1». Type a new value, or Enter alone to keep it."), "back from the first step")
        #expect(console.transcript.contains("Enter = confirm, b = back, ? = help, Ctrl-D = stop"))
        #expect(!console.transcript.contains("does not have the form"), "b went back to the step, q quit there")
    }

    @Test func aValueGivenEarlierIsChangedWithEAndTheReportShowsTheChange() throws {
        let setup = try Setup()
        let report = setup.fixture.root.appendingPathComponent("report.md")
        let console = ScriptedConsole(lines: ["123", "e", "456", "", "y", "q"])
        _ = setup.driver(console, record: report, clock: clock).start()
        #expect(console.transcript.contains("Now: «123». Type a new value, or Enter alone to keep it."))
        #expect(console.transcript.contains("type «456» in"), "the step shows the new value")
        let text = try String(contentsOf: report, encoding: .utf8)
        #expect(text.contains("- Account: `123` → `456` (changed)"))
    }

    @Test func hintsNameOnlyKeysThatDoSomething() throws {
        let setup = try Setup()
        let console = ScriptedConsole(lines: ["123", "x", "", "y", "o", "", "x", "q"])
        _ = setup.driver(console, clock: clock).start()
        #expect(console.flat.contains("Enter = next, b = back, s = skip, o = open, c = copy, e = change a value, l = Nederlands"))
        #expect(console.flat.contains("That does nothing here. Keys that work now: Enter, b, s, o, c, e, l, ?, q."))
        #expect(console.flat.contains("Enter = next, b = back, s = skip, e = change a value, l = Nederlands"), "no o or c without links or values")
        #expect(console.flat.contains("That does nothing here. Keys that work now: Enter, b, s, e, l, ?, q."), "o does nothing at step 2")
        #expect(console.flat.contains("1–2 = choose, b = back"))
        #expect(console.flat.contains("That does nothing here. Keys that work now: 1–2, b, l, ?, q."))
    }

    // MARK: - Open and copy

    @Test func severalLinksAreListedAndTheChosenOneIsOpened() throws {
        let setup = try Setup()
        let console = ScriptedConsole(lines: ["123", "o", "2", "o", "", "q"])
        _ = setup.driver(console, clock: clock).start()
        #expect(console.transcript.contains("Open which?"))
        #expect(console.transcript.contains("1. the portal — https://portal.example.com/login"))
        #expect(console.opened == ["https://example.com/help"], "Enter alone at the list opens nothing")
        #expect(console.transcript.contains("Opened https://example.com/help."))
    }

    @Test func withoutAnOpenerTheAddressIsGivenToOpenByHand() throws {
        let setup = try Setup()
        let console = ScriptedConsole(lines: ["123", "o", "1", "q"])
        console.openOutcome = .noOpener("xdg-open")
        _ = setup.driver(console, clock: clock).start()
        #expect(console.flat.contains("No program to open links is installed (xdg-open); open it yourself: https://portal.example.com/login"))
    }

    @Test func copyListsTheStepsValuesAndSaysCopiedOnlyWhenItWas() throws {
        let setup = try Setup()
        let console = ScriptedConsole(lines: ["123", "c", "3", "q"])
        _ = setup.driver(console, clock: clock).start()
        #expect(console.transcript.contains("Copy which?"))
        #expect(console.transcript.contains("1. 123 (Account)"))
        #expect(console.transcript.contains("2. Account (code)"))
        #expect(console.transcript.contains("3. Save (UI label)"))
        #expect(console.copied == ["Save"])
        #expect(console.transcript.contains("Copied 'Save' to the clipboard (test clipboard)."))

        let noClipboard = ScriptedConsole(lines: ["123", "c", "1", "q"])
        noClipboard.hasClipboard = false
        _ = try Setup().driver(noClipboard, clock: clock).start()
        #expect(noClipboard.flat.contains("Could not copy: no clipboard here takes it. The value is: 123"))
        #expect(!noClipboard.transcript.contains("Copied"))
    }

    // MARK: - Choices

    @Test func aStepChoiceJumpsAheadAndTheReportSaysWhatWasLeftOut() throws {
        let setup = try Setup()
        let report = setup.fixture.root.appendingPathComponent("report.md")
        let console = ScriptedConsole(lines: ["123", "", "y", "", "7", "1", ""])
        #expect(setup.driver(console, record: report, clock: clock).start() == .finished)
        #expect(console.transcript.contains("  1. The user is new\n     → step 4: Invite the user"))
        #expect(console.transcript.contains("Type a number from 1 to 2."))
        #expect(!console.transcript.contains("Edit the user\n"), "the step the choice led past is not shown")
        let text = try String(contentsOf: report, encoding: .utf8)
        #expect(text.contains("| 3 | Edit the user | not needed (a choice led past it) |"))
        #expect(text.contains("| 2 | Decide | done | 0 s | chose: The user is new |"))
    }

    @Test func aProcedureChoiceWalksItAndComesBackAndIsKeptWhenStoppedThere() throws {
        let setup = try Setup()
        let console = ScriptedConsole(lines: ["123", "", "y", "", "2", "q"])
        #expect(setup.driver(console, clock: clock).start() == .stopped)
        #expect(console.flat.contains("Now walking “Make an admin”; afterwards the run goes on where you were."))
        #expect(console.transcript.contains("Tick Admin"))
        #expect(setup.store.load("open-portal").state?.detour?.procedureID == "make-admin")

        let again = ScriptedConsole(lines: ["", "", ""])
        #expect(setup.driver(again, clock: clock).start() == .finished)
        #expect(again.transcript.contains("Tick Admin"), "the nested run is resumed first")
        #expect(again.transcript.contains("Back in “Open the portal”."))
        #expect(again.transcript.contains("Edit the user"), "then the run goes on after the choice")
    }

    // MARK: - A prerequisite that is not met

    static let prerequisiteFiles: [String: String] = [
        "procedures/portal/add-users.yaml": """
            title: {en: Add users, nl: Gebruikers toevoegen}
            requires:
              - text: {en: You are an administrator., nl: Je bent beheerder.}
                see: become-admin
              - {en: 'You have read [](ref:rules).', nl: 'Je hebt [](ref:rules) gelezen.'}
            steps:
              - title: {en: Add the user, nl: Voeg de gebruiker toe}

            """,
        "procedures/portal/become-admin.yaml": """
            title: {en: Become an administrator, nl: Word beheerder}
            steps:
              - title: {en: Ask for the role, nl: Vraag de rol aan}

            """,
        "procedures/portal/rules.yaml": """
            title: {en: The rules, nl: De regels}
            steps:
              - title: {en: Read them, nl: Lees ze}

            """,
    ]

    @Test func noToAPrerequisiteOffersToWalkTheProcedureThatFulfilsItAndComesBack() throws {
        let fixture = try ContentFixture(Self.prerequisiteFiles)
        let session = try #require(fixture.open().session)
        let plan = RunPlan(procedure: try #require(session.site.procedure("add-users")), site: session.site)
        #expect(plan.requirements.map(\.see) == ["become-admin", "rules"], "see: and a ref: in the text both name it")
        let store = RunStateStore(folder: fixture.root.appendingPathComponent("state"))
        func driver(_ console: ScriptedConsole) -> RunDriver {
            RunDriver(
                session: session, plan: plan, console: console, store: store,
                options: .init(language: "en", presets: [:], restart: false, recordFile: nil, user: "tester"), clock: clock)
        }
        let console = ScriptedConsole(lines: ["n", "w", "", "y", "y", ""])
        #expect(driver(console).start() == .finished)
        #expect(console.flat.contains("“Become an administrator” puts this in place. Walk it now and come back here afterwards, or stop?"))
        #expect(console.flat.contains("w = walk it now, n = stop here, b = back"))
        #expect(console.transcript.contains("Ask for the role"))
        #expect(console.flat.contains("Back in “Add users”."))
        #expect(console.transcript.components(separatedBy: "You are an administrator.").count == 3, "the question is asked again after the walk")
        #expect(console.transcript.contains("Add the user"))

        let stopping = ScriptedConsole(lines: ["y", "n", "n"])
        #expect(driver(stopping).start() == .stopped)
        #expect(stopping.flat.contains("“The rules” puts it in place: wegwijs run rules"))
    }

    // MARK: - Waiting

    static let waitFiles: [String: String] = [
        "procedures/portal/confirm.yaml": """
            title: {en: Confirm the account, nl: Bevestig het account}
            steps:
              - id: request
                title: {en: Request the confirmation e-mail, nl: Vraag de bevestigingsmail aan}
                text: {en: Wait for the confirmation e-mail., nl: Wacht op de bevestigingsmail.}
                wait: 10m
              - id: click
                title: {en: Click the link in the e-mail, nl: Klik op de link in de mail}

            """,
    ]

    /// A clock tests move forward.
    final class TestClock: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 1_800_000_000)
    }

    @Test func aWaitCountsDownALineAMinuteInPlainModeIsKeptWhenStoppedAndIsInTheReport() throws {
        let fixture = try ContentFixture(Self.waitFiles)
        let session = try #require(fixture.open().session)
        let plan = RunPlan(procedure: try #require(session.site.procedure("confirm")), site: session.site)
        let store = RunStateStore(folder: fixture.root.appendingPathComponent("state"))
        let time = TestClock()
        let report = fixture.root.appendingPathComponent("report.md")
        func driver(_ console: ScriptedConsole) -> RunDriver {
            RunDriver(
                session: session, plan: plan, console: console, store: store,
                options: .init(language: "en", presets: [:], restart: false, recordFile: report, user: "tester"), clock: { time.now })
        }
        // Three minutes pass, then the admin quits: seven are kept.
        let first = ScriptedConsole(lines: ["", "q"])
        first.timeouts = 3
        first.onTimeout = { time.now += 60 }
        #expect(driver(first).start() == .stopped)
        #expect(first.transcript.contains("Wait 10 min: Request the confirmation e-mail"))
        #expect(first.transcript.contains("9 min left to wait.\n8 min left to wait.\n7 min left to wait."), "a line a minute")
        #expect(!first.transcript.contains("\u{1B}"))
        #expect(store.load("confirm").state?.waitRemaining?["request"] == 420)

        // Resumed: Enter waits the seven minutes left, then the run goes on.
        let second = ScriptedConsole(lines: ["", ""])
        second.timeouts = 7
        second.onTimeout = { time.now += 60 }
        #expect(driver(second).start() == .finished)
        #expect(second.transcript.contains("1 min left to wait.\nThe wait is over."))
        #expect(second.transcript.contains("Click the link in the e-mail"))
        let text = try String(contentsOf: report, encoding: .utf8)
        #expect(text.contains("| 1 | Request the confirmation e-mail | done |"))
        #expect(text.contains("waited 10 min 00 s of 10 min"))
        #expect(text.contains("| Elapsed (wall clock) | 10 min 00 s |"))
    }

    @Test func enterEndsAWaitEarlyAndWaitDurationsAreRead() throws {
        let fixture = try ContentFixture(Self.waitFiles)
        let session = try #require(fixture.open().session)
        let plan = RunPlan(procedure: try #require(session.site.procedure("confirm")), site: session.site)
        let console = ScriptedConsole(lines: ["", "", ""])
        let driver = RunDriver(
            session: session, plan: plan, console: console, store: RunStateStore(folder: fixture.root.appendingPathComponent("s")),
            options: .init(language: "nl", presets: [:], restart: false, recordFile: nil, user: "tester"), clock: clock)
        #expect(driver.start() == .finished)
        #expect(console.transcript.contains("Wacht 10 min: Vraag de bevestigingsmail aan"))
        #expect(console.flat.contains("Enter = klaar met wachten, b = terug"))
        #expect(WaitDuration.seconds(in: "1h30m") == 5400)
        #expect(WaitDuration.seconds(in: "90s") == 90)
        #expect(WaitDuration.seconds(in: "10 minutes") == nil)
        #expect(WaitDuration.seconds(in: "0s") == nil)
        #expect(WaitDuration.seconds(in: "25h") == nil)
        #expect(WaitDuration.seconds(in: "5m1h") == nil)
    }

    // MARK: - Honest records

    @Test func resumingKeepsTheLanguageSwitchedToAndSaysWhereInWords() throws {
        let setup = try Setup()
        _ = setup.driver(ScriptedConsole(lines: ["123", "l", "q"]), clock: clock).start()
        let again = ScriptedConsole(lines: ["q"])
        _ = setup.driver(again, language: "en", explicit: false, clock: clock).start()
        #expect(again.transcript.contains("Verder bij stap 1 van 4: Ga naar het portaal"))

        let fresh = try Setup()
        _ = fresh.driver(ScriptedConsole(lines: ["q"]), clock: clock).start()
        let start = ScriptedConsole(lines: ["q"])
        _ = fresh.driver(start, clock: clock).start()
        #expect(start.transcript.contains("Resuming at the start"))
    }

    @Test func anUnwritableStateFolderIsSaidAndTheRunGoesOn() throws {
        let setup = try Setup()
        let blocker = setup.fixture.root.appendingPathComponent("not-a-folder")
        try Data().write(to: blocker)
        let console = ScriptedConsole(lines: ["123", "q"])
        #expect(setup.driver(console, store: RunStateStore(folder: blocker.appendingPathComponent("wegwijs")), clock: clock).start() == .stopped)
        #expect(console.transcript.replacingOccurrences(of: "\n", with: " ").contains("Progress will not be saved"))
        #expect(console.transcript.contains("Go to the portal"))
        #expect(console.transcript.contains("Stopped. Progress could not be saved."))
    }

    @Test func theJSONReportFollowsItsSchema() throws {
        let setup = try Setup()
        let json = setup.fixture.root.appendingPathComponent("run.json")
        let console = ScriptedConsole(lines: ["123", "", "n", "n", "no login", "", "1", ""])
        #expect(setup.driver(console, json: json, clock: clock).start() == .endedWithProblem)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let record = try decoder.decode(RunRecord.self, from: Data(contentsOf: json))
        #expect(record.schema == "wegwijs-run/1")
        #expect(record.outcome == "ended-with-problem")
        #expect(record.inputs.first?.history == ["123"])
        #expect(record.steps.map(\.status) == ["done", "done", "bypassed", "done"])
        #expect(record.steps[0].answers == ["no"])
        #expect(record.steps[0].problem == "no login")
        #expect(record.steps[1].choiceTarget == "step:invite")
        #expect(record.events.first?.kind == .start)
    }

    @Test func theScreenModelIsLinesWithoutAConsole() throws {
        let setup = try Setup()
        let plan = RunPlan(procedure: try #require(setup.session.site.procedure("open-portal")), site: setup.session.site)
        var session = RunSession(plan: plan, language: "en", languages: ["en", "nl"], saved: nil, presets: ["account": "123"], now: clock())
        var screen = RunScreen(session: setup.session, plan: plan, capabilities: .plain(width: 60))
        let first = screen.lines(for: session)
        #expect(first.contains("Open the portal"))
        #expect(first.contains("Step 1 of 4  [----------]"))
        session.handle(.skip, now: clock())
        let second = screen.lines(for: session)
        #expect(!second.contains("Open the portal"), "the unchanged title is not repeated")
        #expect(second.contains("Step 2 of 4  [##--------]"))
    }
}

extension ScriptedConsole {
    /// The transcript with line breaks as spaces: the runner wraps its words to the width.
    var flat: String { transcript.replacingOccurrences(of: "\n", with: " ") }
}

extension RunStateStore.Loaded {
    var state: RunState? {
        if case .state(let state) = self { return state }
        return nil
    }
}
