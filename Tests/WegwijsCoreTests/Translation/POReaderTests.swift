import Foundation
import Testing
import WegwijsCore

/// The PO reader: every part of the format it understands, and a placed error for every way a file can be broken.
@Suite struct POReaderTests {
    static let header = """
        # A translator's comment.
        msgid ""
        msgstr ""
        "Language: nl\\n"
        "Content-Type: text/plain; charset=UTF-8\\n"

        """

    func read(_ text: String) -> (catalog: POCatalog?, lines: [String]) {
        let (catalog, diagnostics) = POReader.read(Data(text.utf8), file: "nl.po")
        return (catalog, diagnostics.sorted.map(\.headline))
    }

    @Test func readsEntriesWithEveryKindOfComment() throws {
        let (catalog, lines) = read(Self.header + """

            # translator
            #. extracted
            #: content/glossary.yaml:4
            #, fuzzy, no-wrap
            #| msgid "Old "
            #| "source"
            msgctxt "glossary/save"
            msgid "Save"
            msgstr "Opslaan"

            #~ msgctxt "glossary/gone"
            #~ msgid "Gone"
            #~ msgstr "Weg"

            msgctxt "add-users/steps/fill-in/text"
            msgid ""
            "Line one,\\n"
            "line \\"two\\"\\tand \\\\ a tab."
            msgstr "Regel\\none \\303\\251\\x21"

            """)
        #expect(lines == [])
        let entries = try #require(catalog).entries
        #expect(entries.count == 2)
        let save = entries[0]
        #expect(save.translatorComments == ["translator"])
        #expect(save.extractedComments == ["extracted"])
        #expect(save.references == ["content/glossary.yaml:4"])
        #expect(save.flags == ["fuzzy", "no-wrap"])
        #expect(save.isFuzzy)
        #expect(save.previousID == "Old source")
        #expect(save.context == "glossary/save")
        #expect(save.line == 13)
        #expect(entries[1].id == "Line one,\nline \"two\"\tand \\ a tab.")
        #expect(entries[1].translation == "Regel\none é!")
        #expect(catalog?.headerField("language") == "nl")
    }

    @Test func byteOrderMarkAndCRLFAreRead() throws {
        let text = (Self.header + "\nmsgctxt \"a\"\nmsgid \"A\"\nmsgstr \"B\"\n").replacingOccurrences(of: "\n", with: "\r\n")
        let (catalog, diagnostics) = POReader.read(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8), file: "nl.po")
        #expect(diagnostics.all.isEmpty)
        #expect(catalog?.entries.first?.translation == "B")
    }

    @Test func pluralEntriesAreReportedAndLeftOut() {
        let (catalog, lines) = read(Self.header + "\nmsgid \"file\"\nmsgid_plural \"files\"\nmsgstr[0] \"bestand\"\nmsgstr[1] \"bestanden\"\n")
        #expect(lines == ["nl.po:7:1: warning: plural entries (msgid_plural) are not supported: left out"])
        #expect(catalog?.entries.isEmpty == true)
    }

    @Test(arguments: [
        ("\nmsgid \"a\nmsgstr \"b\"\n", "nl.po:7:7: error: the string has no closing quote"),
        ("\nmsgid \"a\" x\nmsgstr \"b\"\n", "nl.po:7:11: error: unexpected text after the string"),
        ("\nmsgid \"a\\q\"\nmsgstr \"b\"\n", "nl.po:7:9: error: unknown escape '\\q'"),
        ("\n#. c\nmsgstr \"b\"\n", "nl.po:8:1: error: 'msgstr' without 'msgid'"),
        ("\nmsgid \"a\"\n\nmsgid \"c\"\nmsgstr \"d\"\n", "nl.po:9:1: error: 'msgid' twice in one entry"),
        ("\nmsgctxt \"x\"\nmsgid \"a\"\n", "nl.po:7:1: error: 'msgid' without 'msgstr'"),
        ("\nmsgid \"a\"\nmsgstr \"b\"\nmsgstr \"c\"\n", "nl.po:9:1: error: 'msgstr' twice in one entry"),
        ("\nmsgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"\n", "nl.po:10:1: error: duplicate entry: the same msgctxt and msgid are at line 7"),
        ("\nmsgid \"a\"\nmsgtxt \"b\"\n", "nl.po:8:1: error: unexpected 'msgtxt': expected msgctxt, msgid, msgstr, a string or a comment"),
        ("\n# c\n\"loose\"\n", "nl.po:8:1: error: a string that continues no keyword"),
    ])
    func malformedFilesAreErrorsWithTheirLine(body: String, expected: String) {
        let (catalog, lines) = read(Self.header + body)
        #expect(catalog == nil)
        #expect(lines.contains(expected), "\(lines)")
    }

    @Test func aCharsetOtherThanUTF8IsAnError() {
        let (catalog, lines) = read(Self.header.replacingOccurrences(of: "UTF-8", with: "ISO-8859-1"))
        #expect(catalog == nil)
        #expect(lines == ["nl.po:2:1: error: the file's charset is 'ISO-8859-1': Wegwijs reads PO files in UTF-8 only"])
    }

    @Test func invalidUTF8IsAnErrorWithItsLine() {
        let (catalog, diagnostics) = POReader.read(Data((Self.header + "\nmsgid \"caf").utf8) + Data([0xE9, 0x22, 0x0A]), file: "nl.po")
        #expect(catalog == nil)
        #expect(diagnostics.sorted.map(\.headline) == ["nl.po:7:1: error: the file is not valid UTF-8; Wegwijs reads PO files in UTF-8 only"])
    }

    @Test func aFileWithoutHeaderIsAnError() {
        let (catalog, lines) = read("msgctxt \"a\"\nmsgid \"A\"\nmsgstr \"B\"\n")
        #expect(catalog == nil)
        #expect(lines == ["nl.po:1:1: error: the file has no header entry (msgid \"\"), so its language and charset are unknown"])
    }

    @Test func aHeaderValueEndingInACarriageReturnKeepsTheNextField() throws {
        // Found by FuzzPOReader: "\r\n" is one Character, so splitting the header by Characters joined the fields.
        let text = "msgid \"\"\nmsgstr \"\"\n\"Last-Translator: \\r\\n\"\n\"Language: nl\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
        let catalog = try #require(read(text).catalog)
        #expect(catalog.header.map(\.name) == ["Last-Translator", "Language", "Content-Type"])
        #expect(catalog.headerField("Language") == "nl")
        #expect(catalog.headerField("Last-Translator") == "\r")
    }

    @Test func readingStopsAfterAThousandErrors() {
        // 1,500 entries, each with one error on its msgid line (line 7 + 3n): the 1,000th error is the last.
        let body = (0..<1500).map { "msgctxt \"x\($0)\"\nmsgid \"A\\q\"\nmsgstr \"B\"\n" }.joined()
        let (catalog, lines) = read(Self.header + body)
        #expect(catalog == nil)
        #expect(lines.count == POReader.maximumErrors + 1)
        let last = 7 + 3 * (POReader.maximumErrors - 1)
        #expect(lines.suffix(2) == [
            "nl.po:\(last):9: error: too many errors (1000): stopped reading the file here",
            "nl.po:\(last):9: error: unknown escape '\\q'",
        ])
    }

    @Test func writtenCatalogsReadBackTheSame() throws {
        var entry = POEntry(
            extractedComments: ["where"], references: ["content/x.yaml:3"], flags: ["fuzzy"], previousID: "old\nsource",
            context: "x/title", id: "Two\nlines \"quoted\" \\ é\u{1}", translation: "Twee\nregels\n")
        entry.line = 12
        let catalog = POCatalog(header: [("Language", "nl"), ("Content-Type", "text/plain; charset=UTF-8")], entries: [entry])
        let text = POWriter.text(of: catalog)
        #expect(text.contains("msgid \"\"\n\"Two\\n\"\n\"lines \\\"quoted\\\" \\\\ é\\001\"\n"))
        #expect(text.contains("#| msgid \"\"\n#| \"old\\n\"\n#| \"source\"\n"))
        #expect(text.contains("msgstr \"\"\n\"Twee\\n\"\n\"regels\\n\"\n"))
        let (read, diagnostics) = POReader.read(Data(text.utf8), file: "nl.po")
        #expect(diagnostics.all.isEmpty)
        #expect(read?.entries == [entry])
    }
}
