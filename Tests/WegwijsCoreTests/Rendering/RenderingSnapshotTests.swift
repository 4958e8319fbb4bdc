import Foundation
import Testing
import WegwijsCore
import WegwijsTestSupport

/// Golden files of rendered HTML, Markdown and print HTML for ``ShowcaseContent``, a small site that uses every feature of the format.
///
/// Re-record with `make snapshots` (WEGWIJS_RECORD_SNAPSHOTS=1) and review the change with `git diff`.
@Suite struct RenderingSnapshotTests {
    @Test func renderedPagesMatchTheirSnapshots() async throws {
        let fixture = try ContentFixture(ShowcaseContent.files)
        let (session, diagnostics) = fixture.open()
        let errors = diagnostics.sorted.filter { $0.severity == .error }.map(\.headline)
        #expect(errors == [])
        let session_ = try #require(errors.isEmpty ? session : nil)
        var templateDiagnostics = Diagnostics()
        let templates = try #require(Templates.load(from: fixture.templates, displayPath: "templates", diagnostics: &templateDiagnostics))
        let output = fixture.root.appendingPathComponent("output")
        let folder = OutputFolder(url: output, displayPath: "output")
        var timings = Timings()
        try await folder.replace { staging in
            try await SiteBuilder(session: session_, templates: templates, languages: []).render(into: staging, timings: &timings)
        }
        let files = FileTree.contents(of: output)
        let pages = files.keys.filter {
            $0.hasSuffix(".html") || $0.hasSuffix(".md") || $0.hasSuffix(SearchIndex.fileName) || $0.hasSuffix(".xml")
        }.sorted()
        // Per language: index, two procedures and the 404 page in HTML, index and procedures in Markdown, and the
        // search index; the root's 404 page and the sitemap; then the printed guide of each language and the
        // booklet of both.
        #expect(pages.count == 23)
        for path in pages {
            let text = String(decoding: files[path]!, as: UTF8.self)
            if let mismatch = Snapshot.mismatch(text, named: "showcase/\(path)", target: "WegwijsCoreTests") {
                Issue.record(Comment(rawValue: mismatch))
            }
        }
        #expect(files["html/images/nl/screen.svg"] != nil)
        #expect(files["md/images/screen.svg"] != nil)
        #expect(files["print/images/nl/screen.svg"] != nil)
        #expect(files["print/print.css"] != nil)
    }
}
