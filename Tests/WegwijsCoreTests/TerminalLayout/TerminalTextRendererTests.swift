import Foundation
import Testing
import WegwijsCore
import WegwijsTerminal
import WegwijsTestSupport

/// Texts rendered for the runner's terminal: golden files at widths 20, 40 and 80 with and without colour,
/// and the properties that must hold at every width (fit, no escape sequences without colour, safety).
///
/// Re-record with `make snapshots` (WEGWIJS_RECORD_SNAPSHOTS=1); escape characters are written as "␛" in the
/// golden files so they can be read and diffed.
@Suite struct TerminalTextRendererTests {
    static let files: [String: String] = [
        "glossary.yaml": """
            save: {en: Save, nl: Opslaan}
            account-number: {en: Account Number, nl: DHL-klantnummer}
            email-id: {en: Email ID}

            """,
        "images/screen.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>\n",
        "procedures/portal/log-in.yaml": """
            title: {en: Log in, nl: Inloggen}
            steps:
              - id: open
                title: {en: Open the portal, nl: Open het portaal}

            """,
        "procedures/portal/add-users.yaml": """
            title: {en: Add users, nl: Gebruikers toevoegen}
            inputs:
              - id: account
                label: {en: Account number, nl: Klantnummer}
              - id: email
                label: {en: Email address, nl: E-mailadres}
            steps:
              - id: fill-in
                title: {en: "Fill in the [](term:account-number)", nl: "Vul het [](term:account-number) in"}
                text:
                  en: |
                    First [](ref:log-in), as in [](ref:log-in#open). Type [](input:account) in the [](term:account-number) column [](callout:1), then [](input:email) in [](term:email-id) [](callout:2). Click **[](term:save)** and *wait*; run `wegwijs check` when unsure, or read [the manual](https://example.com/manual?q=één) and <https://example.com/faq>.\\
                    A new line after a hard break.

                    - Check the *status*
                    - Then:
                      1. open **Users**
                      2. click [](term:save)

                    > Never enable **Read only**: it causes an error.
                    >
                    > Ask [your admin](mailto:admin@example.com) first.

                    ```
                    curl -X POST "https://portal.example.com/api/v1/users?account=123456789&notify=true"
                    \tindented with a tab
                    ```

                    Een Nederlands woord: ongeïnteresseerdheid, één, privé, café; Supercalifragilisticexpialidociously-long-identifier; 日本語のテキストを表示します; emoji 🚚📦 done.
                  nl: |
                    Eerst [](ref:log-in), zoals in [](ref:log-in#open). Typ [](input:account) in de kolom [](term:account-number) [](callout:1) en [](input:email) in [](term:email-id) [](callout:2). Klik op **[](term:save)** en *wacht*.

                    1. Controleer de *status*
                    2. Klaar

                    > Zet nooit **Read only** aan.
                figure:
                  src: images/screen.svg
                  alt: {en: The table, nl: De tabel}
                  callouts:
                    - {en: "[](term:account-number) column", nl: "Kolom [](term:account-number)"}
                    - {en: Email ID column, nl: Kolom E-mailadres}
              - id: check
                title: {en: Check, nl: Controleer}
                text:
                  en: "Escape \\e[31mred and C1 \\u009b2J and bell \\a and [a link](https://evil.example/&#x1b;]8;;x) and &#x1b;[1m too."
              - id: glued
                title: {en: Glued, nl: Vast}
                text: {en: "See [](callout:1).", nl: "Zie [](callout:1)."}
                figure:
                  src: images/screen.svg
                  alt: {en: The table, nl: De tabel}
                  callouts:
                    - {en: "Itself [](callout:1) and [](ref:log-in)", nl: "Zichzelf [](callout:1)"}
              - id: structure
                title: {en: Structure, nl: Structuur}
                text:
                  en: |
                    ## A heading with *emphasis*

                    9. nine, a loose item

                       with a second paragraph
                    10. ten
                        > quoted inside an item
                    11.

                    ***

                    An image: ![the *Add users* table](images/screen.svg), [a broken one](ref:nowhere) and [](https://example.com/bare).
              - id: widths
                title: Widths
                text: "één één ééén e\\u0301e\\u0301n 日本 🚚🚚"

            """,
    ]

    /// The fixture loaded and validated (each test loads its own: tests run in parallel).
    struct Loaded {
        let fixture: ContentFixture
        let session: ContentSession
        let procedure: Procedure
        let steps: [Step]

        init() throws {
            fixture = try ContentFixture(TerminalTextRendererTests.files)
            let (session, diagnostics) = fixture.open()
            let errors = diagnostics.sorted.filter { $0.severity == .error }.map(\.headline)
            // The one error is on purpose: a link that does not resolve must keep its text.
            try #require(errors == ["content/procedures/portal/add-users.yaml:70:64: error: reference to unknown procedure 'nowhere'"])
            self.session = try #require(session)
            procedure = try #require(self.session.site.procedure("add-users"))
            steps = procedure.steps.compactMap { if case .step(let step) = $0 { step } else { nil } }
        }

        func renderer(_ language: String = "en", color: Bool, hyperlinks: Bool = false) -> TerminalTextRenderer {
            let capabilities = ConsoleCapabilities(usesColor: color, supportsHyperlinks: hyperlinks, isInteractive: true, width: 80)
            return TerminalTextRenderer(
                site: session.site, plainTexts: session.plainTexts, strings: session.strings, language: language,
                capabilities: capabilities)
        }

        func step(_ id: String) throws -> Step {
            try #require(steps.first { $0.id == id })
        }

        func scope(_ step: Step) -> LinkResolver.Scope {
            LinkResolver.Scope(procedure: procedure, step: step)
        }

        /// A step's text.
        func text(of id: String) throws -> Text {
            try #require(try step(id).text)
        }
    }

    static let values = ["account": "123456789"]

    /// Lines as seen on screen: escape sequences removed.
    static func visible(_ text: TerminalText) -> [String] {
        text.lines.map(TerminalText.removingEscapes)
    }

    static func hasControlCharacter(_ line: String) -> Bool {
        line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    // MARK: - Golden files

    @Test(arguments: [20, 40, 80])
    func renderedTextsMatchTheirSnapshots(width: Int) throws {
        let loaded = try Loaded()
        let step = try loaded.step("fill-in")
        for (language, color) in [("en", false), ("en", true), ("nl", false)] {
            let renderer = loaded.renderer(language, color: color, hyperlinks: color)
            let title = renderer.inline(step.title, in: loaded.scope(step), values: Self.values)
            let body = renderer.render(try loaded.text(of: "fill-in"), in: loaded.scope(step), values: Self.values, width: width)
            let structureStep = try loaded.step("structure")
            let structure = renderer.render(
                try loaded.text(of: "structure"), in: loaded.scope(structureStep), values: Self.values, width: width, indent: 2)
            let ruler = String(String(repeating: "----+----|", count: width / 10 + 1).prefix(width))
            let document = ([title.lines[0], ruler] + body.lines + [ruler] + structure.lines + [ruler]).joined(separator: "\n") + "\n"
            let visibleEscapes = document.replacingOccurrences(of: "\u{1B}", with: "␛")
            let name = "terminal/fill-in-\(language)-\(width)-\(color ? "colour" : "plain").txt"
            if let mismatch = Snapshot.mismatch(visibleEscapes, named: name, target: "WegwijsCoreTests") {
                Issue.record(Comment(rawValue: mismatch))
            }
        }
    }

    // MARK: - Properties at every width

    /// Every text of the fixture, rendered as blocks and on one line.
    static func everything(_ loaded: Loaded, _ renderer: TerminalTextRenderer, width: Int, indent: Int = 0) throws -> [TerminalText] {
        var results: [TerminalText] = []
        for step in loaded.steps {
            results.append(renderer.inline(step.title, in: loaded.scope(step), values: values))
            if let text = step.text {
                results.append(renderer.render(text, in: loaded.scope(step), values: values, width: width, indent: indent))
            }
        }
        return results
    }

    @Test func withoutColourNoEscapeSequenceIsWritten() throws {
        let loaded = try Loaded()
        for language in ["en", "nl"] {
            let renderer = loaded.renderer(language, color: false, hyperlinks: true)
            for width in [1, 2, 7, 20, 40, 80, 500] {
                for text in try Self.everything(loaded, renderer, width: width, indent: 2) {
                    for line in text.lines {
                        #expect(!Self.hasControlCharacter(line), "\(language) \(width): \(line)")
                    }
                }
            }
        }
    }

    @Test(arguments: [false, true])
    func everyLineFitsTheWidth(color: Bool) throws {
        let loaded = try Loaded()
        let renderer = loaded.renderer(color: color, hyperlinks: color)
        for width in Array(2...100) + [120, 500] {
            for indent in [0, 3] {
                for text in try Self.everything(loaded, renderer, width: width, indent: indent) where text.lines.count > 1 {
                    for line in Self.visible(text) {
                        #expect(TerminalText.displayWidth(line) <= width, "width \(width), indent \(indent): '\(line)'")
                    }
                }
            }
        }
    }

    /// Prose lines never end with a space (code lines keep theirs: they are content).
    @Test func proseLinesHaveNoTrailingSpace() throws {
        let loaded = try Loaded()
        let renderer = loaded.renderer("nl", color: false)
        for width in 1...60 {
            for text in try Self.everything(loaded, renderer, width: width) {
                for line in text.lines where !line.isEmpty {
                    #expect(line.last != " ", "width \(width): '\(line)'")
                }
            }
        }
    }

    @Test func theNarrowestAndWidestLayoutsEnd() throws {
        let loaded = try Loaded()
        let step = try loaded.step("fill-in")
        let renderer = loaded.renderer(color: true, hyperlinks: true)
        let text = try loaded.text(of: "fill-in")

        let narrow = renderer.render(text, in: loaded.scope(step), values: Self.values, width: 1, indent: 4)
        let visible = Self.visible(narrow)
        // A wide character cannot be split: alone on its line, it is the only thing wider than one column.
        #expect(visible.allSatisfy { TerminalText.displayWidth($0) <= 2 })
        #expect(visible.filter { TerminalText.displayWidth($0) == 2 }.allSatisfy { $0.count == 1 })
        #expect(visible.joined().contains("Supercalifragilisticexpialidociously-long-identifier;"))
        #expect(visible.joined().contains("日本語のテキストを表示します;"))

        let wide = renderer.render(text, in: loaded.scope(step), values: Self.values, width: 500)
        let first = try #require(Self.visible(wide).first)
        #expect(first.hasPrefix("First Log in, as in step 1: Open the portal."))
        #expect(first.hasSuffix("https://example.com/faq."))

        for width in [0, -5, Int.max] {
            let odd = renderer.render(text, in: loaded.scope(step), values: Self.values, width: width, indent: Int.max)
            #expect(!odd.lines.isEmpty)
        }
    }

    // MARK: - Safety

    @Test func contentCannotWriteControlCharactersOrEscapeSequences() throws {
        let loaded = try Loaded()
        let step = try loaded.step("check")
        let renderer = loaded.renderer(color: true, hyperlinks: true)
        let values = ["account": "\u{1B}[2J12\u{9B}3"]
        let rendered = renderer.render(try loaded.text(of: "check"), in: loaded.scope(step), values: values, width: 40)
        let lines = rendered.lines
        for line in lines {
            // Once this program's own sequences are removed, no ESC (or other control character) is left.
            #expect(!Self.hasControlCharacter(TerminalText.removingEscapes(line)), "\(line)")
            #expect(!line.contains("evil.example"), "a URL with a control character is no hyperlink: \(line)")
        }
        let shown = Self.visible(rendered).joined(separator: " ")
        #expect(shown.contains("Escape \u{FFFD}[31mred and C1 \u{FFFD}2J and bell \u{FFFD} and a link and \u{FFFD}[1m too."))

        let fill = try loaded.step("fill-in")
        let withValue = renderer.render(try loaded.text(of: "fill-in"), in: loaded.scope(fill), values: values, width: 80)
        #expect(withValue.lines.allSatisfy { !Self.hasControlCharacter(TerminalText.removingEscapes($0)) })
        #expect(Self.visible(withValue).joined().contains("Type \u{FFFD}[2J12\u{FFFD}3 in"))
    }

    @Test func hyperlinkAddressesArePercentEncoded() throws {
        let loaded = try Loaded()
        let step = try loaded.step("fill-in")
        let text = try loaded.text(of: "fill-in")
        let linked = loaded.renderer(color: true, hyperlinks: true).render(text, in: loaded.scope(step), values: [:], width: 80)
        let joined = linked.lines.joined()
        #expect(joined.contains("\u{1B}]8;;https://example.com/manual?q=%C3%A9%C3%A9n\u{1B}\\\u{1B}[4mthe manual\u{1B}[0m\u{1B}]8;;\u{1B}\\"))
        #expect(!Self.visible(linked).joined().contains("(https://"))

        let unlinked = loaded.renderer(color: true, hyperlinks: false).render(text, in: loaded.scope(step), values: [:], width: 80)
        #expect(!unlinked.lines.joined().contains("]8;;"))
        let shown = Self.visible(unlinked).joined(separator: " ")
        #expect(shown.contains("the manual (https://example.com/manual?q=één)"))
        #expect(shown.contains("and https://example.com/faq."))
        #expect(shown.contains("Ask your admin (admin@example.com) first."))
    }

    // MARK: - Meaningful links

    @Test func referencesAreCollectedInOrder() throws {
        let loaded = try Loaded()
        let step = try loaded.step("fill-in")
        let text = try loaded.text(of: "fill-in")
        let english = loaded.renderer(color: false).render(text, in: loaded.scope(step), values: [:], width: 40)
        #expect(english.references == [
            TerminalText.Reference(procedureID: "log-in", title: "Log in"),
            TerminalText.Reference(procedureID: "log-in", stepID: "open", title: "Log in"),
        ])
        let dutch = loaded.renderer("nl", color: true).render(text, in: loaded.scope(step), values: [:], width: 40)
        #expect(dutch.references.map(\.title) == ["Inloggen", "Inloggen"])
        #expect(Self.visible(dutch).joined(separator: " ").contains("Eerst Inloggen, zoals in stap 1: Open het portaal."))
    }

    @Test func aLegendThatNamesItsOwnCalloutEnds() throws {
        let loaded = try Loaded()
        let step = try loaded.step("glued")
        let text = try #require(step.text)
        let rendered = loaded.renderer(color: false).render(text, in: loaded.scope(step), values: [:], width: 80)
        #expect(rendered.lines == ["See [1: Itself [1] and “Log in”]."])
        #expect(rendered.references.map(\.procedureID) == ["log-in"])
    }

    @Test func inputValuesAreSubstituted() throws {
        let loaded = try Loaded()
        let step = try loaded.step("fill-in")
        let text = try loaded.text(of: "fill-in")
        let renderer = loaded.renderer(color: false)
        let shown = { (values: [String: String]) in
            Self.visible(renderer.render(text, in: loaded.scope(step), values: values, width: 80)).joined(separator: " ")
        }
        #expect(shown(["account": "123456789", "email": "a@b.nl"]).contains("Type «123456789» in the ‘Account Number’ column"))
        #expect(shown(["account": "123456789", "email": "a@b.nl"]).contains("then «a@b.nl» in ‘Email ID’"))
        #expect(shown([:]).contains("Type ‹Account number› in"))
        #expect(shown(["account": ""]).contains("Type ‹Account number› in"))

        let colored = loaded.renderer(color: true).render(text, in: loaded.scope(step), values: Self.values, width: 80)
        #expect(colored.lines.joined().contains("Type \u{1B}[1;32m123456789\u{1B}[0m in"))
    }

    @Test func termsAndCalloutsStayReadableWithoutColour() throws {
        let loaded = try Loaded()
        let step = try loaded.step("fill-in")
        let text = try loaded.text(of: "fill-in")
        let plain = loaded.renderer(color: false).render(text, in: loaded.scope(step), values: [:], width: 500)
        #expect(plain.lines[0].contains("in the ‘Account Number’ column [1: ‘Account Number’ column], then"))
        #expect(plain.lines[0].contains("Click ‘Save’ and wait; run `wegwijs check` when"))

        let colored = loaded.renderer(color: true).render(text, in: loaded.scope(step), values: [:], width: 500)
        #expect(colored.lines[0].contains("in the \u{1B}[1;36mAccount Number\u{1B}[0m column"))
        #expect(colored.lines[0].contains("\u{1B}[1;35m[2: Email ID column]\u{1B}[0m"))
        #expect(!colored.lines[0].contains("‘"))
    }

    @Test func aCalloutStaysOnTheLineOfTheWordBeforeIt() throws {
        let loaded = try Loaded()
        let step = try loaded.step("fill-in")
        let text = try loaded.text(of: "fill-in")
        let renderer = loaded.renderer(color: false)
        for width in 30...80 {
            let lines = renderer.render(text, in: loaded.scope(step), values: Self.values, width: width).lines
            #expect(!lines.contains { $0.hasPrefix("[1:") || $0.hasPrefix("[2:") }, "width \(width)")
        }
    }

    // MARK: - Layout

    @Test func displayWidthDecidesWhereLinesBreak() throws {
        let loaded = try Loaded()
        let step = try loaded.step("widths")
        let text = try #require(step.text)
        let lines = loaded.renderer(color: false).render(text, in: loaded.scope(step), values: [:], width: 4).lines
        #expect(lines == ["één", "één", "ééén", "e\u{301}e\u{301}n", "日本", "🚚🚚"])
        let narrower = loaded.renderer(color: false).render(text, in: loaded.scope(step), values: [:], width: 3).lines
        #expect(narrower.suffix(4) == ["日", "本", "🚚", "🚚"])
    }

    @Test func codeLinesAreBrokenNeverCut() throws {
        let loaded = try Loaded()
        let step = try loaded.step("fill-in")
        let text = try loaded.text(of: "fill-in")
        let command = "curl -X POST \"https://portal.example.com/api/v1/users?account=123456789&notify=true\""
        for width in [8, 20, 33, 40] {
            let lines = loaded.renderer(color: false).render(text, in: loaded.scope(step), values: [:], width: width).lines
            let start = try #require(lines.firstIndex { $0.hasSuffix("curl -X POST \"ht") || $0.contains("curl") })
            var pieces = [String(lines[start].drop { $0 == " " })]
            for line in lines[(start + 1)...] {
                guard let mark = line.range(of: "↪ ") else { break }
                pieces.append(String(line[mark.upperBound...]))
            }
            #expect(pieces.joined() == command, "width \(width)")
        }
    }

    @Test func untranslatedTextIsShownInTheSourceLanguageAndFlagged() throws {
        let loaded = try Loaded()
        let dutch = loaded.renderer("nl", color: false)
        let check = try loaded.step("check")
        let fallback = dutch.render(try loaded.text(of: "check"), in: loaded.scope(check), values: [:], width: 40)
        #expect(fallback.isFallback)
        #expect(fallback.language == "en")
        #expect(fallback.lines.first?.hasPrefix("Escape") == true)

        let fill = try loaded.step("fill-in")
        let translated = dutch.render(try loaded.text(of: "fill-in"), in: loaded.scope(fill), values: [:], width: 40)
        #expect(!translated.isFallback)
        #expect(translated.language == "nl")

        // A text written once for every language is never a fallback.
        let widths = try loaded.step("widths")
        #expect(!dutch.inline(widths.title, in: loaded.scope(widths), values: [:]).isFallback)
    }

    @Test func inlineTextIsOneLine() throws {
        let loaded = try Loaded()
        let step = try loaded.step("fill-in")
        let line = loaded.renderer(color: false).inline(try loaded.text(of: "fill-in"), in: loaded.scope(step), values: Self.values)
        #expect(line.lines.count == 1)
        #expect(line.lines[0].contains("faq. A new line after a hard break. Check the status Then: open Users click ‘Save’ Never enable"))
        #expect(line.references.count == 2)
    }
}
