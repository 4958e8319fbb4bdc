import Foundation
import Testing
import WegwijsCore
import WegwijsTestSupport

/// An include step on the site shows the included procedure's steps in place, collapsed, their anchors unique on
/// the page; its link tells the included page where the reader came from, and that page offers the way back.
/// Markdown and the printed guide keep the include as a reference.
@Suite struct IncludeInPlaceTests {
    static let files: [String: String] = [
        "procedures/portal/log-in.yaml": """
            title: {en: Log in, nl: Inloggen}
            steps:
              - id: open
                title: {en: Open the portal, nl: Open het portaal}
                text: {en: "Click [](callout:1).", nl: "Klik op [](callout:1)."}
                figure:
                  src: images/a.svg
                  alt: {en: The portal, nl: Het portaal}
                  callouts: [{en: The button, nl: De knop}]
              - id: fill-in
                title: {en: Sign in, nl: Meld je aan}

            """,
        "procedures/portal/add-users.yaml": """
            title: {en: Add users, nl: Gebruikers toevoegen}
            steps:
              - id: fill-in
                title: {en: Prepare, nl: Bereid voor}
              - include: log-in

            """,
        "images/a.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>",
    ]

    @Test func theIncludedStepsAreShownInPlaceWithUniqueAnchors() throws {
        let fixture = try ContentFixture(Self.files)
        #expect(fixture.diagnosticLines() == [])
        let page = try RegisterTests.page("add-users", in: fixture, language: "en")
        #expect(page.contains("<details class=\"included-steps\">\n<summary>Show the 2 steps of Log in</summary>"))
        #expect(page.contains("href=\"log-in.html?from=add-users&amp;step=step-2\""))
        // Both procedures have a step 'fill-in': the one shown in place carries the include's anchor.
        #expect(page.contains("id=\"fill-in\""))
        #expect(page.contains("id=\"step-2--fill-in\""))
        #expect(page.contains("id=\"step-2--open-figure\""))
        #expect(page.contains("href=\"#step-2--open-callout-1\""))
        #expect(page.contains("<li id=\"step-2--open-callout-1\">"))
        #expect(page.contains("Step 2.1"))
        #expect(page.contains("<span class=\"visually-hidden\">Link to step 2.1</span>"))
        let dutch = try RegisterTests.page("add-users", in: fixture, language: "nl")
        #expect(dutch.contains("<summary>Toon de 2 stappen van Inloggen</summary>"))
    }

    @Test func theIncludedPageOffersTheWayBack() throws {
        let fixture = try ContentFixture(Self.files)
        let page = try RegisterTests.page("log-in", in: fixture, language: "nl")
        #expect(page.contains(
            "<p class=\"back-link\" hidden data-from=\"add-users\" data-step=\"step-2\"><a href=\"add-users.html#step-2\">"
                + "<span aria-hidden=\"true\">← </span>Terug naar Gebruikers toevoegen, stap 2</a></p>"))
        #expect(!(try RegisterTests.page("add-users", in: fixture, language: "nl")).contains("back-link"))
    }

    @Test func markdownAndPrintKeepTheReference() throws {
        let fixture = try ContentFixture(Self.files)
        for format in [OutputFormat.markdown, .print] {
            let page = try RegisterTests.page("add-users", in: fixture, language: "en", format: format)
            #expect(!page.contains("included-steps"), "\(format)")
            #expect(!page.contains("?from="), "\(format)")
            #expect(!page.contains("step-2--"), "\(format)")
        }
    }
}
