import Foundation
import Testing
import WegwijsTestSupport

@testable import WegwijsCore

/// The search index `build` writes: every text a reader sees, by section, with the stems of its words.
@Suite struct SearchIndexTests {
    static let glossary = """
        save: {en: Save, nl: Opslaan}

        """

    static let procedure = """
        title: {en: Approve users, nl: Gebruikers goedkeuren}
        summary: {en: Let a user in., nl: Laat een gebruiker toe.}
        requires: [{en: You hold the password., nl: Je hebt het wachtwoord.}]
        inputs:
          - {id: account, label: {en: Account number, nl: Klantnummer}}
        steps:
          - id: approving
            title: {en: Approving the request, nl: Het verzoek goedkeuren}
            text: {en: "Type [](input:account), then click [](term:save) [](callout:1).", nl: "Typ [](input:account) en klik op [](term:save) [](callout:1)."}
            figure: {src: images/a.svg, alt: {en: The pick-up form, nl: Het ophaalformulier}, callouts: [{en: The red star, nl: De rode ster}]}
            notes: [{type: warning, text: {en: Fields are mandatory., nl: Velden zijn verplicht.}}]
            result: {en: The e-mail is sent., nl: De e-mail is verzonden.}
          - title: {en: Done, nl: Klaar}

        """

    /// The index of `language`'s pages as `build` writes it, decoded.
    static func index(language: String, fixture: ContentFixture) throws -> (text: String, pages: [[String: Any]], stems: [String: String]) {
        let session = try #require(fixture.open().session)
        let index = SearchIndex(site: session.site, plainTexts: session.plainTexts, strings: session.strings, language: language)
        var text = ""
        index.write { text += $0 }
        let prefix = "window.wegwijsSearchIndex = "
        let json = try #require(text.range(of: prefix).map { String(text[$0.upperBound...]) }).trimmingCharacters(in: .whitespacesAndNewlines)
        let object = try JSONSerialization.jsonObject(with: Data(json.dropLast().utf8)) as? [String: Any]
        return (text, try #require(object?["pages"] as? [[String: Any]]), try #require(object?["stems"] as? [String: String]))
    }

    static func fixture(site: String? = nil) throws -> ContentFixture {
        var files = ["procedures/portal/approve-users.yaml": procedure, "glossary.yaml": glossary, "images/a.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"]
        if let site { files["site.yaml"] = site }
        return try ContentFixture(files)
    }

    @Test func everyTextOfAPageIsInItsSections() throws {
        let fixture = try Self.fixture()
        #expect(fixture.diagnosticLines().filter { $0.contains("error") } == [])
        let (_, pages, _) = try Self.index(language: "en", fixture: fixture)
        let page = try #require(pages.first)
        #expect(page["href"] as? String == "approve-users.html")
        #expect(page["title"] as? String == "Approve users")
        let sections = try #require(page["sections"] as? [[String: Any]])
        #expect(sections.count == 3)
        #expect(sections[0]["anchor"] == nil)
        #expect(sections[0]["text"] as? String == "Let a user in.\nYou hold the password.\nAccount number")
        #expect(sections[1]["anchor"] as? String == "approving")
        #expect(sections[1]["number"] as? Int == 1)
        #expect(sections[1]["title"] as? String == "Approving the request")
        // The text with its links as the page reads them, the figure's description and legend, the note, the result.
        #expect(sections[1]["text"] as? String == """
            Type Account number, then click Save 1.
            The pick-up form
            The red star
            Fields are mandatory.
            The e-mail is sent.
            """)
        #expect(sections[2]["anchor"] as? String == "step-2")
        #expect(sections[2]["text"] as? String == "")
    }

    @Test func theIndexCarriesTheStemsOfTheSitesWords() throws {
        let fixture = try Self.fixture()
        let english = try Self.index(language: "en", fixture: fixture).stems
        #expect(english["approving"] == "approv")
        #expect(english["approve"] == "approv")
        #expect(english["users"] == "user")
        #expect(english["mandatory"] == "mandatori")
        #expect(english["pickup"] == nil && english["pick"] == nil)  // a stem that is its word is left out
        let dutch = try Self.index(language: "nl", fixture: fixture).stems
        #expect(dutch["gebruikers"] == "gebruiker")
        #expect(dutch["goedkeuren"] == "goedkeur")
    }

    @Test func aLanguageWithoutAStemmerHasNoStems() throws {
        let site = """
            title: {en: Guides, nl: Handleidingen, fy: Hantliedings}
            languages: [en, nl, fy]
            groups:
              - id: portal
                title: Portal

            """
        let fixture = try Self.fixture(site: site)
        let english = try String(contentsOf: fixture.templates.appendingPathComponent("strings/en.yaml"), encoding: .utf8)
        try english.replacingOccurrences(of: "search.stemmer: english", with: "search.stemmer: none")
            .replacingOccurrences(of: "language.name: English", with: "language.name: Frysk")
            .write(to: fixture.templates.appendingPathComponent("strings/fy.yaml"), atomically: true, encoding: .utf8)
        let (_, pages, stems) = try Self.index(language: "fy", fixture: fixture)
        let page = try #require(pages.first)
        #expect(stems == [:])
        #expect(page["title"] as? String == "Approve users")
        #expect(page["lang"] as? String == "en")  // shown untranslated
    }

    @Test func theIndexIsTheSameEachTime() throws {
        let fixture = try Self.fixture()
        let first = try Self.index(language: "nl", fixture: fixture).text
        #expect(try Self.index(language: "nl", fixture: fixture).text == first)
        #expect(first.hasPrefix("// The search index of the nl pages"))
        #expect(first.contains("window.wegwijsSearchIndex = {\"language\": \"nl\", \"pages\": [\n{\"href\":\"approve-users.html\""))
        #expect(first.contains("\n],\n\"stems\": {\""))
        #expect(first.hasSuffix("\"}};\n"))
    }
}
