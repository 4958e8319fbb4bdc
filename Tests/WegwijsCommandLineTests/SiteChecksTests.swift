import Foundation
import Testing
import WegwijsTestSupport

/// The built site as a reader's browser sees it: `scripts/check-site` runs the Nu HTML Checker on every
/// page a build wrote (one JVM) and headless Chromium with axe-core on every page (one browser): no
/// validation errors, no console errors, no accessibility violations in light and dark, and working
/// search and language switch from `file://`; and what pages say about themselves (descriptions, canonical
/// addresses and the sitemap, icon, theme colours, last-changed dates, edit links, the 404 pages).
///
/// It checks a fresh build of `content/` and of ``ShowcaseContent`` (fallbacks, a partly translated
/// procedure, every kind of link). Needs python3 with the packages and Chromium that
/// `scripts/ensure-dependencies --site-checks` installs (`make test` runs it); without them it fails.
@Suite struct SiteChecksTests {
    @Test func builtPagesAreValidAccessibleAndWork() throws {
        let repository = Repository.root
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let example = scratch.appendingPathComponent("example")
        let built = try CommandRunner.run(["build", "--output", example.path], in: repository)
        #expect(built.status == 0, "\(built.standardError)")

        let fixture = try ContentFixture(ShowcaseContent.files)
        let showcase = scratch.appendingPathComponent("showcase")
        let builtShowcase = try CommandRunner.run(
            ["build", "--content", fixture.content.path, "--templates", fixture.templates.path, "--output", showcase.path],
            in: fixture.root)
        #expect(builtShowcase.status == 0, "\(builtShowcase.standardError)")
        // Under a sanitizer the two builds above are what is checked: the browser and the Nu checker see the
        // same bytes as in the plain run (output is deterministic), and cost CI minutes there for nothing.
        guard !TestScale.isSanitized else { return }

        let result = try ProgramRunner.run(["python3", repository.appendingPathComponent("scripts/check-site").path, example.path, showcase.path])
        #expect(
            result.status == 0,
            "scripts/check-site found problems (exit \(result.status)):\n\(result.output)")
        #expect(result.output.contains("no axe violations"), "\(result.output)")
        // The showcase has a base URL, edit and report links and a last-changed date: each check had pages to check.
        for none in [" 0 descriptions", " 0 canonical addresses", " 0 last-changed dates", " 0 edit and report links"] {
            #expect(!result.output.contains(none), "\(result.output)")
        }
        #expect(result.output.contains("2 sites' 404 pages picking the language"), "\(result.output)")
    }
}
