import Foundation
import Testing
import WegwijsCore
import WegwijsTestSupport

/// The runner's logic without a terminal: plans, answers, resuming, saving.
@Suite struct RunSessionTests {
    static let files: [String: String] = [
        "procedures/portal/log-in.yaml": """
            title: {en: Log in, nl: Inloggen}
            requires:
              - {en: You have an account., nl: Je hebt een account.}
            steps:
              - id: open
                title: {en: Open the portal, nl: Open het portaal}
              - id: sign-in
                title: {en: Sign in, nl: Log in}

            """,
        "procedures/portal/add-users.yaml": """
            title: {en: Add users, nl: Gebruikers toevoegen}
            requires:
              - {en: You have an account., nl: Je hebt een account.}
              - {en: You are an admin., nl: Je bent beheerder.}
            inputs:
              - id: account
                label: {en: Account, nl: Klantnummer}
                pattern: '^[0-9]{3}$'
              - id: email
                label: {en: Email, nl: E-mail}
            steps:
              - include: log-in
              - id: fill-in
                title: {en: Fill in, nl: Vul in}
                result: {en: The user is listed., nl: De gebruiker staat erbij.}
              - id: save
                title: {en: Save, nl: Opslaan}

            """,
    ]

    func plan() throws -> (RunPlan, Site) {
        let fixture = try ContentFixture(Self.files)
        let site = try #require(fixture.open().session?.site)
        return (RunPlan(procedure: try #require(site.procedure("add-users")), site: site), site)
    }

    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func planExpandsIncludesAndGathersPrerequisitesOnce() throws {
        let (plan, _) = try plan()
        #expect(plan.steps.map(\.key) == ["log-in/open", "log-in/sign-in", "fill-in", "save"])
        #expect(plan.steps[1].trail == [RunPlan.Crumb(procedureID: "log-in", position: 2, count: 2)])
        #expect(plan.steps[2].trail == [])
        #expect(plan.requirements.count == 2)
        #expect(plan.inputs.map(\.input.id) == ["account", "email"])
        #expect(plan.fingerprint.count == 16)
    }

    @Test func aWholeRunFromPrerequisitesToTheEnd() throws {
        let (plan, _) = try plan()
        var session = RunSession(plan: plan, language: "en", languages: ["en", "nl"], saved: nil, presets: [:], now: start)
        #expect(session.phase == .prerequisite(0))
        session.handle(.yes, now: start)
        session.handle(.yes, now: start)
        #expect(session.phase == .input(0))
        #expect(session.handle(.text("12"), now: start) == .invalidInput(index: 0, value: "12"))
        #expect(session.handle(.text("  "), now: start) == .emptyInput(index: 0))
        session.handle(.text("123"), now: start)
        session.handle(.text("a@b.nl"), now: start)
        #expect(session.phase == .step(0))
        session.handle(.next, now: start.addingTimeInterval(5))
        session.handle(.skip, now: start.addingTimeInterval(6))
        #expect(session.phase == .step(2))
        session.handle(.next, now: start.addingTimeInterval(10))
        #expect(session.phase == .resultQuestion(2))
        session.handle(.no, now: start.addingTimeInterval(11))
        #expect(session.phase == .resultFollowUp(2))
        session.handle(.noteProblem, now: start.addingTimeInterval(11))
        session.handle(.text("list is empty"), now: start.addingTimeInterval(12))
        #expect(session.phase == .step(3))
        session.handle(.next, now: start.addingTimeInterval(15))
        #expect(session.phase == .finished)
        #expect(session.counts.done == 3)
        #expect(session.counts.skipped == 1)
        #expect(session.state.inputs == ["account": "123", "email": "a@b.nl"])
        let fillIn = try #require(session.state.record(for: "fill-in"))
        #expect(fillIn.sawResult == false)
        #expect(fillIn.problem == "list is empty")
        #expect(fillIn.seconds == 6)
        let kinds = session.takeEvents().map(\.kind)
        #expect(kinds.first == .start)
        #expect(kinds.last == .end)
        #expect(kinds.filter { $0 == .stepShown }.count == 4)
        #expect(session.takeEvents().isEmpty)
    }

    @Test func noToAPrerequisiteEndsTheRun() throws {
        let (plan, _) = try plan()
        var session = RunSession(plan: plan, language: "en", languages: ["en", "nl"], saved: nil, presets: [:], now: start)
        session.handle(.yes, now: start)
        session.handle(.no, now: start)
        #expect(session.phase == .stopped(.prerequisiteNotMet(1)))
        #expect(session.handle(.next, now: start) == .notAvailable)
    }

    @Test func presetsAreCheckedLikeTypedValues() throws {
        let (plan, _) = try plan()
        let session = RunSession(
            plan: plan, language: "en", languages: ["en", "nl"], saved: nil, presets: ["account": "12x", "email": "a@b.nl"],
            now: start)
        #expect(session.rejectedPresets == [0: "12x"])
        #expect(session.state.inputs == ["email": "a@b.nl"])
    }

    @Test func backAndLanguageSwitch() throws {
        let (plan, _) = try plan()
        var session = RunSession(
            plan: plan, language: "nl", languages: ["en", "nl"], saved: nil, presets: ["account": "123", "email": "x"], now: start)
        session.handle(.yes, now: start)
        session.handle(.yes, now: start)
        #expect(session.phase == .step(0))
        #expect(session.handle(.back, now: start) == nil, "from the first step, back is the last input")
        #expect(session.phase == .input(1))
        session.handle(.back, now: start)
        #expect(session.phase == .step(0), "back again without a new value: the step, the value kept")
        #expect(session.state.inputs["email"] == "x")
        session.handle(.next, now: start)
        session.handle(.back, now: start)
        #expect(session.phase == .step(0))
        session.handle(.switchLanguage, now: start)
        #expect(session.language == "en")
        #expect(session.phase == .step(0))
        #expect(session.state.language == "en")
    }

    @Test func quittingSavesWhereTheRunWasAndResumingContinuesThere() throws {
        let (plan, _) = try plan()
        var first = RunSession(
            plan: plan, language: "en", languages: ["en", "nl"], saved: nil, presets: ["account": "123", "email": "x"], now: start)
        first.handle(.yes, now: start)
        first.handle(.yes, now: start)
        first.handle(.next, now: start)
        first.handle(.interrupt, now: start)
        #expect(first.phase == .stopped(.interrupted))
        #expect(first.state.currentStepKey == "log-in/sign-in")

        let second = RunSession(plan: plan, language: "nl", languages: ["en", "nl"], saved: first.state, presets: [:], now: start)
        #expect(second.phase == .step(1))
        #expect(second.resumption == Resumption(stepIndex: 1, unmatchedKeys: [], procedureChanged: false))
        #expect(second.state.inputs["account"] == "123")
    }

    @Test func resumingAfterTheProcedureChangedMatchesStepsByKey() throws {
        let (plan, site) = try plan()
        var saved = RunState(plan: plan, language: "en", now: start)
        saved.prerequisitesConfirmed = true
        saved.inputs = ["account": "123", "email": "x"]
        saved.fingerprint = "0000000000000000"
        saved.records = [
            .init(key: "log-in/open", status: .done, seconds: 1),
            .init(key: "removed-step", status: .done, seconds: 1),
        ]
        saved.currentStepKey = "also-removed"
        let session = RunSession(plan: plan, language: "en", languages: site.languages, saved: saved, presets: [:], now: start)
        var expected = Resumption(stepIndex: 1, unmatchedKeys: ["removed-step"], procedureChanged: true)
        expected.unmatchedTitles = ["removed-step"]
        #expect(session.resumption == expected, "a record without a kept title is named by its key")
        #expect(session.phase == .step(1))
    }

    @Test func stateStoreSavesAtomicallyAndSetsAsideWhatItCannotRead() throws {
        let (plan, _) = try plan()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = RunStateStore(folder: folder)
        #expect(store.load("add-users") == .none)
        let state = RunState(plan: plan, language: "en", now: start)
        try store.save(state)
        #expect(store.load("add-users") == .state(state))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["add-users.json"])

        for damaged in ["", "{\"version\": 1", "[1,2]", "{\"version\": 99, \"procedureID\": \"add-users\"}"] {
            try Data(damaged.utf8).write(to: folder.appendingPathComponent("add-users.json"))
            guard case .unreadable(_, let aside?) = store.load("add-users") else {
                Issue.record("'\(damaged)' was not set aside")
                continue
            }
            #expect(FileManager.default.fileExists(atPath: aside))
            #expect(store.load("add-users") == .none)
            try FileManager.default.removeItem(atPath: aside)
        }
        var future = state
        future.version = 99
        try store.save(future)
        guard case .unreadable(let reason, _) = store.load("add-users") else {
            Issue.record("a state from a newer version was read")
            return
        }
        #expect(reason.contains("newer version"))
    }

    @Test func stateFolderFollowsXDG() {
        #expect(RunStateStore.standard(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]).folder.path == "/s/wegwijs")
        #expect(RunStateStore.standard(environment: ["HOME": "/h"]).folder.path == "/h/.local/state/wegwijs")
        #expect(RunStateStore.standard(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]).folder.path == "/h/.local/state/wegwijs")
    }
}

@Suite struct RunStateConcurrencyTests {
    @Test func twoRunsSavingAtOnceNeverLeaveAHalfWrittenState() async throws {
        let fixture = try ContentFixture(RunSessionTests.files)
        let site = try #require(fixture.open().session?.site)
        let plan = RunPlan(procedure: try #require(site.procedure("add-users")), site: site)
        let store = RunStateStore(folder: fixture.root.appendingPathComponent("state"))
        let base = RunState(plan: plan, language: "en", now: Date(timeIntervalSince1970: 0))
        try store.save(base)
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    for round in 0..<200 {
                        var state = base
                        state.inputs = ["account": String(repeating: "\(writer)", count: 1 + round % 50)]
                        try? store.save(state)
                    }
                }
            }
            group.addTask {
                for _ in 0..<400 {
                    if case .unreadable(let reason, _) = store.load("add-users") {
                        Issue.record("a reader saw a damaged state: \(reason)")
                        return
                    }
                }
            }
        }
        guard case .state(let final) = store.load("add-users") else {
            Issue.record("no state after concurrent saves")
            return
        }
        #expect(final.procedureID == "add-users")
    }
}
