import Foundation
import Testing
import WegwijsTestSupport

/// End-to-end: `wegwijs language add`, then a third language translated through XLIFF and PO, then built.
@Suite struct LanguageCommandTests {
    /// `file` with a `<target>` after every `<source>` of units without one in `<file>`s written in `source`.
    func translated(xliff file: String, from source: String) -> String {
        var files = file.components(separatedBy: "<file ")
        for index in files.indices.dropFirst() where files[index].contains("source-language=\"\(source)\"") {
            var units = files[index].components(separatedBy: "<trans-unit ")
            for unit in units.indices.dropFirst() where !units[unit].contains("<target") {
                guard let open = units[unit].range(of: "<source>"), let close = units[unit].range(of: "</source>") else { continue }
                let inner = units[unit][open.upperBound..<close.lowerBound]
                units[unit].insert(contentsOf: "\n        <target state=\"translated\">DE \(inner)</target>", at: close.upperBound)
            }
            files[index] = units.joined(separator: "<trans-unit ")
        }
        return files.joined(separator: "<file ")
    }

    /// `file` with every empty `msgstr` set to its `msgid` behind "DE ".
    func translated(po file: String) -> String {
        String(file.dropLast()).components(separatedBy: "\n\n").map { entry in
            guard entry.contains("msgctxt"), entry.hasSuffix("msgstr \"\""), let id = entry.range(of: "msgid ") else { return entry }
            let quoted = entry[id.upperBound..<entry.range(of: "\nmsgstr \"\"", options: .backwards)!.lowerBound]
            let value = quoted.hasPrefix("\"\"\n") ? "\"DE \"\n" + quoted.dropFirst(3) : "\"DE " + quoted.dropFirst()
            return entry.dropLast("msgstr \"\"".count) + "msgstr " + value
        }.joined(separator: "\n\n") + "\n"
    }

    @Test func aThirdLanguageIsAddedTranslatedThroughXLIFFAndPOAndBuilt() throws {
        let seed = try SeedCopy()
        let added = try CommandRunner.run(["language", "add", "de"], in: seed.root)
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardError.contains("Added 'de' to 'content/site.yaml' and wrote 'templates/strings/de.yaml'"))
        let site = try String(contentsOf: seed.content.appendingPathComponent("site.yaml"), encoding: .utf8)
        #expect(site.contains("\nlanguages: [en, nl, de]\n"))
        let strings = try String(contentsOf: seed.root.appendingPathComponent("templates/strings/de.yaml"), encoding: .utf8)
        #expect(strings.contains("language.name: \"Deutsch\"\n"))
        #expect(strings.contains("# untranslated (en)\npage.skip-to-content: Skip to content\n"))
        // A setting, not a word: German's own stemmer, never offered for translation.
        #expect(strings.contains("\nsearch.stemmer: de\n"))
        // Buildable at once: the missing texts are warnings, errors only with --strict.
        #expect(try CommandRunner.run(["check"], in: seed.root).status == 0)
        #expect(try CommandRunner.run(["check", "--strict"], in: seed.root).status == 1)
        #expect(try CommandRunner.run(["language", "add", "DE"], in: seed.root).standardError.contains("the site has 'de' already"))

        // XLIFF 1.2 names each part's source language: the English-written texts are translated there.
        let xliff = try CommandRunner.run(["xliff", "export", "--lang", "de", "--interface", "-o", "de.xlf"], in: seed.root)
        #expect(xliff.status == 0, "\(xliff.standardError)")
        let file = try String(contentsOf: seed.root.appendingPathComponent("de.xlf"), encoding: .utf8)
        #expect(file.contains("source-language=\"nl\" target-language=\"de\""))
        #expect(try XLIFFTools.validate(seed.root.appendingPathComponent("de.xlf"), version: 1).status == 0)
        try Data(translated(xliff: file, from: "en").utf8).write(to: seed.root.appendingPathComponent("de-t.xlf"))
        let fromXLIFF = try CommandRunner.run(["xliff", "import", "de-t.xlf"], in: seed.root)
        #expect(fromXLIFF.status == 0, "\(fromXLIFF.standardError)")
        // The interface strings came along, into their own file.
        let germanStrings = try String(contentsOf: seed.root.appendingPathComponent("templates/strings/de.yaml"), encoding: .utf8)
        #expect(germanStrings.contains("\npage.skip-to-content: \"DE Skip to content\"\n"))
        #expect(germanStrings.contains("\nsearch.results: \"DE {count} results\"\n"))
        #expect(!germanStrings.contains("\n# untranslated (en)\n"), "every mark went with its translated value")
        #expect(germanStrings.contains("\nsearch.stemmer: de\n"))
        #expect(!file.contains("strings/search.stemmer"))

        // A PO file holds one source language: split, the Dutch-written texts are translated from their own file.
        let po = try CommandRunner.run(["po", "export", "--lang", "de", "-o", "de.po"], in: seed.root)
        #expect(po.status == 0, "\(po.standardError)")
        let dutch = try String(contentsOf: seed.root.appendingPathComponent("de.from-nl.po"), encoding: .utf8)
        #expect(dutch.contains("\"X-Source-Language: nl\\n\""))
        #expect(!dutch.contains("X-Source-Language: en"))
        #expect(try Gettext.check(seed.root.appendingPathComponent("de.from-nl.po")).status == 0)
        try Data(translated(po: dutch).utf8).write(to: seed.root.appendingPathComponent("de-t.po"))
        let fromPO = try CommandRunner.run(["po", "import", "de-t.po"], in: seed.root)
        #expect(fromPO.status == 0, "\(fromPO.standardError)")

        let check = try CommandRunner.run(["check", "--strict"], in: seed.root)
        #expect(check.status == 0, "every text is translated: \(check.standardError.suffix(2000))")
        let build = try CommandRunner.run(["build", "--output", "out"], in: seed.root)
        #expect(build.status == 0, "\(build.standardError)")
        let page = try String(contentsOf: seed.root.appendingPathComponent("out/html/de/add-users.html"), encoding: .utf8)
        #expect(page.contains("DE "), "the German page shows the German texts")
        #expect(page.contains("DE Skip to content"), "and the German interface strings")
    }
}
