import Foundation
import Testing
import WegwijsCore
import WegwijsTestSupport

/// The committed `output/` is exactly what a fresh build of `content/` gives, and builds are reproducible.
@Suite struct ExampleGuidesTests {
    @Test func committedOutputMatchesAFreshBuild() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let repository = Repository.root
        let result = try CommandRunner.run(
            ["build", "--strict", "--content", repository.appendingPathComponent("content").path,
             "--templates", repository.appendingPathComponent("templates").path, "--output", scratch.path],
            in: repository)
        #expect(result.status == 0, "\(result.standardError)")
        let fresh = FileTree.contents(of: scratch)
        // PDFs are made by `wegwijs pdf`, not by `build`, and are not committed (.gitignore).
        let committed = FileTree.contents(of: repository.appendingPathComponent("output")).filter { !$0.key.hasSuffix(".pdf") }
        #expect(fresh.count > 50)
        #expect(Set(fresh.keys) == Set(committed.keys), "run `make guides` and commit output/")
        for (path, data) in fresh where committed[path] != data {
            Issue.record("output/\(path) differs from a fresh build: run `make guides` and commit output/")
        }
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let repository = Repository.root
        func build(_ name: String) throws -> [String: Data] {
            let result = try CommandRunner.run(["build", "--output", scratch.appendingPathComponent(name).path], in: repository)
            #expect(result.status == 0)
            return FileTree.contents(of: scratch.appendingPathComponent(name))
        }
        let first = try build("a")
        let second = try build("b")
        #expect(!first.isEmpty)
        #expect(first == second)
    }

    /// One parse per text per language: a build of every output (HTML, Markdown, print, search) in two
    /// languages parses no more texts than the site has versions of texts, where parsing per output took
    /// about four times as many.
    @Test func aBuildParsesEachTextAtMostOncePerLanguage() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let repository = Repository.root
        let result = try CommandRunner.run(["build", "--timings", "--output", scratch.path], in: repository)
        #expect(result.status == 0, "\(result.standardError)")
        let figures = result.standardError.split(whereSeparator: \.isWhitespace).filter { $0.hasPrefix("parses=") }
        let parses = try #require(figures.first.flatMap { Int($0.dropFirst("parses=".count)) }, "\(result.standardError)")
        var timings = Timings()
        let sources = ContentSession.Sources(
            content: repository.appendingPathComponent("content"), templates: repository.appendingPathComponent("templates"))
        let session = try #require(ContentSession.open(sources, timings: &timings).session)
        let site = session.site
        var versions = 0
        for text in [site.title] + (site.description.map { [$0] } ?? []) + site.groups.map(\.title) + site.glossary.terms.map(\.label) { versions += text.versions.count }
        for procedure in site.procedures {
            procedure.forEachText { text, _, _ in versions += text.versions.count }
        }
        #expect(versions > 100)
        #expect(parses <= versions, "\(parses) parses for \(versions) versions of texts")
    }

    @Test func exampleContentIsCleanUnderStrictCheck() throws {
        let result = try CommandRunner.run(["check", "--strict"], in: Repository.root)
        #expect(result.status == 0)
        #expect(result.standardError == "0 errors, 0 warnings\n")
    }
}
