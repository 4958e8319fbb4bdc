import Foundation
import Testing
import WegwijsCore
import WegwijsTestSupport

/// Templates are checked at load against the typed model of their page: a tag naming no field is an error
/// with its line and column, and plain text is escaped even inside `{{{…}}}`.
@Suite struct TemplateFieldTests {
    static let procedure = "title: {en: 'Tom & Jerry', nl: T}\nsteps:\n  - id: s\n    title: {en: S, nl: S}\n"

    func load(_ fixture: ContentFixture, stringKeys: [String]? = nil) -> (Templates?, [String]) {
        var diagnostics = Diagnostics()
        let templates = Templates.load(
            from: fixture.templates, displayPath: "templates", stringKeys: stringKeys, diagnostics: &diagnostics)
        return (templates, diagnostics.sorted.map(\.headline))
    }

    func replace(_ old: String, with new: String, in name: String, of fixture: ContentFixture) throws {
        let url = fixture.templates.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "the template \(name) no longer has \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    @Test func theShippedTemplatesNameOnlyFieldsOfTheirModels() throws {
        let fixture = try ContentFixture(["procedures/portal/p.yaml": Self.procedure])
        let (session, _) = fixture.open()
        let keys = try #require(session).strings.keys(withPrefix: "")
        let (templates, problems) = load(fixture, stringKeys: keys)
        #expect(problems == [])
        #expect(templates != nil)
    }

    @Test func aMisspeltFieldIsAnErrorWithASuggestion() throws {
        let fixture = try ContentFixture(["procedures/portal/p.yaml": Self.procedure])
        try replace("{{#steps}}", with: "{{#stpes}}", in: "html-procedure.mustache", of: fixture)
        try replace("{{/steps}}", with: "{{/stpes}}", in: "html-procedure.mustache", of: fixture)
        try replace("<title>{{documentTitle}}</title>", with: "<title>{{documentTitel}}</title>", in: "html-head.mustache", of: fixture)
        let (templates, problems) = load(fixture)
        #expect(templates == nil)
        #expect(problems.contains {
            $0.hasPrefix("templates/html-procedure.mustache:") && $0.contains("error: '{{#stpes}}' names no field of ProcedurePage") && $0.contains("did you mean 'steps'?")
        }, "\(problems)")
        // The partial is used by three templates and reported once, in its own file.
        let head = problems.filter { $0.hasPrefix("templates/html-head.mustache:6:8: error: '{{documentTitel}}' names no field") }
        #expect(head.count == 1, "\(problems)")
        #expect(head.first?.contains("did you mean 'documentTitle'?") == true)
    }

    @Test func aMisspeltInterfaceStringIsAnError() throws {
        let fixture = try ContentFixture(["procedures/portal/p.yaml": Self.procedure])
        try replace("{{strings.procedure.steps}}", with: "{{strings.procedure.stpes}}", in: "md-procedure.mustache", of: fixture)
        let (session, _) = fixture.open()
        let (templates, problems) = load(fixture, stringKeys: try #require(session).strings.keys(withPrefix: ""))
        #expect(templates == nil)
        #expect(problems.contains { $0.hasPrefix("templates/md-procedure.mustache:") && $0.contains("'{{strings.procedure.stpes}}' names no field of strings (did you mean") }, "\(problems)")
    }

    @Test func plainTextIsEscapedEvenInTripleBraces() async throws {
        let fixture = try ContentFixture(["procedures/portal/p.yaml": Self.procedure])
        // `pageTitle` is plain text: a template that inserts it raw still gets it escaped.
        try replace("<title>{{documentTitle}}</title>", with: "<title>{{{pageTitle}}}|{{&pageTitle}}</title>", in: "html-head.mustache", of: fixture)
        let output = fixture.root.appendingPathComponent("out")
        let (session, diagnostics) = fixture.open()
        #expect(!diagnostics.hasErrors)
        let (templates, problems) = load(fixture, stringKeys: try #require(session).strings.keys(withPrefix: ""))
        #expect(problems == [])
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        var timings = Timings()
        let builder = SiteBuilder(session: try #require(session), templates: try #require(templates), languages: [])
        try await builder.render(into: output, timings: &timings)
        let page = try String(contentsOf: output.appendingPathComponent("html/en/p.html"), encoding: .utf8)
        #expect(page.contains("<title>Tom &amp; Jerry|Tom &amp; Jerry</title>"))
        #expect(!page.contains("Tom & Jerry"))
    }
}
