import Foundation
import Testing
import WegwijsTestSupport

/// End-to-end: `wegwijs pdf` when WeasyPrint is missing or fails, with a `PATH` that has no WeasyPrint or a
/// stand-in for it. (The real WeasyPrint's PDFs are checked in ``PrintedGuidePageTests``.)
@Suite struct PDFCommandTests {
    func fixture() throws -> ContentFixture {
        try ContentFixture([
            "procedures/portal/add-users.yaml": """
                title: {en: Add users, nl: Gebruikers toevoegen}
                steps:
                  - id: fill-in
                    title: {en: Fill in, nl: Invullen}
                    text: {en: "See [](ref:add-users#fill-in).", nl: "Zie [](ref:add-users#fill-in)."}

                """
        ])
    }

    /// A folder holding only a `weasyprint` that runs `script` (POSIX shell, no other program on PATH).
    func standIn(_ script: String, in site: ContentFixture) throws -> URL {
        let folder = site.root.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let program = folder.appendingPathComponent("weasyprint")
        try Data("#!/bin/sh\n\(script)\n".utf8).write(to: program)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
        return folder
    }

    @Test func withoutWeasyPrintItSaysWhatToInstallAndWritesNothing() throws {
        let site = try fixture()
        let empty = site.root.appendingPathComponent("empty-bin")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let result = try CommandRunner.run(["pdf", "--combined"], in: site.root, environment: ["PATH": empty.path])
        #expect(result.status == 1)
        #expect(result.standardError == """
            wegwijs: error: 'wegwijs pdf' needs WeasyPrint, and there is no 'weasyprint' on PATH
                Install it, then run the command again:
                  Debian or Ubuntu: apt-get install weasyprint
                  macOS: brew install weasyprint
                  elsewhere: pip install weasyprint

            """)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("output").path))
    }

    @Test func aFailingWeasyPrintIsReportedWithoutItsStackTraceAndTheOutputStaysAsItWas() throws {
        let site = try fixture()
        #expect(try CommandRunner.run(["build"], in: site.root).status == 0)
        let output = site.root.appendingPathComponent("output")
        let before = FileTree.contents(of: output)
        // Half a PDF, then a Python stack trace, as a crashing WeasyPrint leaves them.
        let bin = try standIn(
            """
            printf '%%PDF-1.7 half' > "$2"
            echo 'Traceback (most recent call last):' >&2
            echo '  File "/usr/lib/python3/dist-packages/weasyprint/__main__.py", line 1, in main' >&2
            echo '    raise ValueError' >&2
            echo 'ValueError: cannot lay out the document' >&2
            exit 1
            """, in: site)
        let result = try CommandRunner.run(["pdf"], in: site.root, environment: ["PATH": bin.path])
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.contains("wegwijs: error: WeasyPrint failed (exit status 1) making 'output/print/en.pdf'"))
        #expect(lines.contains("    ValueError: cannot lay out the document"))
        #expect(lines.contains("    Nothing was changed in 'output'."))
        #expect(!result.standardError.contains("Traceback") && !result.standardError.contains("File \""))
        #expect(FileTree.contents(of: output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("staging") }
        #expect(leftovers == [])
    }

    @Test func weasyPrintsWarningsAreShownAndItsPDFsPutInPlace() throws {
        let site = try fixture()
        let bin = try standIn(
            """
            echo 'WARNING: Ignored `frobnicate: 1` at 3:1, unknown property.' >&2
            printf '%%PDF-1.7 whole' > "$2"
            """, in: site)
        let result = try CommandRunner.run(["pdf", "--lang", "nl", "--combined"], in: site.root, environment: ["PATH": bin.path])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.suffix(3) == [
            "wegwijs: warning: WeasyPrint on 'output/print/nl.pdf': WARNING: Ignored `frobnicate: 1` at 3:1, unknown property.",
            "wegwijs: warning: WeasyPrint on 'output/print/guide.pdf': WARNING: Ignored `frobnicate: 1` at 3:1, unknown property.",
            "Wrote 'output/print/nl.pdf', 'output/print/guide.pdf'.",
        ])
        let files = FileTree.contents(of: site.root.appendingPathComponent("output")).keys.filter { $0.hasPrefix("print/") }.sorted()
        #expect(files == ["print/en.html", "print/guide.html", "print/guide.pdf", "print/nl.html", "print/nl.pdf", "print/print.css"])
    }

    @Test func anUnknownLanguageIsAMistakeOnTheCommandLine() throws {
        let site = try fixture()
        let bin = try standIn("exit 1", in: site)
        let result = try CommandRunner.run(["pdf", "--lang", "de"], in: site.root, environment: ["PATH": bin.path])
        #expect(result.status == 64)
        #expect(result.standardError.contains("'de' is not a language of the site (en, nl)"))
    }
}
