import Foundation
import Testing
import WegwijsCore
import WegwijsTestSupport

/// Each kind of content problem: its message, line and column, asserted as `file:line:col: severity: summary`.
@Suite struct ContentDiagnosticsTests {
    /// A valid procedure; tests replace parts of it.
    static let procedure = """
        title:
          en: Add users
          nl: Gebruikers toevoegen
        steps:
          - id: fill-in
            title: {en: Fill in, nl: Invullen}

        """

    func lines(_ files: [String: String]) throws -> [String] {
        try ContentFixture(files).diagnosticLines()
    }

    func expectLines(_ files: [String: String], _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let actual = try lines(files)
        #expect(actual == expected, sourceLocation: sourceLocation)
    }

    @Test func validContentHasNoDiagnostics() throws {
        try expectLines(["procedures/portal/add-users.yaml": Self.procedure], [])
    }

    @Test func yamlSyntaxError() throws {
        try expectLines(["procedures/portal/add-users.yaml": "title: {en: Add\nsteps: [\n"], [
            "procedures/portal/add-users.yaml:2:6: error: YAML syntax error: did not find expected ',' or '}'"
        ])
    }

    @Test(arguments: ["\n", "\r\n"])
    func tabIndentationIsExplained(lineEnd: String) throws {
        let yaml = ["title:", "  en: Add", "steps:", "\t- title: x", ""].joined(separator: lineEnd)
        let fixture = try ContentFixture(["procedures/portal/add-users.yaml": yaml])
        let diagnostics = fixture.open().diagnostics.sorted
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.line == 4)
        #expect(diagnostics.first?.notes.contains { $0.contains("spaces") } == true)
    }

    @Test func invalidUTF8() throws {
        let fixture = try ContentFixture([:])
        try fixture.write(Data("title: ok\nsteps: caf".utf8) + Data([0xE9, 0x0A]), to: "procedures/portal/bad.yaml")
        #expect(fixture.diagnosticLines() == ["procedures/portal/bad.yaml:2:11: error: the file is not valid UTF-8"])
    }

    @Test func byteOrderMarkAndCRLFAreValid() throws {
        let fixture = try ContentFixture([:])
        let text = Self.procedure.replacingOccurrences(of: "\n", with: "\r\n")
        try fixture.write(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8), to: "procedures/portal/add-users.yaml")
        #expect(fixture.diagnosticLines() == [])
        #expect(fixture.open().session?.site.procedure("add-users")?.title.entry(in: "nl")?.value == "Gebruikers toevoegen")
    }

    @Test func unknownKeyWithSuggestion() throws {
        let text = Self.procedure.replacingOccurrences(of: "steps:", with: "stpes:")
        try expectLines(["procedures/portal/add-users.yaml": text], [
            "procedures/portal/add-users.yaml:1:1: error: procedure 'add-users' has no 'steps'",
            "procedures/portal/add-users.yaml:4:1: error: unknown key 'stpes' in procedure 'add-users' (did you mean 'steps'?)",
        ])
    }

    @Test func wrongTypes() throws {
        let text = """
            title: [Add users]
            requires: You have rights
            steps:
              - id: fill-in
                title: {en: Fill in, nl: Invullen}
                notes: {type: tip}

            """
        try expectLines(["procedures/portal/add-users.yaml": text], [
            "procedures/portal/add-users.yaml:1:8: error: the title must be a text (a string, or a mapping of languages to strings), not a list",
            "procedures/portal/add-users.yaml:2:11: error: 'requires' must be a list, not a string",
            "procedures/portal/add-users.yaml:6:12: error: 'notes' must be a list, not a mapping",
        ])
    }

    @Test func missingRequiredFields() throws {
        let text = """
            title: {en: Add users, nl: Gebruikers toevoegen}
            steps:
              - id: fill-in
                text: {en: Fill, nl: Vul}
                figure:
                  src: images/x.svg

            """
        try expectLines(["procedures/portal/add-users.yaml": text], [
            "procedures/portal/add-users.yaml:3:5: error: step 1 has no 'title'",
            "procedures/portal/add-users.yaml:6:7: error: the figure has no 'alt'",
        ])
    }

    @Test func malformedIDs() throws {
        let text = Self.procedure.replacingOccurrences(of: "id: fill-in", with: "id: Fill_In")
        try expectLines([
            "procedures/portal/add-users.yaml": text,
            "procedures/portal/Add Users.yaml": Self.procedure,
        ], [
            "procedures/portal/Add Users.yaml:1:1: error: file name 'Add Users.yaml' is not a valid procedure id (did you mean 'add-users.yaml'?)",
            "procedures/portal/add-users.yaml:5:9: error: step id 'Fill_In' is not a valid id (did you mean 'fill-in'?)",
        ])
    }

    @Test func duplicateIDs() throws {
        let text = Self.procedure + """
              - id: fill-in
                title: {en: Again, nl: Opnieuw}
            inputs:
              - {id: account, label: Account}
              - {id: account, label: Account}

            """
        try expectLines(["procedures/portal/add-users.yaml": text], [
            "procedures/portal/add-users.yaml:7:9: error: step id 'fill-in' is already used at line 5 of this procedure",
            "procedures/portal/add-users.yaml:11:10: error: input 'account' is declared twice in this procedure",
        ])
    }

    /// At the second occurrence, with the first in a note (Yams could only point at the mapping).
    @Test func duplicateKey() throws {
        let text = Self.procedure + "title: {en: Again, nl: Weer}\n"
        try expectLines(["procedures/portal/add-users.yaml": text], [
            "procedures/portal/add-users.yaml:7:1: error: duplicate key 'title' in this mapping"
        ])
        let diagnostic = try ContentFixture(["procedures/portal/add-users.yaml": text]).open().diagnostics.sorted.first
        #expect(diagnostic?.notes.first == "'title' is first at line 1, column 1.")
    }

    @Test func undeclaredGroupFolder() throws {
        try expectLines(["procedures/portl/add-users.yaml": Self.procedure], [
            "procedures/portl/add-users.yaml:1:1: error: procedure in group folder 'portl', which site.yaml does not declare (did you mean 'portal'?)"
        ])
    }

    @Test func procedureIDUsedTwice() throws {
        try expectLines([
            "procedures/portal/add-users.yaml": Self.procedure,
            "procedures/other/add-users.yaml": Self.procedure,
        ], [
            "procedures/portal/add-users.yaml:1:1: error: procedure id 'add-users' is already used by content/procedures/other/add-users.yaml"
        ])
    }

    @Test func unknownReferences() throws {
        let text = """
            title: {en: Add users, nl: Gebruikers toevoegen}
            inputs:
              - {id: account, label: {en: Account, nl: Klantnummer}}
            steps:
              - id: fill-in
                title: {en: Fill in, nl: Invullen}
                text:
                  en: |
                    See [](ref:aprove-users) and [](ref:approve-users#aprove).
                    Click [](term:sav) and type [](input:acount).
                  nl: "Zie [](ref:approve-users#approve) en [](callout:1)."

            """
        let approve = """
            title: {en: Approve users, nl: Gebruikers goedkeuren}
            steps:
              - id: approve
                title: {en: Approve, nl: Goedkeuren}

            """
        try expectLines([
            "procedures/portal/add-users.yaml": text,
            "procedures/portal/approve-users.yaml": approve,
            "glossary.yaml": "save: {en: Save, nl: Opslaan}\n",
        ], [
            "glossary.yaml:1:1: warning: glossary term 'save' is not used by any text",
            "procedures/portal/add-users.yaml:9:13: error: reference to unknown procedure 'aprove-users' (did you mean 'approve-users'?)",
            "procedures/portal/add-users.yaml:9:38: error: procedure 'approve-users' has no step 'aprove' (did you mean 'approve'?)",
            "procedures/portal/add-users.yaml:10:15: error: unknown glossary term 'sav' (did you mean 'save'?)",
            "procedures/portal/add-users.yaml:10:37: error: procedure 'add-users' has no input 'acount' (did you mean 'account'?)",
            "procedures/portal/add-users.yaml:11:49: error: callout 1 refers to a figure, but this step has none",
        ])
    }

    @Test func referenceToStepWithoutID() throws {
        let text = """
            title: {en: A, nl: A}
            steps:
              - title: {en: First, nl: Eerste}
              - title: {en: Second, nl: Tweede}
                text: "[](ref:add-users#step-1)"

            """
        try expectLines(["procedures/portal/add-users.yaml": text], [
            "procedures/portal/add-users.yaml:5:12: error: step 'step-1' of 'add-users' has no id of its own and cannot be referred to"
        ])
    }

    @Test func calloutNumbers() throws {
        let fixture = try ContentFixture([
            "procedures/portal/add-users.yaml": """
                title: {en: A, nl: A}
                steps:
                  - id: one
                    title: {en: "Click [](callout:3)", nl: "Klik [](callout:1)"}
                    figure:
                      src: images/screen.svg
                      alt: {en: Screen, nl: Scherm}
                      callouts:
                        - {en: Button, nl: Knop}
                        - {en: Field, nl: Veld}

                """,
            "images/screen.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
        ])
        #expect(fixture.diagnosticLines() == [
            "procedures/portal/add-users.yaml:4:24: error: callout 3 does not exist: the figure of this step has 2 callouts"
        ])
    }

    @Test func includeCycleIsNamedInFull() throws {
        func procedure(including other: String) -> String {
            "title: {en: T, nl: T}\nsteps:\n  - include: \(other)\n"
        }
        try expectLines([
            "procedures/portal/a.yaml": procedure(including: "b"),
            "procedures/portal/b.yaml": procedure(including: "c"),
            "procedures/portal/c.yaml": procedure(including: "a"),
            "procedures/portal/d.yaml": procedure(including: "e"),
        ], [
            "procedures/portal/a.yaml:3:14: error: include cycle: 'a' → 'b' → 'c' → 'a'",
            "procedures/portal/d.yaml:3:14: error: include of unknown procedure 'e'",
        ])
    }

    @Test func figurePaths() throws {
        let fixture = try ContentFixture([
            "procedures/portal/add-users.yaml": """
                title: {en: A, nl: A}
                steps:
                  - title: {en: One, nl: Een}
                    figure: {src: images/missing.svg, alt: {en: X, nl: X}}
                  - title: {en: Two, nl: Twee}
                    figure: {src: ../secret.svg, alt: {en: X, nl: X}}
                  - title: {en: Three, nl: Drie}
                    figure: {src: /etc/passwd, alt: {en: X, nl: X}}
                  - title: {en: Four, nl: Vier}
                    figure: {src: images/link.svg, alt: {en: X, nl: X}}

                """
        ])
        let outside = fixture.root.appendingPathComponent("outside.svg")
        try Data("<svg/>".utf8).write(to: outside)
        try FileManager.default.createDirectory(at: fixture.content.appendingPathComponent("images"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: fixture.content.appendingPathComponent("images/link.svg"), withDestinationURL: outside)
        #expect(fixture.diagnosticLines() == [
            "procedures/portal/add-users.yaml:4:19: error: figure file 'images/missing.svg' does not exist",
            "procedures/portal/add-users.yaml:6:19: error: figure path '../secret.svg' must not use '..', '.' or empty parts",
            "procedures/portal/add-users.yaml:8:19: error: figure path '/etc/passwd' must be relative to the content folder",
            "procedures/portal/add-users.yaml:10:19: error: figure 'images/link.svg' is a link that leads outside the content folder",
        ])
    }

    @Test func invalidInputPattern() throws {
        let text = Self.procedure + """
            inputs:
              - id: account
                label: Account
                pattern: '^[0-9{9}$'
              - id: code
                label: Code
                pattern: '^[A-Z]+$'
                example: abc

            """
        try expectLines(["procedures/portal/add-users.yaml": text], [
            "procedures/portal/add-users.yaml:10:14: error: invalid input pattern: '^[0-9{9}$' is not a valid regular expression",
            "procedures/portal/add-users.yaml:13:14: warning: the example 'abc' of input 'code' does not match its pattern",
        ])
    }

    @Test func untranslatedTextsAreWarningsAndMissingAltIsAnErrorOnlyInTheSourceLanguage() throws {
        let fixture = try ContentFixture([
            "procedures/portal/add-users.yaml": """
                title:
                  en: Add users
                steps:
                  - title: {en: One, nl: Een}
                    figure: {src: images/s.svg, alt: {en: Screen}}
                  - title: {en: Two, nl: Twee}
                    figure: {src: images/s.svg, alt: {nl: Scherm}}

                """,
            "images/s.svg": "<svg/>",
        ])
        // A language without the alt text is a translation gap (the source's is read); without the source's, an error.
        #expect(fixture.diagnosticLines() == [
            "procedures/portal/add-users.yaml:2:3: warning: untranslated: no 'nl' text; the 'en' text is shown instead",
            "procedures/portal/add-users.yaml:5:38: warning: untranslated: the figure's alternative text has no 'nl' text; the 'en' text is shown instead",
            "procedures/portal/add-users.yaml:7:38: error: the figure's alternative text is missing in 'en'",
        ])
    }

    @Test func unknownLanguageAndNoteType() throws {
        let text = """
            title: {en: A, nl: A, de: A}
            steps:
              - title: {en: One, nl: Een}
                notes:
                  - {type: warnign, text: {en: Careful, nl: Voorzichtig}}

            """
        try expectLines(["procedures/portal/add-users.yaml": text], [
            "procedures/portal/add-users.yaml:1:23: error: 'de' in the title is not a language of the site",
            "procedures/portal/add-users.yaml:5:16: error: unknown note type 'warnign' (did you mean 'warning'?)",
        ])
    }

    @Test func unknownAudience() throws {
        let text = Self.procedure + "audience: admins\n"
        try expectLines(["procedures/portal/add-users.yaml": text], [
            "procedures/portal/add-users.yaml:7:11: error: unknown audience 'admins' (did you mean 'admin'?)"
        ])
    }

    @Test func siteProblems() throws {
        let site = """
            title: {en: Guides, nl: Gidsen}
            languages: [en, nl, fr]
            groups:
              - id: portal
                title: Portal
              - id: portal
                title: Again

            """
        try expectLines(["site.yaml": site], [
            "site.yaml:1:1: warning: the content folder has no procedures/ folder",
            "site.yaml:1:8: warning: untranslated: no 'fr' text; the 'en' text is shown instead",
            "site.yaml:2:21: error: no interface strings for language 'fr'",
            "site.yaml:6:5: error: group 'portal' is declared twice",
        ])
    }

    @Test func missingSiteFile() throws {
        let fixture = try ContentFixture([:])
        try FileManager.default.removeItem(at: fixture.content.appendingPathComponent("site.yaml"))
        #expect(fixture.diagnosticLines() == ["site.yaml:1:1: error: no site.yaml in the content folder 'content'"])
    }

    @Test func allProblemsAreReportedInOneRun() throws {
        let broken = Self.procedure.replacingOccurrences(of: "steps:", with: "stpes:")
        let result = try lines([
            "procedures/portal/a.yaml": broken,
            "procedures/portal/b.yaml": "title: [x\n",
            "procedures/portal/c.yaml": Self.procedure + "audience: nobody\n",
        ])
        #expect(Set(result.map { $0.split(separator: ":").first.map(String.init) ?? "" }) == [
            "procedures/portal/a.yaml", "procedures/portal/b.yaml", "procedures/portal/c.yaml",
        ])
        #expect(result == result.sorted { $0.localizedStandardCompare($1) == .orderedAscending })
    }
    /// Raw HTML and links or images no output may show are taken out of the page; `check` says where, so a
    /// writer learns why a word lost its emphasis or its link (in every language, every scalar style).
    @Test func rawHTMLAndUnsafeLinksAreWarnedOfWhereTheyStand() throws {
        let text = """
            title:
              en: Add <b>users</b>
              nl: "Gebruikers [toevoegen](javascript:alert(1))"
            steps:
              - id: fill-in
                title: {en: Fill in, nl: Invullen}
                text:
                  en: |
                    <div>Boxed</div>

                    See [the manual][m] and <vbscript:x> ![logo](data:image/svg+xml;base64,PHN2Zz4=).

                    [m]: file:///etc/passwd
                  nl: Zie [de handleiding](https://example.com) en ![logo](file:///logo.png).

            """
        try expectLines(["procedures/portal/add-users.yaml": text], [
            "procedures/portal/add-users.yaml:2:11: warning: raw HTML is left out of every output: '<b>'",
            "procedures/portal/add-users.yaml:2:19: warning: raw HTML is left out of every output: '</b>'",
            "procedures/portal/add-users.yaml:3:19: warning: the link to 'javascript:alert(1)' is shown as plain text: its scheme is not allowed",
            "procedures/portal/add-users.yaml:9:9: warning: raw HTML is left out of every output: '<div>Boxed</div>'",
            "procedures/portal/add-users.yaml:11:13: warning: the link to 'file:///etc/passwd' is shown as plain text: its scheme is not allowed",
            "procedures/portal/add-users.yaml:11:33: warning: the link to 'vbscript:x' is shown as plain text: its scheme is not allowed",
            // The fourth of one text: counted, not listed.
            "procedures/portal/add-users.yaml:11:46: warning: 1 more raw HTML tags, links or images like the ones above, from here on, no output shows",
            "procedures/portal/add-users.yaml:14:56: warning: the image 'file:///logo.png' is shown as its alternative text: its source is not allowed",
        ])
    }
}
