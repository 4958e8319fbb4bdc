import Foundation
import Testing
import WegwijsCore
import WegwijsTestSupport

/// `html/sitemap.xml`: written only for a site with a `base-url`, valid against the sitemap protocol's schema
/// with the language alternates, the same bytes on every build.
@Suite struct SitemapTests {
    /// The files a build of `files` writes, by their path in the output.
    static func build(_ files: [String: String]) async throws -> [String: Data] {
        let fixture = try ContentFixture(files)
        let session = try #require(fixture.open().session)
        var diagnostics = Diagnostics()
        let templates = try #require(Templates.load(from: fixture.templates, displayPath: "templates", diagnostics: &diagnostics))
        let output = fixture.root.appendingPathComponent("output")
        var timings = Timings()
        try await OutputFolder(url: output, displayPath: "output").replace { staging in
            try await SiteBuilder(session: session, templates: templates, languages: []).render(into: staging, timings: &timings)
        }
        return FileTree.contents(of: output)
    }

    static let schema = Repository.root.appendingPathComponent("Tests/WegwijsCoreTests/Schemas/sitemap-with-alternates.xsd")

    /// `xmllint --nonet --schema` of `text`: its exit status and what it said.
    static func validate(_ text: String) throws -> (status: Int32, error: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-sitemap-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(text.utf8).write(to: file)
        let result = try XLIFFTools.run("xmllint", ["--noout", "--nonet", "--schema", schema.path, file.path])
        return (result.status, result.error)
    }

    @Test func theShowcaseSitemapIsValidCompleteAndDeterministic() async throws {
        let first = try await Self.build(ShowcaseContent.files)
        let data = try #require(first["html/sitemap.xml"])
        let text = String(decoding: data, as: UTF8.self)
        let validation = try Self.validate(text)
        #expect(validation.status == 0, "\(validation.error)")
        #expect(first["md/sitemap.xml"] == nil && first["print/sitemap.xml"] == nil && first["sitemap.xml"] == nil)
        let base = "https://guides.example.com/portal/"
        for address in ["", "en/", "nl/", "en/add-users.html", "nl/add-users.html", "en/log-in.html", "nl/log-in.html"] {
            #expect(text.contains("<loc>\(base)\(address)</loc>"), "\(address)")
        }
        #expect(!text.contains("404"))
        // A procedure that says when it changed has that day as lastmod, in both languages.
        #expect(text.components(separatedBy: "<lastmod>2026-02-28</lastmod>").count == 3)
        #expect(text.contains("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(base)\"/>"))
        #expect(text.contains("<xhtml:link rel=\"alternate\" hreflang=\"nl\" href=\"\(base)nl/add-users.html\"/>"))
        let second = try await Self.build(ShowcaseContent.files)
        #expect(second["html/sitemap.xml"] == data)
    }

    @Test func theSchemaRefusesABrokenSitemap() throws {
        let broken = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
              <url>
                <loc>https://example.org/en/</loc>
                <xhtml:link rel="alternate" hreflang="nl" href="../nl/"/>
              </url>
            </urlset>

            """
        #expect(try Self.validate(broken).status != 0)
        #expect(try Self.validate(broken.replacingOccurrences(of: "<loc>https://example.org/en/</loc>", with: "")).status != 0)
    }

    @Test func withoutABaseURLThereIsNoSitemapAndNothingAbsolute() async throws {
        var files = ShowcaseContent.files
        files["site.yaml"] = ContentFixture.siteYAML
        let built = try await Self.build(files)
        #expect(built["html/sitemap.xml"] == nil)
        for (path, data) in built where path.hasSuffix(".html") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("rel=\"canonical\"") && !text.contains("hreflang=\"x-default\""), "\(path)")
            #expect(!text.contains("https://guides.example.com"), "\(path)")
        }
        #expect(built["html/404.html"] != nil && built["html/en/404.html"] != nil && built["html/nl/404.html"] != nil)
    }
}
