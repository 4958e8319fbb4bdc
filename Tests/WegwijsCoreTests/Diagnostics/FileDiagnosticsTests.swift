import Foundation
import Testing
import WegwijsCore
import WegwijsTestSupport

/// Problems with files and folders rather than with what they say; and with templates and interface strings.
@Suite struct FileDiagnosticsTests {
    static let procedure = "title: {en: T, nl: T}\nsteps:\n  - title: {en: S, nl: S}\n"

    @Test func emptyFilesTextsAndStepLists() throws {
        let fixture = try ContentFixture([
            "procedures/portal/empty.yaml": "",
            "procedures/portal/blank-title.yaml": "title:\n  en: ''\n  nl:\nsteps: []\n",
        ])
        #expect(fixture.diagnosticLines() == [
            "procedures/portal/blank-title.yaml:2:3: error: the 'en' text of the title is empty",
            "procedures/portal/blank-title.yaml:3:3: error: the 'nl' text of the title is empty",
            "procedures/portal/blank-title.yaml:4:8: error: 'steps' is empty: a procedure has at least one step",
            "procedures/portal/empty.yaml:1:1: error: the procedure file is empty",
        ])
    }

    @Test func filesThatAreNotProcedures() throws {
        let fixture = try ContentFixture([
            "procedures/portal/notes.txt": "hello",
            "procedures/portal/old.yml": Self.procedure,
            "procedures/stray.yaml": Self.procedure,
        ])
        try FileManager.default.createDirectory(
            at: fixture.content.appendingPathComponent("procedures/portal/folder.yaml"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: fixture.content.appendingPathComponent("procedures/portal/gone.yaml"),
            withDestinationURL: fixture.root.appendingPathComponent("nowhere.yaml"))
        #expect(fixture.diagnosticLines() == [
            "procedures/portal/folder.yaml:1:1: error: 'folder.yaml' is a folder, not a procedure file",
            "procedures/portal/gone.yaml:1:1: error: cannot read the file: no such file",
            "procedures/portal/notes.txt:1:1: warning: ignored: not a '.yaml' file",
            "procedures/portal/old.yml:1:1: warning: ignored: not a '.yaml' file (rename it to end in '.yaml')",
            "procedures/stray.yaml:1:1: error: procedure files belong in a group folder: procedures/<group>/<id>.yaml",
        ])
    }

    @Test func nulCharacterAndInvalidLanguageCode() throws {
        let fixture = try ContentFixture([
            "site.yaml": ContentFixture.siteYAML.replacingOccurrences(of: "[en, nl]", with: "[en, nl, 'N L!']"),
            "procedures/portal/p.yaml": "title: {en: T, nl: \"T\\0\"}\nsteps: [{title: x}]\n",
        ])
        try fixture.write(Data("title: a\u{0}b\n".utf8), to: "procedures/portal/q.yaml")
        #expect(fixture.diagnosticLines() == [
            "procedures/portal/q.yaml:1:9: error: the file contains a NUL character",
            "site.yaml:4:21: error: 'N L!' is not a language code",
        ])
    }

    @Test func figurePathWithControlCharacter() throws {
        let fixture = try ContentFixture([
            "procedures/portal/p.yaml": "title: {en: T, nl: T}\nsteps:\n  - title: S\n    figure: {src: \"images/a\\tb.svg\", alt: A}\n"
        ])
        #expect(fixture.diagnosticLines() == [
            "procedures/portal/p.yaml:4:19: error: the figure path contains a control character"
        ])
    }

    @Test func templateProblems() throws {
        let fixture = try ContentFixture(["procedures/portal/p.yaml": Self.procedure])
        try FileManager.default.removeItem(at: fixture.templates.appendingPathComponent("md-index.mustache"))
        try Data("<p>{{#steps}}{{title}}</p>\n".utf8).write(to: fixture.templates.appendingPathComponent("html-index.mustache"))
        var diagnostics = Diagnostics()
        let templates = Templates.load(from: fixture.templates, displayPath: "templates", diagnostics: &diagnostics)
        #expect(templates == nil)
        #expect(diagnostics.sorted.map(\.headline) == [
            "templates/html-index.mustache:1:4: error: Mustache syntax error: the section 'steps' is opened but never closed",
            "templates/md-index.mustache:1:1: error: missing template 'md-index.mustache'",
        ])
    }

    @Test func interfaceStringsMissingAKey() throws {
        let fixture = try ContentFixture(["procedures/portal/p.yaml": Self.procedure])
        let dutch = fixture.templates.appendingPathComponent("strings/nl.yaml")
        let text = try String(contentsOf: dutch, encoding: .utf8).replacingOccurrences(of: "note.tip: Tip\n", with: "")
        try Data(text.utf8).write(to: dutch)
        #expect(fixture.diagnosticLines() == ["templates/strings/nl.yaml:1:1: error: missing interface string 'note.tip'"])
    }

    @Test func everyStringsFileHasEveryKeyOfTheSourceLanguage() throws {
        let folder = Repository.root.appendingPathComponent("templates/strings")
        var diagnostics = Diagnostics()
        let strings = InterfaceStrings.load(from: folder, displayPath: "templates/strings", diagnostics: &diagnostics)
        #expect(diagnostics.all.isEmpty)
        #expect(strings.languages == ["en", "nl"])
        for key in InterfaceStrings.requiredKeys {
            #expect(strings.string(key, in: "en") != strings.string(key, in: "nl") || ["note.tip", "runner.key.enter", "runner.key.language", "runner.report.procedure", "runner.report.status", "runner.value.code", "runner.ended-with-problem.step", "po.plural-forms", "po.comment.procedure", "date.format"].contains(key), "\(key) is not translated")
        }
    }
}
