import Foundation
import Testing
import WegwijsCore
import WegwijsTestSupport

/// The order of a group's procedures: the writers' `procedures:` list in site.yaml, else titles collated in each
/// language; the index, previous and next and the printed guide follow it; the list's problems are diagnostics.
@Suite struct ProcedureOrderTests {
    static func procedure(_ en: String, _ nl: String) -> String {
        "title: {en: \"\(en)\", nl: \"\(nl)\"}\nsteps:\n  - title: {en: Go, nl: Ga}\n"
    }

    /// Ids in another order than every language's titles, with accents and capitals that a plain comparison
    /// would put elsewhere.
    static let files: [String: String] = [
        "procedures/portal/a-second.yaml": procedure("banana", "Ábrikoos"),
        "procedures/portal/b-first.yaml": procedure("Apple", "zebra"),
        "procedures/portal/c-third.yaml": procedure("Éclair", "banaan"),
        "procedures/other/d-last.yaml": procedure("Aardvark", "Aardvarken"),
    ]

    func ids(_ fixture: ContentFixture, _ language: String) throws -> [String] {
        let session = try #require(fixture.open().session)
        return session.site.groups.flatMap { session.plainTexts.procedures(in: $0, language: language).map(\.id) }
    }

    @Test func titlesAreCollatedInEachLanguageIgnoringCaseAndAccents() throws {
        let fixture = try ContentFixture(Self.files)
        #expect(fixture.diagnosticLines() == [])
        // Groups keep site.yaml's order: 'other' (d-last) comes after 'portal' whatever its title.
        #expect(try ids(fixture, "en") == ["b-first", "a-second", "c-third", "d-last"])
        #expect(try ids(fixture, "nl") == ["a-second", "c-third", "b-first", "d-last"])
    }

    @Test func theIndexAndPreviousAndNextFollowTheLanguagesOrder() throws {
        let fixture = try ContentFixture(Self.files)
        let session = try #require(fixture.open().session)
        var diagnostics = Diagnostics()
        let templates = try #require(Templates.load(from: fixture.templates, displayPath: "templates", diagnostics: &diagnostics))
        let renderer = PageRenderer(
            site: session.site, strings: session.strings, templates: templates, plainTexts: session.plainTexts, language: "nl",
            format: .html)
        let index = String(decoding: renderer.indexPage().contents, as: UTF8.self)
        let positions = ["a-second", "c-third", "b-first", "d-last"].map { index.range(of: "href=\"\($0).html\"")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        let page = try RegisterTests.page("c-third", in: fixture, language: "nl")
        #expect(page.contains("rel=\"prev\" href=\"a-second.html\""))
        #expect(page.contains("rel=\"next\" href=\"b-first.html\""))
        #expect(page.contains("<a href=\"c-third.html\" aria-current=\"page\">banaan</a>"))
        #expect(page.contains("<p class=\"group\"><a href=\"index.html#group-portal\">Portal</a></p>"))
        // Across groups: the last of 'portal' leads on to the first of 'other'.
        #expect(try RegisterTests.page("b-first", in: fixture, language: "nl").contains("rel=\"next\" href=\"d-last.html\""))
    }

    static func site(order: String) -> String {
        """
        title:
          en: Guides
          nl: Handleidingen
        languages: [en, nl]
        groups:
          - id: portal
            title: Portal
            procedures:
        \(order)
          - id: other
            title: {en: Other, nl: Overig}

        """
    }

    @Test func theWritersListWinsAndWhatItLeavesOutFollowsByTitle() throws {
        let fixture = try ContentFixture(Self.files.merging(["site.yaml": Self.site(order: "      - c-third")]) { $1 })
        #expect(fixture.diagnosticLines() == [
            "site.yaml:9:9: warning: the order of group 'portal' leaves out 'a-second', 'b-first'",
        ])
        #expect(try ids(fixture, "en") == ["c-third", "b-first", "a-second", "d-last"])
        #expect(try ids(fixture, "nl") == ["c-third", "a-second", "b-first", "d-last"])
        let complete = try ContentFixture(Self.files.merging(["site.yaml": Self.site(order: "      [c-third, a-second, b-first]")]) { $1 })
        #expect(complete.diagnosticLines() == [])
        #expect(try ids(complete, "nl") == ["c-third", "a-second", "b-first", "d-last"])
    }

    @Test func unknownForeignAndRepeatedIdsAreReportedWhereTheyAreWritten() throws {
        let order = """
                  - c-third
                  - a-secnod
                  - c-third
                  - d-last
                  - Not-An-Id
            """
        let fixture = try ContentFixture(Self.files.merging(["site.yaml": Self.site(order: order)]) { $1 })
        #expect(fixture.diagnosticLines() == [
            "site.yaml:10:9: error: unknown procedure 'a-secnod' in the order of group 'portal' (did you mean 'a-second'?)",
            "site.yaml:11:9: error: procedure 'c-third' is listed twice in the order of group 'portal'",
            "site.yaml:12:9: error: procedure 'd-last' is in group 'other', not in 'portal'",
            "site.yaml:12:9: warning: the order of group 'portal' leaves out 'a-second', 'b-first'",
            "site.yaml:13:9: error: procedure id 'Not-An-Id' is not a valid id (did you mean 'not-an-id'?)",
        ])
    }

    @Test func aListThatIsNoListIsReported() throws {
        let fixture = try ContentFixture(Self.files.merging(["site.yaml": Self.site(order: "      c-third: 1")]) { $1 })
        #expect(fixture.diagnosticLines().contains { $0.hasPrefix("site.yaml:9:7: error: 'procedures' must be a list") })
    }
}
