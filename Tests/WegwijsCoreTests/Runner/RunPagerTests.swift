import Foundation
import Testing
import WegwijsCore
import WegwijsTerminal
import WegwijsTestSupport

/// Issue 13: on a short window (12 rows) a step's text is never scrolled out of view unseen: Space pages.
@Suite struct RunPagerTests {
    let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_800_000_000) }

    /// A step whose text is twenty numbered lines ("Line 1." …), each a paragraph of its own.
    static let files: [String: String] = [
        "procedures/portal/long.yaml": """
            title: {en: A long step, nl: Een lange stap}
            steps:
              - id: read
                title: {en: Read it all, nl: Lees alles}
                text:
                  en: "\((1...20).map { "Line \($0)." }.joined(separator: "\\n\\n"))"
                  nl: "\((1...20).map { "Regel \($0)." }.joined(separator: "\\n\\n"))"
              - id: next
                title: {en: The next step, nl: De volgende stap}

            """
    ]

    static let rows = 12

    func run(_ script: [RunInput], language: String) throws -> ScriptedConsole {
        let fixture = try ContentFixture(Self.files)
        let session = try #require(fixture.open().session)
        let console = ScriptedConsole(
            capabilities: ConsoleCapabilities(usesColor: false, supportsHyperlinks: false, isInteractive: true, width: 80, rows: Self.rows),
            script: script)
        _ = RunDriver(
            session: session, plan: RunPlan(procedure: session.site.procedure("long")!, site: session.site), console: console,
            store: RunStateStore(folder: fixture.root.appendingPathComponent("state")),
            options: .init(language: language, presets: [:], restart: true, recordFile: nil, user: "tester"), clock: clock
        ).start()
        return console
    }

    /// Rows a screen takes: its lines, the cursor's line included.
    func rows(of screen: String) -> Int { screen.split(separator: "\n", omittingEmptySubsequences: false).count }

    @Test(arguments: [("en", "Line", "[Space] more", "[Enter] next"), ("nl", "Regel", "[Spatie] meer", "[Enter] volgende")])
    func spacePagesUntilAllIsShownThenMeansNextAgain(language: String, word: String, more: String, next: String) throws {
        let console = try run(Array(repeating: .key(.space), count: 8) + [.key(.character("q"))], language: language)
        let screens = console.screens
        // Every screen the admin is asked a key on fits the window: nothing scrolled away before it was seen.
        for screen in screens {
            #expect(rows(of: screen) <= Self.rows, "a screen of \(rows(of: screen)) rows on a window of \(Self.rows): \(screen)")
        }
        // Every line of the text was on some screen, in order, once.
        let shown = screens.joined()
        var position = shown.startIndex
        for number in 1...20 {
            let range = try #require(shown.range(of: "\(word) \(number).\n", range: position..<shown.endIndex), "\(word) \(number) shown")
            position = range.upperBound
        }
        #expect(shown.components(separatedBy: "\(word) 20.").count == 2)
        // While some of the text is not shown, the hints say Space shows more, and Enter still goes on.
        #expect(screens[0].contains(more) && screens[0].contains(next))
        let paged = screens.firstIndex { !$0.contains(more) && $0.contains("\(word) 20.") }
        let last = try #require(paged, "a page without 'more' once all is shown")
        #expect(screens[last].contains(next))
        // Then Space is next again: the following screen is the next step.
        #expect(screens.indices.contains(last + 1) && screens[last + 1].contains(language == "en" ? "The next step" : "De volgende stap"))
    }

    @Test func thePageModelIsPure() {
        let lines = (1...30).map { "line \($0)" }
        let first = RunScreen.page(lines, rows: 12, reserved: 3)
        #expect(first.shown == Array(lines.prefix(9)))
        #expect(first.rest == Array(lines.dropFirst(9)))
        #expect(RunScreen.page(Array(lines.prefix(9)), rows: 12, reserved: 3).rest.isEmpty, "what fits is shown at once")
        #expect(RunScreen.page(lines, rows: nil, reserved: 3).rest.isEmpty, "a window of unknown height is not paged")
        #expect(RunScreen.page(lines, rows: 12, reserved: 9).shown.count == RunScreen.minimumPage)
        #expect(RunScreen.page(lines, rows: 12, reserved: 10).rest.isEmpty, "hints that fill the window: no paging")
    }

    @Test func plainModeIsNeverPaged() throws {
        let fixture = try ContentFixture(Self.files)
        let session = try #require(fixture.open().session)
        var capabilities = ConsoleCapabilities.plain(width: 80)
        capabilities.rows = Self.rows
        let console = ScriptedConsole(capabilities: capabilities, script: [.line("q")])
        _ = RunDriver(
            session: session, plan: RunPlan(procedure: session.site.procedure("long")!, site: session.site), console: console,
            store: RunStateStore(folder: fixture.root.appendingPathComponent("state")),
            options: .init(language: "en", presets: [:], restart: true, recordFile: nil, user: "tester"), clock: clock
        ).start()
        #expect(console.screens[0].contains("Line 20."), "a screen reader or a script gets the whole step")
        #expect(!console.transcript.contains("more"))
    }
}
