import Foundation
import Testing
import WegwijsTestSupport

/// End-to-end: `wegwijs po export`, `po import` and `po confirm` on copies of the seed content and on
/// generated content, every exported file checked with gettext's `msgfmt -c`.
@Suite struct PoCommandTests {
    func export(_ language: String, in root: URL, to name: String) throws -> String {
        let result = try CommandRunner.run(["po", "export", "--lang", language, "-o", name], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        let url = root.appendingPathComponent(name)
        let checked = try Gettext.check(url)
        #expect(checked.status == 0 && checked.standardError.isEmpty, "msgfmt -c: \(checked.standardError)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test func theSeedExportsValidStablePOFilesForBothLanguages() throws {
        let seed = try SeedCopy()
        for language in ["nl", "en"] {
            let file = try export(language, in: seed.root, to: "\(language).po")
            let again = try CommandRunner.run(["po", "export", "--lang", language], in: seed.root)
            #expect(again.standardOutput == file)
            // gettext's own formatting (no wrapping) leaves the file as it is.
            let normalised = seed.root.appendingPathComponent("\(language)-msgcat.po")
            #expect(try Gettext.run("msgcat", ["--no-wrap", "-o", normalised.path, seed.root.appendingPathComponent("\(language).po").path]).status == 0)
            #expect(try String(contentsOf: normalised, encoding: .utf8) == file)
        }
        let dutch = try export("nl", in: seed.root, to: "nl.po")
        #expect(dutch.contains("\"Language: nl\\n\"\n\"MIME-Version: 1.0\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\""))
        #expect(dutch.contains("""
            #: content/glossary.yaml:6
            msgctxt "glossary/save"
            msgid "Save"
            msgstr "Opslaan"
            """))
        #expect(dutch.contains("#. [](term:save) toont het label 'Opslaan'."))
        #expect(!dutch.contains("msgctxt \"open-authorisations/"), "texts written in Dutch are not offered for Dutch")
        let english = try export("en", in: seed.root, to: "en.po")
        #expect(english.contains("msgctxt \"open-authorisations/title\"\nmsgid \"Het scherm Autorisaties openen\"\nmsgstr \"Open the Autorisaties screen\""))
    }

    @Test func importingTheSeedsOwnExportChangesNothing() throws {
        let seed = try SeedCopy()
        _ = try export("nl", in: seed.root, to: "nl.po")
        let before = FileTree.contents(of: seed.content)
        let result = try CommandRunner.run(["po", "import", "nl.po"], in: seed.root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("Imported 'nl.po' into 'nl': 0 texts changed in 0 files, 0 records updated, 71 confirmed unchanged."))
        #expect(FileTree.contents(of: seed.content) == before)
    }

    @Test func aTranslatedSeedFileComesBackInPlaceAndExportsTheSame() throws {
        let seed = try SeedCopy()
        let exported = try export("nl", in: seed.root, to: "nl.po")
        // A translator revises the body of every step (text and result): one more sentence at the end.
        let translated = exported.components(separatedBy: "\n\n").map { entry -> String in
            let isBody = entry.contains("msgctxt \"") && entry.contains("/steps/")
                && (entry.contains("/text\"\n") || entry.contains("/result\"\n")) && !entry.hasSuffix("msgstr \"\"")
            guard isBody else { return entry }
            let end = entry.hasSuffix("\n") ? entry.index(entry.endIndex, offsetBy: -2) : entry.index(before: entry.endIndex)
            return entry[..<end] + " Bijgewerkt.\"" + (entry.hasSuffix("\n") ? "\n" : "")
        }.joined(separator: "\n\n")
        #expect(translated != exported)
        try Data(translated.utf8).write(to: seed.root.appendingPathComponent("nl-translated.po"))
        let before = FileTree.contents(of: seed.content)
        let result = try CommandRunner.run(["po", "import", "nl-translated.po"], in: seed.root)
        #expect(result.status == 0, "\(result.standardError)")
        let after = FileTree.contents(of: seed.content)
        var changedFiles = 0
        for (path, data) in after where path.hasSuffix(".yaml") && before[path] != data {
            changedFiles += 1
            // Every line is as it was, but for the sentence added at the end of a Dutch text.
            let old = String(decoding: before[path]!, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let new = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(old.count == new.count, "\(path)")
            for (oldLine, newLine) in zip(old, new) where oldLine != newLine {
                #expect(newLine.replacingOccurrences(of: " Bijgewerkt.", with: "") == oldLine, "\(path): \(newLine)")
            }
        }
        #expect(changedFiles == 7)
        // Exporting again gives what the translator handed back.
        let reexported = try export("nl", in: seed.root, to: "nl-again.po")
        #expect(reexported == translated)
        // The translations are current: nothing outdated, nothing unverified.
        let check = try CommandRunner.run(["check", "--strict"], in: seed.root)
        #expect(check.status == 0, "\(check.standardError)")
    }

    @Test func generatedContentRoundTripsThroughAPOFile() throws {
        // Texts in English only, in every YAML style, with markup and links that must survive.
        let procedure = """
            title: {en: "Configure the: portal"}
            summary:
              en: >
                A folded summary with *emphasis*
                and a [link](https://example.com).
            inputs:
              - id: name
                label:
                  en: 'Your ''name'''
            steps:
              - id: first
                title:
                  en: "Step \\"one\\""
                text:
                  en: |
                    Type [](input:name) and see [](ref:other#go).

                    - a list item
                    - another one
                result:
                  en: Done # a comment that stays
              - title:
                  en: Plain
                notes:
                  - type: tip
                    text: {en: "A tip: with colon"}

            """
        let fixture = try ContentFixture([
            "procedures/portal/generated.yaml": procedure,
            "procedures/portal/other.yaml": "title: {en: Other, nl: Ander}\nsteps:\n  - id: go\n    title: {en: Go, nl: Ga}\n",
        ])
        let exported = try export("nl", in: fixture.root, to: "nl.po")
        #expect(exported.contains("msgctxt \"generated/summary\"\nmsgid \"A folded summary with *emphasis* and a [link](https://example.com).\"\nmsgstr \"\""))
        // A translation: every msgstr of the procedure filled, several of them over more lines than the source.
        var translated = exported
        let translations: [(String, String)] = [
            ("generated/title", "Het portaal: instellen"),
            ("generated/summary", "Een samenvatting met *nadruk*\\n\"\n\"en een [link](https://example.com)."),
            ("generated/inputs/name/label", "Je 'naam'"),
            ("generated/steps/first/title", "Stap \\\"een\\\""),
            ("generated/steps/first/text", "Typ [](input:name) en zie [](ref:other#go).\\n\"\n\"\\n\"\n\"- een item\\n\"\n\"- nog een"),
            ("generated/steps/first/result", "Klaar # geen commentaar"),
            ("generated/steps/step-2/title", "Gewoon"),
            ("generated/steps/step-2/notes/1/text", "Een tip:\\n\"\n\"met dubbele punt"),
        ]
        for (place, text) in translations {
            let anchor = "msgctxt \"\(place)\"\n"
            let start = try #require(translated.range(of: anchor))
            let empty = try #require(translated.range(of: "msgstr \"\"\n", range: start.upperBound..<translated.endIndex))
            let replacement = text.contains("\\n\"") ? "msgstr \"\"\n\"\(text)\"\n" : "msgstr \"\(text)\"\n"
            translated.replaceSubrange(empty, with: replacement)
        }
        try Data(translated.utf8).write(to: fixture.root.appendingPathComponent("translated.po"))
        #expect(try Gettext.check(fixture.root.appendingPathComponent("translated.po")).status == 0)
        let result = try CommandRunner.run(["po", "import", "translated.po"], in: fixture.root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("8 texts changed in 2 files, 12 records updated"), "the YAML file and the record file")
        let yaml = try String(contentsOf: fixture.content.appendingPathComponent("procedures/portal/generated.yaml"), encoding: .utf8)
        #expect(yaml.contains("title: {en: \"Configure the: portal\", nl: 'Het portaal: instellen'}"))
        #expect(yaml.contains("      en: Done # a comment that stays\n      nl: 'Klaar # geen commentaar'\n"))
        #expect(yaml.contains("      nl: |\n        Typ [](input:name) en zie [](ref:other#go).\n\n        - een item\n        - nog een\n"))
        #expect(yaml.contains("text: {en: \"A tip: with colon\", nl: \"Een tip:\\nmet dubbele punt\"}"))
        // What comes back out is what went in, but for the references to lines, which moved, and the
        // comment that shows the input's label, which is now translated.
        let reexported = try export("nl", in: fixture.root, to: "again.po")
        func withoutReferences(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#:") && !$0.hasPrefix("#. [](input:name)") }.joined(separator: "\n")
        }
        #expect(withoutReferences(reexported) == withoutReferences(translated))

        let check = try CommandRunner.run(["check", "--strict"], in: fixture.root)
        #expect(check.status == 0, "\(check.standardError)")
    }

    @Test func entriesThatNoLongerFitAreReportedWithTheirLineAndLeftOut() throws {
        let seed = try SeedCopy()
        var file = try export("nl", in: seed.root, to: "nl.po")
        file = file.replacingOccurrences(of: "msgctxt \"glossary/save\"\nmsgid \"Save\"\nmsgstr \"Opslaan\"", with: "msgctxt \"glossary/save\"\nmsgid \"Store\"\nmsgstr \"Bewaren\"")
        file = file.replacingOccurrences(of: "msgctxt \"glossary/email-id\"", with: "msgctxt \"glossary/email\"")
        // Misspelt in two parts: each is matched among the parts that can follow the ones before it.
        file = file.replacingOccurrences(of: "msgctxt \"add-administrators/steps/fill-in/title\"", with: "msgctxt \"add-administrator/step/fill-in/title\"")
        file = file.replacingOccurrences(of: "msgctxt \"access-esecure/steps/open-esecure/result\"\nmsgid \"eSecure opens.\"\nmsgstr \"eSecure wordt geopend.\"", with: "#, fuzzy\nmsgctxt \"access-esecure/steps/open-esecure/result\"\nmsgid \"eSecure opens.\"\nmsgstr \"eSecure gaat open.\"")
        file = file.replacingOccurrences(of: "msgid \"Access eSecure\"\nmsgstr \"Naar eSecure gaan\"", with: "msgid \"Access eSecure\"\nmsgstr \"eSecure openen\"")
        try Data(file.utf8).write(to: seed.root.appendingPathComponent("nl.po"))
        let lines = file.split(separator: "\n", omittingEmptySubsequences: false)
        func line(of text: String) -> Int { (lines.firstIndex { $0 == text } ?? -1) + 1 }
        let result = try CommandRunner.run(["po", "import", "nl.po"], in: seed.root)
        #expect(result.status == 0)
        #expect(result.standardError.contains("nl.po:\(line(of: "msgctxt \"glossary/save\"")):1: warning: the source text of 'glossary/save' changed since this file was exported, and the content's translation is already made from the current source; not applied"))
        #expect(result.standardError.contains("nl.po:\(line(of: "msgctxt \"glossary/email\"")):1: warning: 'glossary/email' names no text of the content (did you mean 'glossary/email-id'?); not applied"))
        #expect(result.standardError.contains("nl.po:\(line(of: "msgctxt \"add-administrator/step/fill-in/title\"")):1: warning: 'add-administrator/step/fill-in/title' names no text of the content (did you mean 'add-administrators/steps/fill-in/title'?); not applied"))
        #expect(result.standardError.contains("1 text changed in 1 file, 0 records updated, 66 confirmed unchanged, 1 marked for review and left out, 3 not applied (see above)."))
        let glossary = try String(contentsOf: seed.content.appendingPathComponent("glossary.yaml"), encoding: .utf8)
        #expect(glossary.contains("save: {en: Save, nl: Opslaan}"))
        let access = try String(contentsOf: seed.content.appendingPathComponent("procedures/dhl-esecure/access-esecure.yaml"), encoding: .utf8)
        #expect(access.contains("  nl: eSecure openen\n"))
        #expect(access.contains("nl: eSecure wordt geopend."))
    }

    @Test func aMalformedPOFileChangesNothing() throws {
        let seed = try SeedCopy()
        var file = try export("nl", in: seed.root, to: "nl.po")
        file = file.replacingOccurrences(of: "msgstr \"Opslaan\"", with: "msgstr \"Bewaren\"")
        file = file.replacingOccurrences(of: "msgid \"Email ID\"", with: "msgid \"Email ID")
        try Data(file.utf8).write(to: seed.root.appendingPathComponent("nl.po"))
        let line = file.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "msgid \"Email ID" }! + 1
        let before = FileTree.contents(of: seed.content)
        let result = try CommandRunner.run(["po", "import", "nl.po"], in: seed.root)
        #expect(result.status == 1)
        #expect(result.standardError.contains("nl.po:\(line):7: error: the string has no closing quote"))
        #expect(result.standardError.contains("nothing was changed"))
        #expect(FileTree.contents(of: seed.content) == before)
    }

    @Test func checkReportsOutdatedTextsUntilTheyAreConfirmed() throws {
        let seed = try SeedCopy()
        let file = seed.content.appendingPathComponent("procedures/dhl-esecure/access-esecure.yaml")
        let yaml = try String(contentsOf: file, encoding: .utf8)
        try Data(yaml.replacingOccurrences(of: "en: eSecure opens.", with: "en: eSecure opens in a new tab.").utf8).write(to: file)
        let text = try CommandRunner.run(["check"], in: seed.root)
        #expect(text.status == 0)
        #expect(text.standardError.contains("content/procedures/dhl-esecure/access-esecure.yaml:40:11: warning: outdated translation: the 'en' text changed since this 'nl' text was made from it"))
        #expect(text.standardOutput.contains("  access-esecure                 7 translated, 0 missing, 1 outdated, 0 unverified\n"))
        #expect(text.standardOutput.contains("  total                          70 translated, 0 missing, 1 outdated, 0 unverified\n"))
        #expect(text.standardOutput.contains("  content/procedures/dhl-esecure/access-esecure.yaml:40:11: outdated: access-esecure/steps/open-esecure/result\n"))
        let dutch = try CommandRunner.run(["check"], in: seed.root, environment: ["LC_ALL": "nl_NL.UTF-8"])
        #expect(dutch.standardOutput.contains("Vertaling naar Nederlands (nl)\n"))
        #expect(dutch.standardOutput.contains("1 verouderd"))

        let json = try CommandRunner.run(["check", "--format", "json-report"], in: seed.root)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["id"] as? String } == ["outdated-translation"])
        let translations = try #require(report["translations"] as? [[String: Any]])
        #expect(translations.map { $0["language"] as? String } == ["en", "nl"])
        let texts = try #require(translations[1]["texts"] as? [[String: Any]])
        #expect(texts.count == 1)
        #expect(texts.first?["place"] as? String == "access-esecure/steps/open-esecure/result")
        #expect(texts.first?["state"] as? String == "outdated")
        #expect(texts.first?["line"] as? Int == 40)
        #expect(texts.first?["previousSource"] as? String == "eSecure opens.")
        let total = try #require(translations[1]["total"] as? [String: Int])
        #expect(total == ["translated": 70, "missing": 0, "outdated": 1, "unverified": 0])
        let plain = try CommandRunner.run(["check", "--format", "json"], in: seed.root)
        #expect((try JSONSerialization.jsonObject(with: Data(plain.standardOutput.utf8)) as? [[String: Any]])?.count == 1)

        let exported = try export("nl", in: seed.root, to: "nl.po")
        #expect(exported.contains("#, fuzzy\n#| msgid \"eSecure opens.\"\nmsgctxt \"access-esecure/steps/open-esecure/result\"\nmsgid \"eSecure opens in a new tab.\"\nmsgstr \"eSecure wordt geopend.\""))

        let strict = try CommandRunner.run(["check", "--strict"], in: seed.root)
        #expect(strict.status == 1)
        let confirm = try CommandRunner.run(["po", "confirm", "--lang", "nl", "access-esecure/steps/open-esecure/result"], in: seed.root)
        #expect(confirm.status == 0)
        #expect(confirm.standardError == "Confirmed 1 translation.\n")
        #expect(try CommandRunner.run(["check", "--strict"], in: seed.root).status == 0)
        let unknown = try CommandRunner.run(["po", "confirm", "access-esecure/steps/open-esecur/result"], in: seed.root)
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("'access-esecure/steps/open-esecur/result' names no translated text (did you mean 'access-esecure/steps/open-esecure/result'?)"))
    }

    @Test func removingTheFuzzyMarkConfirmsAnOutdatedTranslation() throws {
        let seed = try SeedCopy()
        let file = seed.content.appendingPathComponent("procedures/dhl-esecure/access-esecure.yaml")
        let yaml = try String(contentsOf: file, encoding: .utf8)
        try Data(yaml.replacingOccurrences(of: "en: eSecure opens.", with: "en: eSecure opens in a new tab.").utf8).write(to: file)
        let exported = try export("nl", in: seed.root, to: "nl.po")
        // Left fuzzy, the entry is not taken as final.
        #expect(try CommandRunner.run(["po", "import", "nl.po"], in: seed.root).standardError.contains("1 marked for review and left out"))
        #expect(try CommandRunner.run(["check", "--strict"], in: seed.root).status == 1)
        // The translator finds the translation still right and removes the mark.
        try Data(exported.replacingOccurrences(of: "#, fuzzy\n#| msgid \"eSecure opens.\"\n", with: "").utf8)
            .write(to: seed.root.appendingPathComponent("nl.po"))
        let before = try Data(contentsOf: file)
        let result = try CommandRunner.run(["po", "import", "nl.po"], in: seed.root)
        #expect(result.standardError.contains("0 texts changed in 1 file, 1 record updated, 71 confirmed unchanged."), "the record file")
        #expect(try Data(contentsOf: file) == before)
        #expect(try CommandRunner.run(["check", "--strict"], in: seed.root).status == 0)
    }

    @Test func unverifiedTranslationsAreCountedAndConfirmedTogether() throws {
        let site = try ContentFixture(["procedures/portal/p.yaml": "title: {en: Add, nl: Toevoegen}\nsteps:\n  - title: {en: Go, nl: Ga}\n"])
        let before = try CommandRunner.run(["check"], in: site.root)
        #expect(before.standardOutput.contains("  p      0 translated, 0 missing, 0 outdated, 2 unverified\n"))
        #expect(before.standardOutput.contains("4 translations have no record of the source text they were made from"))
        let confirm = try CommandRunner.run(["po", "confirm", "--unverified"], in: site.root)
        #expect(confirm.standardError == "Confirmed 4 translations.\n")
        let after = try CommandRunner.run(["check"], in: site.root)
        #expect(after.standardOutput.contains("  total  4 translated, 0 missing, 0 outdated, 0 unverified\n"))
        #expect(try CommandRunner.run(["po", "confirm"], in: site.root).status == 64)
    }
}

/// The texts of a step's choices are offered for translation like every other text, in a file gettext accepts.
@Suite struct PoChoiceTextTests {
    @Test func poExportOffersTheChoiceTexts() throws {
        let fixture = try ContentFixture([
            "procedures/portal/log-in.yaml": "title: {en: Log in, nl: Inloggen}\nsteps:\n  - title: {en: Open, nl: Open}\n",
            "procedures/portal/add-users.yaml": """
                title: {en: Add users, nl: Gebruikers toevoegen}
                steps:
                  - id: check
                    title: {en: Check the user, nl: Controleer de gebruiker}
                    choices:
                      - text: {en: the user has no account yet, nl: de gebruiker nog geen account heeft}
                        step: invite
                      - text: {en: the user must manage the portal too}
                        procedure: log-in
                  - id: invite
                    title: {en: Invite the user, nl: Nodig de gebruiker uit}

                """,
        ])
        let result = try CommandRunner.run(["po", "export", "--lang", "nl", "-o", "nl.po"], in: fixture.root)
        #expect(result.status == 0, "\(result.standardError)")
        let url = fixture.root.appendingPathComponent("nl.po")
        let checked = try Gettext.check(url)
        #expect(checked.status == 0 && checked.standardError.isEmpty, "msgfmt -c: \(checked.standardError)")
        let po = try String(contentsOf: url, encoding: .utf8)
        #expect(po.contains("""
            msgctxt "add-users/steps/check/choices/1/text"
            msgid "the user has no account yet"
            msgstr "de gebruiker nog geen account heeft"
            """))
        #expect(po.contains("""
            msgctxt "add-users/steps/check/choices/2/text"
            msgid "the user must manage the portal too"
            msgstr ""
            """), "an untranslated choice text is offered empty")
        #expect(po.contains("#: content/procedures/portal/add-users.yaml:6"), "with where the text is written")
    }
}
