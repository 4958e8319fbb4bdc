import Foundation
import Testing
import WegwijsTestSupport

/// End-to-end: `wegwijs po import` with PO files no translator's tool would write: 50 MB of entries,
/// broken on every line or naming nothing, a folder, a pipe and a file too large to read. Each gives a
/// clear report or a clean refusal within a time limit, and the content stays exactly as it was.
@Suite struct HostilePOTests {
    /// 50 MB normally; 5 MB under a sanitizer, where every step costs several times as much.
    static let size = TestScale.pick(50, sanitized: 5) << 20

    /// The header of a Dutch PO file, then `entry(n)` for n = 0, 1, 2… until the file is `size` bytes.
    static func write(_ url: URL, entry: (Int) -> String) throws -> Int {
        var text = """
            msgid ""
            msgstr ""
            "Language: nl\\n"
            "Content-Type: text/plain; charset=UTF-8\\n"


            """
        text.reserveCapacity(size + 200)
        var count = 0
        while text.utf8.count < size {
            text += entry(count)
            count += 1
        }
        try Data(text.utf8).write(to: url)
        return count
    }

    /// Lines of `text` that contain `fragment`.
    static func count(_ fragment: String, in text: String) -> Int {
        text.split(separator: "\n").count { $0.contains(fragment) }
    }

    @Test func fiftyMegabytesOfEntriesThatNameNothingAreCountedAfterTheFirstThousand() throws {
        let seed = try SeedCopy()
        let file = seed.root.appendingPathComponent("other-project.po")
        let entries = try Self.write(file) { n in
            "#: other/project.yaml:\(n)\nmsgctxt \"other-project-\(n)/steps/step-\(n)/title\"\nmsgid \"Approve user \(n)\"\nmsgstr \"Keur gebruiker \(n) goed\"\n\n"
        }
        let before = FileTree.contents(of: seed.content)
        // 355,600 entries: about 15 s in a release build, 160–230 s in the debug build on a quiet 2-core machine,
        // and past 240 s when other builds share it. The limit is for a hang, not a speed figure.
        let result = try CommandRunner.run(["po", "import", "other-project.po"], in: seed.root, timeLimit: 600)
        #expect(!result.timedOut)
        #expect(result.status == 0, "warnings only: \(result.standardError.suffix(500))")
        let listed = Self.count("names no text of the content; not applied", in: result.standardError)
        #expect(listed == 1000)
        // An entry is placed at its msgctxt: line 7 + 5n for entry n (the header takes 5 lines and a blank one,
        // an entry a comment, three keywords and a blank line).
        let firstUnlisted = 7 + 1000 * 5
        #expect(result.standardError.contains(
            "other-project.po:\(firstUnlisted):1: warning: \(entries - 1000) more entries like the 1000 above, from here on; not applied"))
        // Each listed warning quotes its line, read from the 50 MB file once, not once per warning.
        #expect(result.standardError.contains("warning: 'other-project-999/steps/step-999/title' names no text of the content; not applied\n    msgctxt \"other-project-999/steps/step-999/title\"\n    ^\n"))
        #expect(result.standardError.contains("Only the first 1000 of a kind are listed. Is this file exported from this content?"))
        #expect(result.standardError.contains("0 texts changed in 0 files, 0 records updated, \(entries) not applied (see above)."))
        #expect(FileTree.contents(of: seed.content) == before)
    }

    /// PO files that are wrong on every entry.
    enum Flood: String, CaseIterable, Sendable {
        /// An unclosed quote, a bad escape and a keyword without its string, over and over.
        case broken
        /// The same entry again and again: every copy after the first is a duplicate.
        case duplicates

        func entry(_ n: Int) -> String {
            switch self {
            case .broken: "msgctxt \"site/title\nmsgid \"x\\q\"\nmsgstr y\(n)\n\n"
            case .duplicates: "msgctxt \"site/title\"\nmsgid \"Carrier portal admin guides\"\nmsgstr \"Beheer \(n)\"\n\n"
            }
        }
    }

    @Test(arguments: Flood.allCases)
    func fiftyMegabytesOfErrorsStopAfterTheFirstThousand(flood: Flood) throws {
        let name = flood.rawValue
        let seed = try SeedCopy()
        let file = seed.root.appendingPathComponent("\(name).po")
        _ = try Self.write(file, entry: flood.entry)
        let before = FileTree.contents(of: seed.content)
        let result = try CommandRunner.run(["po", "import", "\(name).po"], in: seed.root, timeLimit: 240)
        #expect(!result.timedOut)
        #expect(result.status == 1)
        let errors = Self.count(": error: ", in: result.standardError)
        #expect(errors == 1001, "1,000 errors and the one that says reading stopped")
        #expect(result.standardError.contains(": error: too many errors (1000): stopped reading the file here"))
        #expect(result.standardError.contains("Is this a PO file? Check it with 'msgfmt -c -o /dev/null FILE'."))
        #expect(result.standardError.contains("1001 errors, 0 warnings in '\(name).po'; nothing was changed"))
        #expect(FileTree.contents(of: seed.content) == before)
    }

    @Test func aFolderAPipeAndAHugeFileAreRefusedUnread() throws {
        let seed = try SeedCopy()
        let folder = seed.root.appendingPathComponent("folder.po")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // A pipe nobody writes to: reading it would wait for ever.
        #expect(mkfifo(seed.root.appendingPathComponent("pipe.po").path, 0o600) == 0)
        // Sparse: 65 MB long without taking 65 MB of disk.
        let huge = seed.root.appendingPathComponent("huge.po")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 65 << 20)
        try handle.close()
        let before = FileTree.contents(of: seed.content)
        let expected = [
            "folder.po": "wegwijs: error: cannot import 'folder.po': this is a folder, not a file",
            "pipe.po": "wegwijs: error: cannot import 'pipe.po': this is not a regular file (a pipe, socket or device)",
            "huge.po": "wegwijs: error: cannot import 'huge.po': the file is 65 MB; Wegwijs reads files of at most 64 MB",
            "missing.po": "wegwijs: error: cannot read 'missing.po'",
        ]
        for (name, message) in expected.sorted(by: { $0.key < $1.key }) {
            let result = try CommandRunner.run(["po", "import", name], in: seed.root, timeLimit: 60)
            #expect(!result.timedOut, "\(name)")
            #expect(result.status == 1, "\(name)")
            #expect(result.standardError == message + "\n", "\(name)")
        }
        #expect(FileTree.contents(of: seed.content) == before)
    }
}
