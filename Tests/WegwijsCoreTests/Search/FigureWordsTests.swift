import Foundation
import Testing
import WegwijsTestSupport

@testable import WegwijsCore

/// The words an SVG figure shows, which the search index adds to the figure's step.
@Suite struct FigureWordsTests {
    @Test func theTextElementsOfAnSVGAreItsWords() {
        let svg = """
            <?xml version="1.0"?>
            <svg xmlns="http://www.w3.org/2000/svg"><title>Not shown</title><desc>Nor this</desc>
              <rect width="10" height="10"/><text x="1">Alle autorisaties <tspan>intrekken</tspan></text>
              <g><text>Track &amp; Trace</text><text>  Opslaan
              </text></g></svg>
            """
        #expect(FigureWords.text(ofSVG: Data(svg.utf8)) == "Alle autorisaties intrekken Track & Trace Opslaan")
    }

    @Test func aPrefixedSVGNamespaceCountsAlike() {
        let svg = "<s:svg xmlns:s='http://www.w3.org/2000/svg'><s:text>Versturen</s:text></s:svg>"
        #expect(FigureWords.text(ofSVG: Data(svg.utf8)) == "Versturen")
    }

    /// Untrusted files: a broken one gives no words, and an external entity is never read.
    @Test func aBrokenSVGGivesNoWordsAndExternalEntitiesAreNotRead() throws {
        #expect(FigureWords.text(ofSVG: Data("<svg><text>Half".utf8)) == "")
        #expect(FigureWords.text(ofSVG: Data([0xFF, 0xFE, 0x00])) == "")
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-secret-\(UUID().uuidString).txt")
        try Data("the secret".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let svg = "<!DOCTYPE svg [<!ENTITY x SYSTEM \"\(secret.absoluteString)\">]><svg><text>A &x; B</text></svg>"
        #expect(!FigureWords.text(ofSVG: Data(svg.utf8)).contains("secret"))
    }

    @Test func theSearchIndexHasAFiguresWordsInItsStep() throws {
        let procedure = """
            title: {en: Open authorisations, nl: Autorisaties openen}
            steps:
              - id: choose
                title: {en: Choose, nl: Kiezen}
                figure: {src: images/screen.svg, alt: {en: The screen, nl: Het scherm}}
              - id: raster
                title: {en: Look, nl: Kijken}
                figure: {src: images/photo.png, alt: {en: A photo, nl: Een foto}}

            """
        let fixture = try ContentFixture([
            "procedures/portal/open.yaml": procedure,
            "images/screen.svg": "<svg xmlns='http://www.w3.org/2000/svg'><text>Intrekken</text></svg>",
            "images/photo.png": "not an image",
        ])
        let session = try #require(fixture.open().session)
        let words = FigureWords(site: session.site, contentDirectory: fixture.content)
        let index = SearchIndex(site: session.site, plainTexts: session.plainTexts, strings: session.strings, language: "nl", figureWords: words)
        let page = index.page(try #require(session.site.procedure("open")))
        #expect(page.sections.map(\.text) == ["", "Het scherm\nIntrekken", "Een foto"])
    }
}
