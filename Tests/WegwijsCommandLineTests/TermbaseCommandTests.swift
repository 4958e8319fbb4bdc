import Foundation
import Testing
import WegwijsTestSupport

/// End-to-end: `wegwijs glossary export|import` and `wegwijs tm export` on copies of the seed content.
@Suite struct TermbaseCommandTests {
    @Test func theGlossaryExportsAsCSVAndTBXAndTheCSVComesBackInPlace() throws {
        let seed = try SeedCopy()
        let csv = try CommandRunner.run(["glossary", "export", "--format", "csv", "-o", "glossary.csv"], in: seed.root)
        #expect(csv.status == 0, "\(csv.standardError)")
        let text = try String(contentsOf: seed.root.appendingPathComponent("glossary.csv"), encoding: .utf8)
        #expect(text.hasPrefix("key,en,nl\r\naccount-number,Account Number,DHL-klantnummer\r\nemail-id,Email ID,E-mailadres\r\nsave,Save,Opslaan\r\n"))
        #expect(try CommandRunner.run(["glossary", "export", "--format", "csv"], in: seed.root).standardOutput == text)

        let tbx = try CommandRunner.run(["glossary", "export", "--format", "tbx", "-o", "glossary.tbx"], in: seed.root)
        #expect(tbx.status == 0, "\(tbx.standardError)")
        let termbase = try String(contentsOf: seed.root.appendingPathComponent("glossary.tbx"), encoding: .utf8)
        #expect(termbase.contains("<martif type=\"TBX-Basic\" xml:lang=\"en\">"))
        #expect(termbase.contains("<termEntry id=\"save\">\n        <langSet xml:lang=\"en\">\n          <tig>\n            <term>Save</term>"))
        #expect(try XLIFFTools.run("xmllint", ["--noout", "glossary.tbx"], in: seed.root).status == 0)

        // Nothing changed: nothing written.
        let before = FileTree.contents(of: seed.content)
        let unchanged = try CommandRunner.run(["glossary", "import", "glossary.csv"], in: seed.root)
        #expect(unchanged.status == 0, "\(unchanged.standardError)")
        #expect(unchanged.standardError.contains("0 texts changed in 0 files, 0 records updated"), "\(unchanged.standardError)")
        #expect(FileTree.contents(of: seed.content) == before)

        // A spreadsheet saves it back with LF line ends, a BOM, a label with a comma and a quote.
        let edited = "\u{FEFF}" + text.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "save,Save,Opslaan", with: "save,Save,\"Opslaan, \"\"nu\"\"\"")
        try Data(edited.utf8).write(to: seed.root.appendingPathComponent("edited.csv"))
        let result = try CommandRunner.run(["glossary", "import", "edited.csv"], in: seed.root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("Imported 'edited.csv' into 'nl': 1 text changed in 1 file, 0 records updated"), "\(result.standardError)")
        let glossary = try String(contentsOf: seed.content.appendingPathComponent("glossary.yaml"), encoding: .utf8)
        #expect(glossary.contains("save: {en: Save, nl: 'Opslaan, \"nu\"'}"), "\(glossary)")
        #expect(try CommandRunner.run(["check"], in: seed.root).status == 0)
    }

    @Test func aBrokenCSVIsAnErrorAtItsLineAndColumn() throws {
        let seed = try SeedCopy()
        try Data("key,en,nl\nsave,Save,\"Opslaan\n".utf8).write(to: seed.root.appendingPathComponent("bad.csv"))
        let result = try CommandRunner.run(["glossary", "import", "bad.csv"], in: seed.root)
        #expect(result.status == 1)
        #expect(result.standardError.contains("bad.csv:2:11: error: a quoted field that is never closed"), "\(result.standardError)")
        try Data("key,en,xx\n".utf8).write(to: seed.root.appendingPathComponent("bad2.csv"))
        let columns = try CommandRunner.run(["glossary", "import", "bad2.csv"], in: seed.root)
        #expect(columns.standardError.contains("bad2.csv:1:8: error: column 'xx' is not a language of the site (en, nl)"), "\(columns.standardError)")
    }

    @Test func theTranslationMemoryHoldsEveryAlignedTranslationAndIsStable() throws {
        let seed = try SeedCopy()
        let result = try CommandRunner.run(["tm", "export", "-o", "memory.tmx"], in: seed.root)
        #expect(result.status == 0, "\(result.standardError)")
        let tmx = try String(contentsOf: seed.root.appendingPathComponent("memory.tmx"), encoding: .utf8)
        #expect(try CommandRunner.run(["tm", "export"], in: seed.root).standardOutput == tmx)
        #expect(tmx.contains("<header creationtool=\"Wegwijs\" creationtoolversion=\"1\" segtype=\"paragraph\" o-tmf=\"wegwijs\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>"))
        #expect(!tmx.contains("creationid") && !tmx.contains("creationdate"))
        #expect(tmx.contains("<tu tuid=\"open-authorisations/title\" srclang=\"nl\">"), "Dutch-written procedures keep their source language")
        #expect(tmx.contains("<seg>The <ph x=\"1\">[](term:save)</ph> button</seg>"))
        #expect(tmx.contains("<seg>Knop <ph x=\"1\">[](term:save)</ph></seg>"))
        #expect(!tmx.contains("tuid=\"site/groups/"), "texts written once for every language are no translations")
        // translate-toolkit reads it with every unit.
        let units = try XLIFFTools.run(XLIFFTools.python, ["-c", "import sys\nfrom translate.storage import tmx\nprint(len(tmx.tmxfile.parsefile(open(sys.argv[1], 'rb')).units))", "memory.tmx"], in: seed.root)
        #expect(units.status == 0, "\(units.error)")
        #expect(Int(units.output.trimmingCharacters(in: .whitespacesAndNewlines)) == tmx.components(separatedBy: "<tu ").count - 1)
    }
}
