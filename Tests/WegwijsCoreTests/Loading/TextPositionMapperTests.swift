import Testing
import WegwijsCore
import WegwijsMarkdown
import WegwijsTestSupport

/// cmark positions inside a text map back to the file for every YAML scalar style.
@Suite struct TextPositionMapperTests {
    /// The file location of the first link in the `en` text of the procedure's title or step text.
    func locationOfLink(in yaml: String, unicodeText: Bool = false) throws -> String {
        let fixture = try ContentFixture([
            "procedures/portal/p.yaml": yaml,
            "glossary.yaml": "save: {en: Save, nl: Opslaan}\n",
        ])
        let diagnostics = fixture.open().diagnostics.sorted.filter { $0.id == "unknown-term" }
        return diagnostics.map { "\($0.location.line):\($0.location.column)" }.joined(separator: ",")
    }

    func procedure(text: String) -> String {
        "title: {en: T, nl: T}\nsteps:\n  - title: {en: S, nl: S}\n    text:\n" + text + "\n"
    }

    @Test func plainScalar() throws {
        #expect(try locationOfLink(in: procedure(text: "      en: Click [](term:nope) now\n      nl: Klik")) == "5:17")
    }

    @Test func plainScalarOverSeveralLines() throws {
        let text = "      en: Click the button\n        and then [](term:nope)\n      nl: Klik"
        #expect(try locationOfLink(in: procedure(text: text)) == "6:18")
    }

    @Test func singleQuotedWithEscapedQuote() throws {
        #expect(try locationOfLink(in: procedure(text: "      en: 'It''s [](term:nope)'\n      nl: Klik")) == "5:18")
    }

    @Test func doubleQuotedWithEscapes() throws {
        #expect(try locationOfLink(in: procedure(text: "      en: \"Tab\\there \\u00e9 [](term:nope)\"\n      nl: Klik")) == "5:29")
    }

    @Test func literalBlock() throws {
        let text = "      en: |\n        First line.\n\n        - item [](term:nope)\n      nl: Klik"
        #expect(try locationOfLink(in: procedure(text: text)) == "8:16")
    }

    @Test func foldedBlock() throws {
        let text = "      en: >\n        First line\n        second [](term:nope)\n      nl: Klik"
        #expect(try locationOfLink(in: procedure(text: text)) == "7:16")
    }

    @Test func columnsCountCharactersNotBytes() throws {
        #expect(try locationOfLink(in: procedure(text: "      en: Één café [](term:nope)\n      nl: Klik")) == "5:20")
    }

    @Test func severalLinksInOneText() throws {
        let text = "      en: |\n        [](term:nope) and [](term:nada)\n      nl: Klik"
        #expect(try locationOfLink(in: procedure(text: text)) == "6:9,6:27")
    }
}
