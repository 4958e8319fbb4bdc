import Foundation
import Testing
import WegwijsTestSupport

/// End-to-end: `wegwijs xliff export` and `xliff import` on copies of the seed content, every exported file
/// validated against the OASIS schemas with xmllint and read back by translate-toolkit.
@Suite struct XliffCommandTests {
    func export(_ language: String, version: Int = 1, in root: URL, to name: String) throws -> String {
        let result = try CommandRunner.run(["xliff", "export", "--lang", language, "--version", String(version), "-o", name], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        let url = root.appendingPathComponent(name)
        let valid = try XLIFFTools.validate(url, version: version)
        #expect(valid.status == 0, "xmllint --schema: \(valid.error)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// `text` with the first `old` (which must be there) replaced.
    func replacingFirst(_ old: String, with new: String, in text: String) -> String {
        guard let range = text.range(of: old) else {
            Issue.record("'\(old)' is not in the file")
            return text
        }
        return text.replacingCharacters(in: range, with: new)
    }

    func lineNumber(of needle: String, in text: String) -> Int {
        let lines = text.components(separatedBy: "\n")
        return (lines.firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    @Test func theSeedExportsSchemaValidStableFilesInBothVersionsThatImportAsNoChange() throws {
        let seed = try SeedCopy()
        let before = FileTree.contents(of: seed.content)
        for version in [1, 2] {
            for language in ["nl", "en"] {
                let file = try export(language, version: version, in: seed.root, to: "\(language)-\(version).xlf")
                let again = try CommandRunner.run(["xliff", "export", "--lang", language, "--version", String(version)], in: seed.root)
                #expect(again.standardOutput == file, "two exports are byte-identical")
                let imported = try CommandRunner.run(["xliff", "import", "\(language)-\(version).xlf"], in: seed.root)
                #expect(imported.status == 0, "\(imported.standardError)")
                #expect(imported.standardError.contains(": 0 texts changed in 0 files, 0 records updated, "), "\(imported.standardError)")
                #expect(!imported.standardError.contains("warning"), "\(imported.standardError)")
            }
        }
        #expect(FileTree.contents(of: seed.content) == before)
        let dutch = try String(contentsOf: seed.root.appendingPathComponent("nl-1.xlf"), encoding: .utf8)
        #expect(dutch.contains("<file original=\"content/glossary.yaml\" source-language=\"en\" target-language=\"nl\" datatype=\"plaintext\""))
        #expect(dutch.contains("<trans-unit id=\"glossary/save\" resname=\"glossary/save\" approved=\"yes\" xml:space=\"preserve\">"))
        #expect(dutch.contains("<source>The <ph id=\"1\" ctype=\"x-wegwijs-term\" equiv-text=\"Opslaan\">[](term:save)</ph> button</source>"))
        #expect(dutch.contains("<note from=\"wegwijs\">[](term:save) toont het label 'Opslaan'.</note>"))
        #expect(!dutch.contains("resname=\"open-authorisations/"), "texts written in Dutch are not offered for Dutch")
        let english = try String(contentsOf: seed.root.appendingPathComponent("en-1.xlf"), encoding: .utf8)
        #expect(english.contains("<file original=\"content/procedures/mijn-postnl/open-authorisations.yaml\" source-language=\"nl\" target-language=\"en\""))
        let english2 = try String(contentsOf: seed.root.appendingPathComponent("en-2.xlf"), encoding: .utf8)
        #expect(english2.contains("srcLang=\"nl\" trgLang=\"en\""), "one source language per XLIFF 2 document")
    }

    @Test func translateToolkitReadsEveryUnitWithItsPlaceAndItsRoundTripChangesNothing() throws {
        let seed = try SeedCopy()
        let file = try export("nl", in: seed.root, to: "nl.xlf")
        let places = file.components(separatedBy: "resname=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(places.count == 73)
        let converted = try XLIFFTools.run("xliff2po", ["nl.xlf", "nl-tt.po"], in: seed.root)
        #expect(converted.status == 0, "\(converted.error)")
        let po = try String(contentsOf: seed.root.appendingPathComponent("nl-tt.po"), encoding: .utf8)
        for place in places {
            #expect(po.contains("#: \(place)\n") || po.contains("#: \(place) "), "xliff2po lost \(place)")
        }
        #expect(po.contains("msgid \"The [](term:save) button\"\nmsgstr \"Knop [](term:save)\""))
        // translate-toolkit's own reader and writer.
        let script = """
            import sys
            from translate.storage import xliff
            store = xliff.xlifffile.parsefile(open(sys.argv[1], 'rb'))
            assert len(store.units) == \(places.count), len(store.units)
            open(sys.argv[2], 'wb').write(bytes(store))
            """
        let roundTrip = try XLIFFTools.run(XLIFFTools.python, ["-c", script, "nl.xlf", "nl-tt.xlf"], in: seed.root)
        #expect(roundTrip.status == 0, "\(roundTrip.error)")
        let canonical = try XLIFFTools.run("xmllint", ["--c14n", "nl.xlf"], in: seed.root).output
        let canonicalAgain = try XLIFFTools.run("xmllint", ["--c14n", "nl-tt.xlf"], in: seed.root).output
        #expect(canonical == canonicalAgain)
        let before = FileTree.contents(of: seed.content)
        let imported = try CommandRunner.run(["xliff", "import", "nl-tt.xlf"], in: seed.root)
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(FileTree.contents(of: seed.content) == before)
    }

    @Test func aTranslationWithMovedCodesComesBackAsTheMarkupTheyStandFor() throws {
        let seed = try SeedCopy()
        let file = try export("nl", in: seed.root, to: "nl.xlf")
        let old = "<target xml:lang=\"nl\" state=\"translated\">Knop <ph id=\"1\" ctype=\"x-wegwijs-term\" equiv-text=\"Opslaan\">[](term:save)</ph></target>"
        #expect(file.contains(old))
        // A CAT tool may write anything inside a code: the code's number decides what it stands for.
        let new = "<target xml:lang=\"nl\" state=\"translated\">De knop <ph id=\"1\">Opslaan</ph></target>"
        try Data(file.replacingOccurrences(of: old, with: new).utf8).write(to: seed.root.appendingPathComponent("nl-t.xlf"))
        let result = try CommandRunner.run(["xliff", "import", "nl-t.xlf"], in: seed.root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("Imported 'nl-t.xlf' into 'nl': 1 text changed in 1 file, 0 records updated, 70 confirmed unchanged."), "\(result.standardError)")
        let yaml = try String(contentsOf: seed.content.appendingPathComponent("procedures/dhl-esecure/add-users.yaml"), encoding: .utf8)
        #expect(yaml.contains("- {en: \"The [](term:save) button\", nl: \"De knop [](term:save)\"}"))
    }

    @Test func brokenCodesAndLinksAreReportedAtTheirLineAndRefused() throws {
        let seed = try SeedCopy()
        var file = try export("nl", in: seed.root, to: "nl.xlf")
        let save = "Knop <ph id=\"1\" ctype=\"x-wegwijs-term\" equiv-text=\"Opslaan\">[](term:save)</ph></target>"
        file = file.replacingOccurrences(of: save, with: "Knop <ph id=\"1\"/> <ph id=\"1\"/></target>")
        let label = "<target xml:lang=\"nl\" state=\"translated\">Opslaan</target>"
        file = replacingFirst(label, with: "<target xml:lang=\"nl\" state=\"translated\">Opslaan <ph id=\"7\"/></target>", in: file)
        let title = "<target xml:lang=\"nl\" state=\"translated\">Beheerhandleidingen vervoerdersportalen</target>"
        file = file.replacingOccurrences(of: title, with: "<target xml:lang=\"nl\" state=\"translated\">Zie [](term:acount-number)</target>")
        try Data(file.utf8).write(to: seed.root.appendingPathComponent("nl-t.xlf"))
        let before = FileTree.contents(of: seed.content)
        let result = try CommandRunner.run(["xliff", "import", "nl-t.xlf"], in: seed.root)
        #expect(result.status == 1)
        let duplicate = lineNumber(of: "Knop <ph id=\"1\"/> <ph id=\"1\"/>", in: file)
        #expect(result.standardError.contains("nl-t.xlf:\(duplicate):"), "\(result.standardError)")
        #expect(result.standardError.contains("error: inline code 1 is used twice"))
        #expect(result.standardError.contains("error: inline code 7 is not one of this text's codes"))
        #expect(result.standardError.contains("unknown glossary term 'acount-number' (did you mean 'account-number'?)"))
        #expect(result.standardError.contains("3 refused (see above)"), "\(result.standardError)")
        #expect(FileTree.contents(of: seed.content) == before)
    }

    @Test func aMissingCodeIsAWarningThatStrictRefuses() throws {
        let seed = try SeedCopy()
        var file = try export("nl", in: seed.root, to: "nl.xlf")
        let save = "Knop <ph id=\"1\" ctype=\"x-wegwijs-term\" equiv-text=\"Opslaan\">[](term:save)</ph></target>"
        file = file.replacingOccurrences(of: save, with: "Knop Opslaan</target>")
        try Data(file.utf8).write(to: seed.root.appendingPathComponent("nl-t.xlf"))
        let strict = try CommandRunner.run(["xliff", "import", "--strict", "nl-t.xlf"], in: seed.root)
        #expect(strict.status == 1)
        #expect(strict.standardError.contains("error: the translation lacks inline code 1 ([](term:save)); not applied"), "\(strict.standardError)")
        let lenient = try CommandRunner.run(["xliff", "import", "nl-t.xlf"], in: seed.root)
        #expect(lenient.status == 0, "\(lenient.standardError)")
        #expect(lenient.standardError.contains("warning: the translation lacks inline code 1 ([](term:save))"))
        #expect(lenient.standardError.contains("1 text changed"))
    }

    @Test func emptiedTargetsAreIgnoredAndRegionalCodesFallBack() throws {
        let seed = try SeedCopy()
        var file = try export("nl", in: seed.root, to: "nl.xlf")
        file = replacingFirst("<target xml:lang=\"nl\" state=\"translated\">Opslaan</target>", with: "<target xml:lang=\"nl\" state=\"translated\"></target>", in: file)
        file = file.replacingOccurrences(of: "target-language=\"nl\"", with: "target-language=\"nl-NL\"")
        try Data(file.utf8).write(to: seed.root.appendingPathComponent("nl-t.xlf"))
        let before = FileTree.contents(of: seed.content)
        let result = try CommandRunner.run(["xliff", "import", "nl-t.xlf"], in: seed.root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("'nl-NL' is taken as the site's language 'nl'."))
        #expect(result.standardError.contains("warning: the translation of 'glossary/save' is empty in the file: ignored, the content keeps its translation"))
        #expect(result.standardError.contains("1 emptied and ignored (see above)"))
        #expect(FileTree.contents(of: seed.content) == before)
    }

    @Test func theSummaryFollowsTheInterfaceLanguage() throws {
        let seed = try SeedCopy()
        let file = try export("nl", in: seed.root, to: "nl.xlf")
        try Data(replacingFirst(">Opslaan</target>", with: ">Bewaren</target>", in: file).utf8).write(to: seed.root.appendingPathComponent("nl-t.xlf"))
        let result = try CommandRunner.run(["xliff", "import", "nl-t.xlf"], in: seed.root, environment: ["LANG": "nl_NL.UTF-8"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("'nl-t.xlf' geïmporteerd in 'nl': 1 tekst gewijzigd in 1 bestand, 0 registraties bijgewerkt, 70 ongewijzigd bevestigd."), "\(result.standardError)")
    }

    @Test func malformedXMLIsAnErrorAtItsLine() throws {
        let seed = try SeedCopy()
        try Data("<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file>\n</xliff>\n".utf8)
            .write(to: seed.root.appendingPathComponent("bad.xlf"))
        let result = try CommandRunner.run(["xliff", "import", "bad.xlf"], in: seed.root)
        #expect(result.status == 1)
        #expect(result.standardError.contains("bad.xlf:4:"), "\(result.standardError)")
        #expect(result.standardError.contains("error: not well-formed XML"))
    }
}
