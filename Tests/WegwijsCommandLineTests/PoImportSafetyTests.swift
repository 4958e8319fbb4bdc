import Foundation
import Testing
import WegwijsTestSupport

/// `po import` and `xliff import` share one importer: a translation is validated like content before anything
/// is written, so an import cannot leave content that `check` and `build` refuse.
@Suite struct PoImportSafetyTests {
    func exported(_ seed: SeedCopy) throws -> String {
        let result = try CommandRunner.run(["po", "export", "--lang", "nl", "-o", "nl.po"], in: seed.root)
        #expect(result.status == 0, "\(result.standardError)")
        return try String(contentsOf: seed.root.appendingPathComponent("nl.po"), encoding: .utf8)
    }

    func line(of text: String, in file: String) -> Int {
        (file.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == text } ?? -1) + 1
    }

    @Test func anUnknownDestinationOrALinkTheSourceLacksIsRefusedAtItsLine() throws {
        let seed = try SeedCopy()
        var file = try exported(seed)
        file = file.replacingOccurrences(of: "msgid \"The [](term:save) button\"\nmsgstr \"Knop [](term:save)\"", with: "msgid \"The [](term:save) button\"\nmsgstr \"Kolom [](term:acount-number)\"")
        file = file.replacingOccurrences(of: "msgid \"Save\"\nmsgstr \"Opslaan\"", with: "msgid \"Save\"\nmsgstr \"Opslaan [](term:email-id)\"")
        try Data(file.utf8).write(to: seed.root.appendingPathComponent("nl.po"))
        let before = FileTree.contents(of: seed.content)
        let result = try CommandRunner.run(["po", "import", "nl.po"], in: seed.root)
        #expect(result.status == 1, "entries were refused")
        let callout = line(of: "msgctxt \"add-users/steps/fill-in/figure/callouts/3\"", in: file)
        #expect(result.standardError.contains("nl.po:\(callout):1: error: in the translation of 'add-users/steps/fill-in/figure/callouts/3': unknown glossary term 'acount-number' (did you mean 'account-number'?); not applied"), "\(result.standardError)")
        let save = line(of: "msgctxt \"glossary/save\"", in: file)
        #expect(result.standardError.contains("nl.po:\(save):1: error: the translation of 'glossary/save' links to 'term:email-id', which its source text does not; not applied"))
        #expect(result.standardError.contains("2 refused (see above)"))
        #expect(FileTree.contents(of: seed.content) == before, "nothing of a refused entry is written")
        #expect(try CommandRunner.run(["check"], in: seed.root).status == 0)
    }

    /// A translation that comes back with a link a browser would run, or an image no page may load, is refused
    /// (a parse used to drop them before the check saw them); raw HTML, which is only left out, is a warning.
    @Test func aTranslationWithAnUnsafeLinkOrImageIsRefusedAndRawHTMLWarnedOf() throws {
        let seed = try SeedCopy()
        var file = try exported(seed)
        file = file.replacingOccurrences(of: "msgid \"Save\"\nmsgstr \"Opslaan\"", with: "msgid \"Save\"\nmsgstr \"[Opslaan](JaVaScRiPt:alert(1))\"")
        file = file.replacingOccurrences(of: "msgid \"Access eSecure\"\nmsgstr \"Naar eSecure gaan\"", with: "msgid \"Access eSecure\"\nmsgstr \"Naar ![x](file:///etc/passwd) gaan\"")
        file = file.replacingOccurrences(of: "msgid \"Email ID\"\nmsgstr \"E-mailadres\"", with: "msgid \"Email ID\"\nmsgstr \"<b>E-mailadres</b>\"")
        try Data(file.utf8).write(to: seed.root.appendingPathComponent("nl.po"))
        let result = try CommandRunner.run(["po", "import", "nl.po"], in: seed.root)
        #expect(result.status == 1, "entries were refused")
        let save = line(of: "msgctxt \"glossary/save\"", in: file)
        #expect(result.standardError.contains("nl.po:\(save):1: error: in the translation of 'glossary/save': the link to 'JaVaScRiPt:alert(1)' is shown as plain text: its scheme is not allowed; not applied"), "\(result.standardError)")
        #expect(result.standardError.contains("error: in the translation of 'access-esecure/title': the image 'file:///etc/passwd' is shown as its alternative text: its source is not allowed; not applied"))
        let email = line(of: "msgctxt \"glossary/email-id\"", in: file)
        #expect(result.standardError.contains("nl.po:\(email):1: warning: in the translation of 'glossary/email-id': raw HTML is left out of every output: '<b>'"))
        #expect(result.standardError.contains("2 refused (see above)"))
        let glossary = try String(contentsOf: seed.content.appendingPathComponent("glossary.yaml"), encoding: .utf8)
        #expect(glossary.contains("save: {en: Save, nl: Opslaan}"), "a refused entry is not written")
        #expect(glossary.contains("<b>E-mailadres</b>"), "an entry with a warning is applied, as content with raw HTML builds")
        let access = try String(contentsOf: seed.content.appendingPathComponent("procedures/dhl-esecure/access-esecure.yaml"), encoding: .utf8)
        #expect(access.contains("  nl: Naar eSecure gaan\n"))
    }

    @Test func aSourceThatWasOnlyRewrappedStillMatchesByFingerprint() throws {
        let seed = try SeedCopy()
        var file = try exported(seed)
        let old = "\"Fill in the account number you would like to give authorisation for, [](input:account),\\n\""
        #expect(file.contains(old))
        file = file.replacingOccurrences(of: old, with: "\"Fill in the account   number you would like to give authorisation for, [](input:account),\\n\"")
        try Data(file.utf8).write(to: seed.root.appendingPathComponent("nl.po"))
        let result = try CommandRunner.run(["po", "import", "nl.po"], in: seed.root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardError.contains("warning"), "\(result.standardError)")
        #expect(result.standardError.contains("1 matched by fingerprint (its source was only re-wrapped)"), "\(result.standardError)")
    }

    @Test func translatorCommentsAreKeptAndExportedAgain() throws {
        let seed = try SeedCopy()
        var file = try exported(seed)
        file = file.replacingOccurrences(of: "#: content/glossary.yaml:6\nmsgctxt \"glossary/save\"", with: "# Portal 4.2 says Opslaan, checked with the client.\n#: content/glossary.yaml:6\nmsgctxt \"glossary/save\"")
        try Data(file.utf8).write(to: seed.root.appendingPathComponent("nl.po"))
        let result = try CommandRunner.run(["po", "import", "nl.po"], in: seed.root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("translators' comments kept"))
        let notes = try String(contentsOf: seed.content.appendingPathComponent("translator-notes.txt"), encoding: .utf8)
        #expect(notes.contains("glossary/save nl \"Portal 4.2 says Opslaan, checked with the client.\"\n"))
        let again = try exported(seed)
        #expect(again.contains("# Portal 4.2 says Opslaan, checked with the client.\n#. "))
        let xliff = try CommandRunner.run(["xliff", "export", "--lang", "nl"], in: seed.root)
        #expect(xliff.standardOutput.contains("<note from=\"translator\">Portal 4.2 says Opslaan, checked with the client.</note>"))
        // Importing the same file again changes nothing more.
        let second = try CommandRunner.run(["po", "import", "nl.po"], in: seed.root)
        #expect(second.standardError.contains("0 texts changed in 0 files, 0 records updated"), "\(second.standardError)")
        #expect(!second.standardError.contains("comments kept"))
    }

    @Test func aCalloutLegendCommentShowsTheLabelOfTheTermItNames() throws {
        let seed = try SeedCopy()
        let file = try exported(seed)
        #expect(file.contains("#. [](callout:3) toont markering 3 van de afbeelding (Knop Opslaan)."), "\(file.prefix(0))")
        #expect(!file.contains("(Knop )"))
    }
}
