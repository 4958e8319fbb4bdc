import Foundation
import Testing
import WegwijsTestSupport

/// End-to-end: the built `wegwijs` run on temporary content folders, as a user runs it.
@Suite struct CommandTests {
    static let procedure = """
        title: {en: Add users, nl: Gebruikers toevoegen}
        steps:
          - id: fill-in
            title: {en: Fill in, nl: Invullen}
            text: {en: "Click [](term:save).", nl: "Klik op [](term:save)."}

        """

    func fixture(_ extra: [String: String] = [:]) throws -> ContentFixture {
        var files = ["procedures/portal/add-users.yaml": Self.procedure, "glossary.yaml": "save: {en: Save, nl: Opslaan}\n"]
        for (path, text) in extra { files[path] = text }
        return try ContentFixture(files)
    }

    @Test func buildWritesEveryPageAndSaysSo() throws {
        let site = try fixture()
        let result = try CommandRunner.run(["build"], in: site.root)
        #expect(result.status == 0)
        #expect(result.standardError.contains("Built 1 procedures in 2 languages to 'output'"))
        let files = FileTree.contents(of: site.root.appendingPathComponent("output")).keys.sorted()
        #expect(files == [
            ".wegwijs-output", "html/404.html", "html/en/404.html", "html/en/add-users.html", "html/en/index.html",
            "html/en/search-index.js", "html/favicon.svg", "html/index.html", "html/nl/404.html", "html/nl/add-users.html",
            "html/nl/index.html", "html/nl/search-index.js", "html/wegwijs-404.js", "html/wegwijs.css", "html/wegwijs.js",
            "md/README.md", "md/en/README.md", "md/en/add-users.md", "md/nl/README.md", "md/nl/add-users.md",
            "print/en.html", "print/guide.html", "print/nl.html", "print/print.css",
        ])
    }

    @Test func failedBuildReportsEveryErrorAndLeavesTheOutputAlone() throws {
        let site = try fixture()
        #expect(try CommandRunner.run(["build"], in: site.root).status == 0)
        let before = FileTree.contents(of: site.root.appendingPathComponent("output"))
        try site.write(Self.procedure.replacingOccurrences(of: "term:save", with: "term:sav"), to: "procedures/portal/add-users.yaml")
        try site.write("title: {en: X, nl: X}\nstpes: []\n", to: "procedures/portal/other.yaml")
        let result = try CommandRunner.run(["build"], in: site.root)
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(lines == [
            "content/procedures/portal/add-users.yaml:5:23: error: unknown glossary term 'sav' (did you mean 'save'?)",
            "content/procedures/portal/add-users.yaml:5:52: error: unknown glossary term 'sav' (did you mean 'save'?)",
            "content/procedures/portal/other.yaml:1:1: error: procedure 'other' has no 'steps'",
            "content/procedures/portal/other.yaml:2:1: error: unknown key 'stpes' in procedure 'other' (did you mean 'steps'?)",
        ])
        #expect(result.standardError.contains("    stpes: []\n    ^"))
        #expect(result.standardError.contains("nothing was written"))
        #expect(FileTree.contents(of: site.root.appendingPathComponent("output")) == before)
    }

    @Test func strictTurnsUntranslatedTextsIntoErrors() throws {
        let site = try fixture(["procedures/portal/add-users.yaml": Self.procedure.replacingOccurrences(of: ", nl: Invullen", with: "")])
        let relaxed = try CommandRunner.run(["build"], in: site.root)
        #expect(relaxed.status == 0)
        #expect(relaxed.standardError.contains("content/procedures/portal/add-users.yaml:4:12: warning: untranslated: no 'nl' text"))
        let strict = try CommandRunner.run(["build", "--strict", "--output", "strict-output"], in: site.root)
        #expect(strict.status == 1)
        #expect(strict.standardError.contains("content/procedures/portal/add-users.yaml:4:12: error: untranslated: no 'nl' text"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("strict-output").path))
    }

    @Test func buildRefusesAFolderItDidNotWrite() throws {
        let site = try fixture()
        let folder = site.root.appendingPathComponent("precious")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let result = try CommandRunner.run(["build", "--output", "precious"], in: site.root)
        #expect(result.status == 1)
        #expect(result.standardError.contains("refusing to replace 'precious'"))
        #expect(FileTree.contents(of: folder) == ["notes.txt": Data("keep me".utf8)])
        for target in ["content", "/", "."] {
            let refused = try CommandRunner.run(["build", "--output", target], in: site.root)
            #expect(refused.status == 1, "\(target)")
            #expect(refused.standardError.contains("refusing"), "\(target)")
        }
    }

    @Test func checkPrintsTextOrJSON() throws {
        let site = try fixture(["procedures/portal/add-users.yaml": Self.procedure.replacingOccurrences(of: "[](term:save).\", nl", with: "[](term:nope).\", nl")])
        let text = try CommandRunner.run(["check"], in: site.root)
        #expect(text.status == 1)
        #expect(text.standardError.contains("content/procedures/portal/add-users.yaml:5:23: error: unknown glossary term 'nope'"))
        #expect(text.standardError.hasSuffix("1 error, 0 warnings\n"))
        let json = try CommandRunner.run(["check", "--format", "json"], in: site.root)
        #expect(json.status == 1)
        let entries = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]]
        #expect(entries?.count == 1)
        #expect(entries?.first?["file"] as? String == "content/procedures/portal/add-users.yaml")
        #expect(entries?.first?["line"] as? Int == 5)
        #expect(entries?.first?["column"] as? Int == 23)
        #expect(entries?.first?["severity"] as? String == "error")
        #expect((entries?.first?["message"] as? String)?.hasPrefix("unknown glossary term 'nope'") == true)
    }

    @Test func checkChangesNothing() throws {
        let site = try fixture()
        let before = FileTree.contents(of: site.root)
        #expect(try CommandRunner.run(["check"], in: site.root).status == 0)
        #expect(FileTree.contents(of: site.root) == before)
    }

    @Test func listShowsProceduresByGroupInTheChosenLanguage() throws {
        let site = try fixture(["procedures/other/remove-users.yaml": "title: {en: Remove users, nl: Gebruikers verwijderen}\nsteps:\n  - title: {en: Go, nl: Ga}\n"])
        let english = try CommandRunner.run(["list"], in: site.root)
        #expect(english.status == 0)
        #expect(english.standardOutput == "Portal\n  add-users  Add users\nOther\n  remove-users  Remove users\n")
        let dutch = try CommandRunner.run(["list", "--lang", "nl"], in: site.root)
        #expect(dutch.standardOutput == "Portal\n  add-users  Gebruikers toevoegen\nOverig\n  remove-users  Gebruikers verwijderen\n")
    }

    /// `list` and the runner's picker follow the site's reading order: each language's titles collated, unless
    /// the group lists its procedures in site.yaml (the same order as the index and the navigation).
    @Test func listAndThePickerFollowTheReadingOrderOfTheLanguage() throws {
        let site = try fixture([
            "procedures/portal/approve-users.yaml": "title: {en: Approve users, nl: Gebruikers goedkeuren}\nsteps:\n  - title: {en: Go, nl: Ga}\n",
            "procedures/portal/edit-users.yaml": "title: {en: Edit users, nl: Één gebruiker wijzigen}\nsteps:\n  - title: {en: Go, nl: Ga}\n",
        ])
        let english = try CommandRunner.run(["list"], in: site.root)
        #expect(english.standardOutput == "Portal\n  add-users      Add users\n  approve-users  Approve users\n  edit-users     Edit users\n")
        let dutch = try CommandRunner.run(["list", "--lang", "nl"], in: site.root)
        #expect(dutch.standardOutput == "Portal\n  edit-users     Één gebruiker wijzigen\n  approve-users  Gebruikers goedkeuren\n  add-users      Gebruikers toevoegen\n")
        let picked = try CommandRunner.run(
            ["run", "--lang", "nl", "--plain"], in: site.root,
            environment: ["XDG_STATE_HOME": site.root.appendingPathComponent("state").path, "LANG": "C"], input: "1\nq\n")
        #expect(picked.standardOutput.contains("1. Één gebruiker wijzigen\n  2. Gebruikers goedkeuren\n  3. Gebruikers toevoegen"), "\(picked.standardOutput)")
    }

    @Test func commandLineMistakesExitWith64() throws {
        let site = try fixture()
        for arguments in [["build", "--no-such-flag"], ["list", "--lang", "fr"], ["build", "--lang", "fr"], ["nonsense"], ["check", "--format", "xml"]] {
            let result = try CommandRunner.run(arguments, in: site.root)
            #expect(result.status == 64, "\(arguments)")
            #expect(!result.standardError.contains("Fatal error"), "\(arguments)")
        }
    }

    @Test func controlCharactersInContentNeverReachTheTerminal() throws {
        let site = try fixture(["procedures/portal/add-users.yaml": Self.procedure.replacingOccurrences(of: "term:save).\"", with: "term:x\\u001b[31m).\"")])
        let result = try CommandRunner.run(["check"], in: site.root)
        #expect(result.status == 1)
        #expect(!result.standardError.contains("\u{1B}"))
    }

    @Test func missingContentFolderIsExplained() throws {
        let site = try fixture()
        let result = try CommandRunner.run(["check", "--content", "nowhere"], in: site.root)
        #expect(result.status == 1)
        #expect(result.standardError.contains("nowhere/site.yaml:1:1: error: the content folder 'nowhere' does not exist"))
    }
}
