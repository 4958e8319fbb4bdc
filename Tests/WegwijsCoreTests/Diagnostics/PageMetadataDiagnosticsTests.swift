import Foundation
import Testing
import WegwijsCore
import WegwijsTestSupport

/// site.yaml's `description`, `base-url`, `edit-url` and `report-url`, and a procedure's `updated`: every bad
/// value is an error with its line and column, and a suggestion where one exists.
@Suite struct PageMetadataDiagnosticsTests {
    static let procedure = "title: {en: T, nl: T}\nsteps:\n  - title: {en: S, nl: S}\n"

    func siteLines(_ extra: String) throws -> [String] {
        try ContentFixture(["site.yaml": ContentFixture.siteYAML + extra, "procedures/portal/t.yaml": Self.procedure]).diagnosticLines()
    }

    func updatedLines(_ line: String) throws -> [String] {
        try ContentFixture(["procedures/portal/t.yaml": "title: {en: T, nl: T}\n\(line)\nsteps:\n  - title: {en: S, nl: S}\n"]).diagnosticLines()
    }

    @Test func validValuesAreInTheModel() throws {
        let fixture = try ContentFixture([
            "site.yaml": ContentFixture.siteYAML + """
                description: {en: What it is for, nl: Waarvoor}
                base-url: https://example.org/guides
                edit-url: https://git.example.org/edit/{path}
                report-url: 'https://git.example.org/new?title={title}&id={id}&lang={lang}'

                """,
            "procedures/portal/t.yaml": "title: {en: T, nl: T}\nupdated: 2028-02-29\nsteps:\n  - title: {en: S, nl: S}\n",
        ])
        #expect(fixture.diagnosticLines() == [])
        let site = try #require(fixture.open().session?.site)
        #expect(site.baseURL?.value == "https://example.org/guides/")
        #expect(site.description?.entry(in: "nl")?.value == "Waarvoor")
        #expect(site.procedure("t")?.updated?.value == CalendarDate(year: 2028, month: 2, day: 29))
        let values: [URLTemplate.Placeholder: String] = [.path: "procedures/portal/t.yaml", .id: "t", .title: "A & B/C?", .lang: "nl"]
        #expect(site.editURL?.filled(values) == "https://git.example.org/edit/procedures/portal/t.yaml")
        #expect(site.reportURL?.filled(values) == "https://git.example.org/new?title=A%20%26%20B%2FC%3F&id=t&lang=nl")
    }

    @Test func aBaseURLMustBeAnAbsoluteWebAddress() throws {
        #expect(try siteLines("base-url: example.org/guides\n") == [
            "site.yaml:10:11: error: 'base-url' 'example.org/guides' is not an absolute web address (did you mean 'https://example.org/guides'?)"
        ])
        #expect(try siteLines("base-url: htps://example.org/\n") == [
            "site.yaml:10:11: error: 'base-url' 'htps://example.org/' is not an absolute web address (did you mean 'https://example.org/'?)"
        ])
        #expect(try siteLines("base-url: 'https://example.org/guides?lang=en'\n") == [
            "site.yaml:10:11: error: 'base-url' 'https://example.org/guides?lang=en' is not an absolute web address"
        ])
        #expect(try siteLines("base-url: ftp://example.org/\n") == [
            "site.yaml:10:11: error: 'base-url' 'ftp://example.org/' is not an absolute web address"
        ])
        #expect(try siteLines("base-url: https:///guides/\n") == [
            "site.yaml:10:11: error: 'base-url' 'https:///guides/' is not an absolute web address"
        ])
        #expect(try siteLines("base-url: 'javascript:alert(1)'\n") == [
            "site.yaml:10:11: error: 'base-url' 'javascript:alert(1)' is not an absolute web address"
        ])
    }

    @Test func anEditOrReportTemplateNamesKnownPlacesOfAWebAddress() throws {
        #expect(try siteLines("edit-url: https://git.example.org/edit/{file}\n") == [
            "site.yaml:10:40: error: unknown place '{file}' in 'edit-url'"
        ])
        #expect(try siteLines("report-url: 'https://git.example.org/new?title={titel}'\n") == [
            "site.yaml:10:48: error: unknown place '{titel}' in 'report-url' (did you mean 'title'?)"
        ])
        #expect(try siteLines("edit-url: https://git.example.org/edit/{path\n") == [
            "site.yaml:10:11: error: 'edit-url' has a '{' or '}' that is no place"
        ])
        #expect(try siteLines("edit-url: 'javascript:alert({id})'\n") == [
            "site.yaml:10:11: error: 'edit-url' 'javascript:alert({id})' is not an absolute web address"
        ])
        #expect(try siteLines("report-url: 'http://exa mple.org/{id}'\n") == [
            "site.yaml:10:13: error: 'report-url' 'http://exa mple.org/{id}' is not an absolute web address"
        ])
    }

    @Test func aNearKeyIsSuggested() throws {
        #expect(try siteLines("base-uri: https://example.org/\n").first?.hasPrefix(
            "site.yaml:10:1: error: unknown key 'base-uri' in site.yaml (did you mean 'base-url'?)") == true)
        #expect(try updatedLines("update: 2026-12-03").first?.hasPrefix(
            "procedures/portal/t.yaml:2:1: error: unknown key 'update' in procedure 't' (did you mean 'updated'?)") == true)
    }

    @Test func anUpdatedDateIsARealDayWrittenYYYYMMDD() throws {
        #expect(try updatedLines("updated: 3 December 2026") == [
            "procedures/portal/t.yaml:2:10: error: invalid date '3 December 2026' in 'updated': write it as YYYY-MM-DD, such as 2026-12-03"
        ])
        #expect(try updatedLines("updated: 2026-2-3") == [
            "procedures/portal/t.yaml:2:10: error: invalid date '2026-2-3' in 'updated': write it as YYYY-MM-DD, such as 2026-12-03"
        ])
        #expect(try updatedLines("updated: 2026-13-01") == [
            "procedures/portal/t.yaml:2:10: error: invalid date '2026-13-01' in 'updated': there is no month 13"
        ])
        #expect(try updatedLines("updated: 2026-02-29") == [
            "procedures/portal/t.yaml:2:10: error: invalid date '2026-02-29' in 'updated': that month has 28 days"
        ])
        #expect(try updatedLines("updated: 2100-02-29") == [
            "procedures/portal/t.yaml:2:10: error: invalid date '2100-02-29' in 'updated': that month has 28 days"
        ])
        #expect(try updatedLines("updated: 0000-01-01") == [
            "procedures/portal/t.yaml:2:10: error: invalid date '0000-01-01' in 'updated': there is no year 0"
        ])
        #expect(try updatedLines("updated: [2026, 12, 3]") == [
            "procedures/portal/t.yaml:2:10: error: 'updated' must be a string, not a list"
        ])
        #expect(try updatedLines("updated: 2000-02-29") == [])
    }
}
