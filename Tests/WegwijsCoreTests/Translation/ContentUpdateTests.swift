import Foundation
import Testing
import WegwijsCore
import WegwijsTestSupport

/// Writing translations into YAML in place: only the changed text's bytes change, in a style that reads back
/// as the intended string; the file is read again before anything is written.
@Suite struct ContentUpdateTests {
    /// Writes `yaml` as a procedure, changes the text at `place` in `language` to `value`, and answers the file.
    func edit(_ yaml: String, _ changes: [(place: String, language: String, value: String)], file: String = "procedures/portal/p.yaml")
        throws -> (text: String, diagnostics: [String])
    {
        let fixture = try ContentFixture([file: yaml])
        let session = try #require(fixture.open().session)
        let units = Dictionary(session.site.translationUnits.map { ($0.place, $0) }, uniquingKeysWith: { a, _ in a })
        var update = ContentUpdate(session: session)
        for (place, language, value) in changes {
            let unit = try #require(units[place], "\(place)")
            update.changes.append((place, TextChange(text: unit.text, language: language, sourceLanguage: unit.sourceLanguage, value: value)))
        }
        let diagnostics = update.write().sorted.map(\.headline)
        let data = try Data(contentsOf: fixture.content.appendingPathComponent(file))
        // What was written loads, and holds the new strings.
        if diagnostics.isEmpty {
            let reloaded = try #require(fixture.open().session)
            let after = Dictionary(reloaded.site.translationUnits.map { ($0.place, $0) }, uniquingKeysWith: { a, _ in a })
            for (place, language, value) in changes {
                #expect(after[place]?.text.entry(in: language)?.value.trimmingCharacters(in: .whitespacesAndNewlines) == value)
            }
        }
        return (String(decoding: data, as: UTF8.self), diagnostics)
    }

    static let procedure = """
        # Comments stay.
        title:   # here too
          en: Add users
          nl: Gebruikers toevoegen
        summary: {en: "Give a user access.", nl: 'Geef een gebruiker toegang.'}
        steps:
          - id: fill-in
            title: {en: Fill in, nl: Invullen}   # trailing comment
            text:
              en: |
                Fill in the number,
                then save.
              nl: |   # block comment
                  Vul het nummer in
                  en sla op.
            result:
              en: Done.
              nl: Klaar. # done
          - title: Second step

        """

    /// Found by FuzzPOReader: a translation with a carriage return was written plain and read back with
    /// the CR folded into a space, so the import refused it ("please report this"). Every character YAML
    /// reads as a line break must be escaped, in every style a text can have.
    @Test(arguments: ["Tah\rbete", "Twee\r\nregels", "Een\u{85}NEL", "Een\u{2028}LS", "Een\u{2029}PS", "Lijn\nen\r\nCRLF"])
    func charactersYAMLReadsAsLineBreaksComeBackAsTheyWere(value: String) throws {
        let places = ["p/title", "p/summary", "p/steps/fill-in/title", "p/steps/fill-in/text", "p/steps/fill-in/result"]
        let (text, diagnostics) = try edit(Self.procedure, places.map { ($0, "nl", value) })
        #expect(diagnostics == [], "\(text)")
    }

    @Test func aPlainTextStaysPlainAndNothingElseMoves() throws {
        let (text, diagnostics) = try edit(Self.procedure, [("p/title", "nl", "Gebruikers aanmaken")])
        #expect(diagnostics == [])
        #expect(text == Self.procedure.replacingOccurrences(of: "nl: Gebruikers toevoegen", with: "nl: Gebruikers aanmaken"))
    }

    @Test func quotesAreKeptAndAddedWhereNeeded() throws {
        let (text, _) = try edit(
            Self.procedure,
            [
                ("p/summary", "nl", "Geef 'm toegang."), ("p/steps/fill-in/title", "nl", "Vul in: nummer"),
                ("p/steps/fill-in/result", "nl", "Klaar, # echt"),
            ])
        var expected = Self.procedure.replacingOccurrences(of: "nl: 'Geef een gebruiker toegang.'", with: "nl: 'Geef ''m toegang.'")
        expected = expected.replacingOccurrences(of: "nl: Invullen}", with: "nl: 'Vul in: nummer'}")
        expected = expected.replacingOccurrences(of: "nl: Klaar. # done", with: "nl: 'Klaar, # echt' # done")
        #expect(text == expected)
    }

    @Test func aBlockScalarKeepsItsIndentationAndHeaderComment() throws {
        let (text, _) = try edit(Self.procedure, [("p/steps/fill-in/text", "nl", "Vul het nummer in.\n\nSla dan op.")])
        let expected = Self.procedure.replacingOccurrences(
            of: "      nl: |   # block comment\n          Vul het nummer in\n          en sla op.\n",
            with: "      nl: |   # block comment\n          Vul het nummer in.\n\n          Sla dan op.\n")
        #expect(text == expected)
    }

    @Test func severalLinesBecomeABlockScalarInABlockMapping() throws {
        let (text, _) = try edit(Self.procedure, [("p/steps/fill-in/result", "nl", "Klaar.\nDe gebruiker staat in de lijst.")])
        let expected = Self.procedure.replacingOccurrences(
            of: "      nl: Klaar. # done\n", with: "      nl: | # done\n        Klaar.\n        De gebruiker staat in de lijst.\n")
        #expect(text == expected)
    }

    @Test func severalLinesInAFlowMappingAreDoubleQuoted() throws {
        let (text, _) = try edit(Self.procedure, [("p/steps/fill-in/title", "nl", "Vul \"alles\"\nin")])
        #expect(text == Self.procedure.replacingOccurrences(of: "nl: Invullen}", with: "nl: \"Vul \\\"alles\\\"\\nin\"}"))
    }

    @Test func aMissingLanguageIsAddedAsTheMappingsLastKey() throws {
        let yaml = Self.procedure.replacingOccurrences(of: "  nl: Gebruikers toevoegen\n", with: "")
            .replacingOccurrences(of: ", nl: Invullen}", with: "}")
            .replacingOccurrences(of: "      nl: Klaar. # done\n", with: "")
        let (text, diagnostics) = try edit(
            yaml,
            [
                ("p/title", "nl", "Gebruikers toevoegen"), ("p/steps/fill-in/title", "nl", "Invullen"),
                ("p/steps/fill-in/result", "nl", "Klaar.\nEcht."),
            ])
        #expect(diagnostics == [])
        var expected = Self.procedure.replacingOccurrences(of: ", nl: Invullen}", with: ", nl: Invullen}")
        expected = expected.replacingOccurrences(of: "      nl: Klaar. # done\n", with: "      en: Done.\n      nl: |\n        Klaar.\n        Echt.\n")
        expected = expected.replacingOccurrences(of: "      en: Done.\n      en: Done.\n", with: "      en: Done.\n")
        #expect(text == expected)
    }

    @Test func aTextWrittenOnceForEveryLanguageBecomesAMapping() throws {
        let (text, _) = try edit(Self.procedure, [("p/steps/step-2/title", "nl", "Tweede stap")])
        #expect(text == Self.procedure.replacingOccurrences(of: "- title: Second step", with: "- title: {en: Second step, nl: Tweede stap}"))
    }

    @Test func crlfLineEndsAndAByteOrderMarkAreKept() throws {
        let fixture = try ContentFixture([:])
        let crlf = Self.procedure.replacingOccurrences(of: "\n", with: "\r\n")
        try fixture.write(Data([0xEF, 0xBB, 0xBF]) + Data(crlf.utf8), to: "procedures/portal/p.yaml")
        let session = try #require(fixture.open().session)
        let unit = try #require(session.site.translationUnits.first { $0.place == "p/steps/fill-in/result" })
        var update = ContentUpdate(session: session)
        update.changes = [("p/steps/fill-in/result", TextChange(text: unit.text, language: "nl", sourceLanguage: "en", value: "A\nB"))]
        #expect(update.write().all.isEmpty)
        let data = try Data(contentsOf: fixture.content.appendingPathComponent("procedures/portal/p.yaml"))
        let expected = crlf.replacingOccurrences(of: "      nl: Klaar. # done\r\n", with: "      nl: | # done\r\n        A\r\n        B\r\n")
        #expect(data == Data([0xEF, 0xBB, 0xBF]) + Data(expected.utf8))
    }

    @Test func untouchedBytesStayTheSameAcrossManyChanges() throws {
        let (text, _) = try edit(Self.procedure, [("p/title", "nl", "X"), ("p/steps/fill-in/text", "nl", "Y")])
        let before = Array(Self.procedure.utf8), after = Array(text.utf8)
        // Everything before the first change and after the last is byte for byte the same.
        let prefix = Array(Self.procedure.prefix { $0 != "G" }.utf8)
        #expect(Array(after.prefix(prefix.count)) == prefix)
        let suffix = Array(Self.procedure[Self.procedure.range(of: "    result:")!.lowerBound...].utf8)
        #expect(Array(after.suffix(suffix.count)) == suffix)
        #expect(Array(before.suffix(suffix.count)) == suffix)
    }

    @Test func recordsAreWrittenForChangedTexts() throws {
        let fixture = try ContentFixture(["procedures/portal/p.yaml": Self.procedure])
        let session = try #require(fixture.open().session)
        let unit = try #require(session.site.translationUnits.first { $0.place == "p/title" })
        var update = ContentUpdate(session: session)
        update.changes = [("p/title", TextChange(text: unit.text, language: "nl", sourceLanguage: "en", value: "Nieuw"))]
        update.confirmations = [("p/summary", "nl")]
        #expect(update.write().all.isEmpty)
        let records = try String(contentsOf: fixture.content.appendingPathComponent("translated-from.txt"), encoding: .utf8)
        let lines = records.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines == [
            "p/summary nl \(TextFingerprint.of("Give a user access.")) \"Give a user access.\"",
            "p/title nl \(TextFingerprint.of("Add users")) \"Add users\"",
        ])
    }
}
