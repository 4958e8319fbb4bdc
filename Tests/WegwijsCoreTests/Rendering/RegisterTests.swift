import Foundation
import Testing
import WegwijsCore
import WegwijsTerminal
import WegwijsTestSupport

/// `register: formal|informal`: the Dutch interface strings in "u" or "je", chosen by the procedure, its group
/// or the site (in that order), on the pages, in print and in the runner; bad values reported with line and column.
@Suite struct RegisterTests {
    static func site(register: String?, groupRegister: String? = nil) -> String {
        """
        title: {en: Guides, nl: Handleidingen}
        languages: [en, nl]
        \(register.map { "register: \($0)\n" } ?? "")groups:
          - id: portal
            title: Portal
        \(groupRegister.map { "    register: \($0)\n" } ?? "")  - id: other
            title: {en: Other, nl: Overig}

        """
    }

    static func procedure(register: String? = nil) -> String {
        """
        title: {en: Add users, nl: Gebruikers toevoegen}
        \(register.map { "register: \($0)\n" } ?? "")requires:
          - {en: You are an admin., nl: Beheerder.}
        steps:
          - title: {en: Open, nl: Open}

        """
    }

    /// A site with `add-users` in group `portal` and `log-in` in group `other`.
    static func fixture(site: String?, addUsers: String? = nil, logIn: String? = nil) throws -> ContentFixture {
        var files = [
            "procedures/portal/add-users.yaml": procedure(register: addUsers),
            "procedures/other/log-in.yaml": procedure(register: logIn),
        ]
        if let site { files["site.yaml"] = site }
        return try ContentFixture(files)
    }

    /// The procedure's page in `format` and `language`, as `wegwijs build` writes it.
    static func page(_ id: String, in fixture: ContentFixture, language: String = "nl", format: OutputFormat = .html) throws -> String {
        let session = try #require(fixture.open().session)
        var diagnostics = Diagnostics()
        let templates = try #require(Templates.load(from: fixture.templates, displayPath: "templates", diagnostics: &diagnostics))
        let renderer = PageRenderer(
            site: session.site, strings: session.strings, templates: templates, plainTexts: session.plainTexts, language: language,
            format: format)
        return String(decoding: renderer.procedurePage(try #require(session.site.procedure(id))).contents, as: UTF8.self)
    }

    // MARK: - Which register a page uses

    @Test func theProcedureWinsOverItsGroupAndTheGroupOverTheSite() throws {
        let fixture = try Self.fixture(site: Self.site(register: "informal", groupRegister: "formal"), logIn: "formal")
        #expect(fixture.diagnosticLines() == [])
        // add-users: none of its own, its group says formal.
        let addUsers = try Self.page("add-users", in: fixture)
        #expect(addUsers.contains("Voordat u begint"))
        #expect(!addUsers.contains("Voordat je begint"))
        // log-in: its own formal over the site's informal (its group says nothing).
        #expect(try Self.page("log-in", in: fixture).contains("Voordat u begint"))

        let informal = try Self.fixture(site: Self.site(register: "formal"), addUsers: "informal")
        #expect(try Self.page("add-users", in: informal).contains("Voordat je begint"), "the procedure's own informal over the site's formal")
        #expect(try Self.page("log-in", in: informal).contains("Voordat u begint"), "the site's formal")
        #expect(try Self.page("log-in", in: informal, format: .markdown).contains("## Voordat u begint"))
        #expect(try Self.page("log-in", in: informal, format: .print).contains("<h4>Voordat u begint</h4>"))
    }

    @Test func withoutARegisterThePagesKeepTheStringsFilesOwnWording() throws {
        let fixture = try Self.fixture(site: nil)
        #expect(try Self.page("add-users", in: fixture).contains("Voordat je begint"))
        let session = try #require(fixture.open().session)
        #expect(session.site.register == nil)
        #expect(session.site.register(of: try #require(session.site.procedure("add-users"))) == nil)
    }

    @Test func englishReadsTheSameInBothRegisters() throws {
        let formal = try Self.page("add-users", in: try Self.fixture(site: Self.site(register: "formal")), language: "en")
        let informal = try Self.page("add-users", in: try Self.fixture(site: Self.site(register: "informal")), language: "en")
        #expect(formal == informal)
        #expect(formal.contains("Before you start"))
    }

    @Test func theIndexPageUsesTheSitesRegister() throws {
        let fixture = try Self.fixture(site: Self.site(register: "formal"), addUsers: "informal")
        let session = try #require(fixture.open().session)
        #expect(session.strings.register == .formal)
        #expect(session.strings.string("runner.result.question", in: "nl") == "Ziet u dit?")
        #expect(session.inRegister(of: try #require(session.site.procedure("add-users"))).strings.string(
            "runner.result.question", in: "nl") == "Zie je dit?")
    }

    // MARK: - The runner

    @Test func theRunnersScreenSpeaksInTheProceduresRegister() throws {
        let fixture = try Self.fixture(site: Self.site(register: "informal"), addUsers: "formal")
        let content = try #require(fixture.open().session)
        func firstScreen(_ id: String) throws -> [String] {
            let procedure = try #require(content.site.procedure(id))
            let plan = RunPlan(procedure: procedure, site: content.site)
            let run = RunSession(plan: plan, language: "nl", languages: ["en", "nl"], saved: nil, presets: [:], now: Date())
            var screen = RunScreen(session: content.inRegister(of: procedure), plan: plan, capabilities: .plain(width: 60))
            return screen.lines(for: run)
        }
        #expect(try firstScreen("add-users").contains("Voordat u begint (1 van 1)"))
        #expect(try firstScreen("log-in").contains("Voordat je begint (1 van 1)"))
    }

    @Test func aNestedRunSpeaksInItsOwnProceduresRegister() throws {
        let fixture = try ContentFixture([
            "site.yaml": Self.site(register: "formal"),
            "procedures/portal/add-users.yaml": """
                title: {en: Add users, nl: Gebruikers toevoegen}
                steps:
                  - id: decide
                    title: {en: Decide, nl: Beslis}
                    choices:
                      - text: {en: you must log in first, nl: je eerst moet inloggen}
                        procedure: log-in
                      - text: {en: you are logged in, nl: u bent ingelogd}
                        step: last
                  - id: last
                    title: {en: Last, nl: Laatste}
                    result: {en: Done., nl: Klaar.}

                """,
            "procedures/other/log-in.yaml": """
                title: {en: Log in, nl: Inloggen}
                register: informal
                steps:
                  - title: {en: Open, nl: Open}
                    result: {en: Open., nl: Open.}

                """,
        ])
        let session = try #require(fixture.open().session)
        let procedure = try #require(session.site.procedure("add-users"))
        let console = ScriptedConsole(lines: ["", "1", "", "j", "", "j"])
        let driver = RunDriver(
            session: session.inRegister(of: procedure), plan: RunPlan(procedure: procedure, site: session.site), console: console,
            store: RunStateStore(folder: fixture.root.appendingPathComponent("state")),
            options: .init(
                language: "nl", languageIsExplicit: true, presets: [:], restart: false, recordFile: nil, jsonRecordFile: nil,
                user: "tester"),
            clock: { Date(timeIntervalSince1970: 1_800_000_000) })
        _ = driver.start()
        let transcript = console.transcript
        let informal = try #require(transcript.range(of: "Zie je dit?"), "the nested log-in is informal: \(transcript)")
        let formal = try #require(transcript.range(of: "Ziet u dit?", range: informal.upperBound..<transcript.endIndex), "back in add-users: formal")
        #expect(informal.upperBound <= formal.lowerBound)
    }

    // MARK: - Diagnostics

    @Test func anUnknownRegisterIsReportedWhereItIsWrittenWithASuggestion() throws {
        let fixture = try Self.fixture(site: Self.site(register: "formel", groupRegister: "Informal"), logIn: "polite")
        #expect(fixture.diagnosticLines() == [
            "procedures/other/log-in.yaml:2:11: error: unknown register 'polite'",
            "site.yaml:3:11: error: unknown register 'formel' (did you mean 'formal'?)",
            "site.yaml:7:15: error: unknown register 'Informal' (did you mean 'informal'?)",
        ])
        let notes = fixture.open().diagnostics.sorted.flatMap(\.notes)
        #expect(notes.contains("A register is 'formal' or 'informal' (Dutch 'u' or 'je')."))
    }

    @Test func aRegisterThatIsNotAStringIsReported() throws {
        let fixture = try Self.fixture(site: nil, addUsers: "[formal]")
        #expect(fixture.diagnosticLines() == [
            "procedures/portal/add-users.yaml:2:11: error: 'register' must be a string, not a list"
        ])
    }

    @Test func aStringsFilesRegistersAreChecked() throws {
        let fixture = try Self.fixture(site: nil)
        let file = fixture.templates.appendingPathComponent("strings/nl.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        let lines = text.filter { $0 == "\n" }.count
        text += "formel:\n  procedure.inputs: Wat u nodig hebt\ninformal:\n  procedure.input: Wat je nodig hebt\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        let found = fixture.diagnosticLines().filter { $0.hasPrefix("templates/strings/nl.yaml") }
        #expect(found == [
            "templates/strings/nl.yaml:\(lines + 1):1: error: unknown register 'formel' (did you mean 'formal'?)",
            "templates/strings/nl.yaml:\(lines + 4):3: error: 'informal' words 'procedure.input', which this file does not have (did you mean 'procedure.inputs'?)",
        ])
    }

    @Test func aRegistersStringReplacesOnlyItsOwnKeys() {
        let strings = InterfaceStrings(
            table: ["nl": ["a": "je", "b": "gedeeld"], "en": ["a": "you", "b": "shared"]],
            variants: ["nl": [.formal: ["a": "u"]]], directoryDisplayPath: "strings")
        #expect(strings.string("a", in: "nl") == "je")
        #expect(strings.inRegister(.formal).string("a", in: "nl") == "u")
        #expect(strings.inRegister(.formal).string("b", in: "nl") == "gedeeld")
        #expect(strings.inRegister(.formal).string("a", in: "en") == "you")
        #expect(strings.inRegister(.informal).string("a", in: "nl") == "je")
        #expect(strings.inRegister(.formal).all(in: "nl") == ["a": "u", "b": "gedeeld"])
    }
}
