import Testing
import WegwijsMustache

/// What the engine promises beyond the spec: plain text never raw, bounded renders, positioned errors, and
/// the schema check at load.
@Suite("The template engine")
struct EngineTests {
    struct Page: TemplateObject {
        var fields: [String: TemplateValue]
        func value(forKey key: String) -> TemplateValue? { fields[key] }
    }

    func render(_ template: String, _ fields: [String: TemplateValue], partials: [String: String] = [:], escape: Escaping = .html) throws -> String {
        var library = TemplateLibrary(escape: escape)
        try library.add(template, named: "page")
        for (name, source) in partials { try library.add(source, named: name) }
        return library.render("page", with: .object(Page(fields: fields)))
    }

    @Test func plainTextIsEscapedEvenByTripleMustachesAndAmpersands() throws {
        let fields: [String: TemplateValue] = ["t": .text("<b>&'\"")]
        #expect(try render("{{t}}|{{{t}}}|{{&t}}", fields) == "&lt;b&gt;&amp;&#39;&quot;|&lt;b&gt;&amp;&#39;&quot;|&lt;b&gt;&amp;&#39;&quot;")
    }

    @Test func markupIsRawInTripleMustachesAndEscapedInDoubleOnes() throws {
        let fields: [String: TemplateValue] = ["m": .markup("<em>x</em>")]
        #expect(try render("{{{m}}}|{{&m}}|{{m}}", fields) == "<em>x</em>|<em>x</em>|&lt;em&gt;x&lt;/em&gt;")
    }

    @Test func withoutEscapingTextIsInsertedAsItIs() throws {
        #expect(try render("{{t}}", ["t": .text("<a> & b")], escape: .none) == "<a> & b")
    }

    @Test func truthiness() throws {
        let fields: [String: TemplateValue] = [
            "empty": .text(""), "zero": .integer(0), "no": .bool(false), "none": .null, "nothing": .list([]),
        ]
        #expect(try render("{{#empty}}e{{/empty}}{{#zero}}z{{/zero}}{{#no}}n{{/no}}{{#none}}x{{/none}}{{#nothing}}l{{/nothing}}", fields) == "ez")
    }

    @Test func aPartialThatIncludesItselfStops() throws {
        let output = try render("{{>loop}}", [:], partials: ["loop": "a{{>loop}}"])
        #expect(output == String(repeating: "a", count: TemplateLibrary.maximumPartialDepth))
    }

    @Test func aPartialThatIncludesItselfTwiceStopsWithinTheLimits() throws {
        let output = try render("{{>twice}}", [:], partials: ["twice": "ab{{>twice}}{{>twice}}"])
        #expect(!output.isEmpty)
        #expect(output.utf8.count <= 2 * TemplateLibrary.maximumExpansions + 2)
    }

    @Test func indentationsOfNestedPartialsStopAtTheOutputLimit() throws {
        // Each partial is indented by the ones around it: 100 levels of 40 spaces before each of 2,000 lines
        // would be 8 MB from a template of 12 KB.
        var library = TemplateLibrary()
        library.outputLimit = 100_000
        try library.add("{{>nest}}", named: "page")
        try library.add(String(repeating: " ", count: 40) + "{{>nest}}\n" + String(repeating: "line\n", count: 2_000), named: "nest")
        let output = library.render("page", with: .null)
        #expect(output.utf8.count > library.outputLimit)
        // Past the limit at most the indentation of one line and the line itself come.
        #expect(output.utf8.count <= library.outputLimit + (TemplateLibrary.maximumPartialDepth + 1) * 40 + 5)
    }

    @Test func aLibrarysOwnLimitsStopItsRenders() throws {
        var library = TemplateLibrary()
        library.expansionLimit = 50
        try library.add("{{#items}}x{{/items}}", named: "page")
        let output = library.render("page", with: .object(Page(fields: ["items": .list(Array(repeating: .integer(1), count: 200))])))
        #expect(output == String(repeating: "x", count: 50))
    }

    @Test func sectionsNestedTooDeepAreASyntaxError() {
        let depth = 150
        let template = String(repeating: "{{#a}}", count: depth) + "x" + String(repeating: "{{/a}}", count: depth)
        var library = TemplateLibrary()
        #expect(throws: TemplateSyntaxError.self) { try library.add(template, named: "page") }
    }

    @Test func partialsNestedPastTheDepthLimitRenderNothingMore() throws {
        // Each level is a section over `a` (which has field `a` again) around the partial itself.
        struct Endless: TemplateObject {
            func value(forKey key: String) -> TemplateValue? { key == "a" ? .object(Endless()) : nil }
        }
        var library = TemplateLibrary()
        try library.add("{{#a}}.{{>page}}{{/a}}", named: "page")
        let output = library.render("page", with: .object(Endless()))
        #expect(!output.isEmpty)
        #expect(output.count <= TemplateLibrary.maximumDepth)
    }

    @Test(arguments: [
        ("{{#a}}x", 1, 1, "never closed"),
        ("x\n  {{#a}}y{{/b}}", 2, 10, "{{/a}}"),
        ("{{=<% %>=}}<%x", 1, 12, "not closed with '%>'"),
        ("{{= x =}}", 1, 1, "delimiter"),
        ("line\n{{x", 2, 1, "not closed"),
    ])
    func syntaxErrorsSayWhere(_ template: String, line: Int, column: Int, word: String) {
        var library = TemplateLibrary()
        do {
            try library.add(template, named: "page")
            Issue.record("\(template.debugDescription) compiled")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.column == column, "\(error)")
            #expect(error.message.lowercased().contains(word), "\(error.message)")
        }
    }

    // Computed, not a stored global: LeakSanitizer cannot see an indirect enum's box through a global and
    // reports it as leaked (the page schemas are computed for the same reason).
    static var schema: TemplateSchema { .object(name: "Page", fields: [
        "title": .text,
        "steps": .list(.object(name: "Step", fields: ["number": .integer, "text": .markup])),
        "extra": .any,
    ]) }

    func problems(_ template: String, partials: [String: String] = [:]) throws -> [TemplateProblem] {
        var library = TemplateLibrary()
        try library.add(template, named: "page")
        for (name, source) in partials { try library.add(source, named: name) }
        return library.problems(in: "page", against: Self.schema)
    }

    @Test func aMisspelledFieldIsReportedWhereItIsWithASuggestion() throws {
        let found = try problems("{{title}}\n  {{#stpes}}{{/stpes}}")
        #expect(found.count == 1)
        #expect(found.first?.line == 2)
        #expect(found.first?.column == 3)
        #expect(found.first?.message.contains("did you mean 'steps'") == true, "\(found)")
    }

    @Test func fieldsOfOuterModelsAreFoundInsideSections() throws {
        #expect(try problems("{{#steps}}{{number}} {{{text}}} {{title}}{{/steps}}").isEmpty)
        #expect(try problems("{{#steps}}{{nubmer}}{{/steps}}").count == 1)
    }

    @Test func nothingBelowAnyIsChecked() throws {
        #expect(try problems("{{#extra}}{{whatever.deep}}{{/extra}}{{extra.x.y}}").isEmpty)
    }

    @Test func aMissingPartialIsAProblemAndAPartialsProblemIsReportedOnce() throws {
        #expect(try problems("{{>absent}}").count == 1)
        let twice = try problems("{{>part}}{{>part}}", partials: ["part": "{{titel}}"])
        #expect(twice.count == 1, "\(twice)")
        #expect(twice.first?.template == "part")
    }
}
