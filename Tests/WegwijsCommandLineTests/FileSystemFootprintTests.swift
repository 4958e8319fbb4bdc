import Foundation
import Testing
import WegwijsTestSupport

/// Every command run in a sandbox folder (HOME, XDG folders and TMPDIR inside it): the only files that
/// appear or change are under `--output` and the state folder; the content, the templates and the
/// repository stay as they were.
@Suite(.serialized) struct FileSystemFootprintTests {
    /// Path → (size, modification time, kind) of everything under `root`, symbolic links not followed.
    static func snapshot(_ root: URL, skipping skipped: Set<String> = []) -> [String: String] {
        var result: [String: String] = [:]
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isDirectoryKey, .isSymbolicLinkKey]
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys) else { return result }
        let prefix = root.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            let path = String(url.standardizedFileURL.path.dropFirst(prefix.count))
            if skipped.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) {
                enumerator.skipDescendants()
                continue
            }
            let values = try? url.resourceValues(forKeys: Set(keys))
            let kind = values?.isSymbolicLink == true ? "link" : values?.isDirectory == true ? "dir" : "file"
            let time = values?.contentModificationDate?.timeIntervalSince1970 ?? 0
            result[path] = "\(kind) \(values?.fileSize ?? 0) \(time)"
        }
        return result
    }

    @Test func theWholeCommandLineWritesOnlyTheOutputAndTheStateFolder() throws {
        let site = try ContentFixture(HTMLSafetyTests.files.filter { !$0.key.hasPrefix("images/") }.merging([
            "procedures/portal/xss.yaml": """
                title: {en: Add users, nl: Gebruikers toevoegen}
                inputs: [{id: account, label: Account}]
                steps:
                  - title: {en: One, nl: Een}
                    text: "Fill in [](input:account)."
                  - title: {en: Two, nl: Twee}

                """
        ]) { $1 })
        let root = site.root
        for folder in ["home", "tmp", "config", "cache", "data", "state"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let environment = [
            "HOME": root.appendingPathComponent("home").path, "TMPDIR": root.appendingPathComponent("tmp").path,
            "XDG_CONFIG_HOME": root.appendingPathComponent("config").path, "XDG_CACHE_HOME": root.appendingPathComponent("cache").path,
            "XDG_DATA_HOME": root.appendingPathComponent("data").path, "XDG_STATE_HOME": root.appendingPathComponent("state").path,
            "LANG": "C",
        ]
        let repositorySkips = Set([".git"]).union(
            ((try? FileManager.default.contentsOfDirectory(atPath: Repository.root.path)) ?? []).filter { $0.hasPrefix(".build") })
        let repositoryBefore = Self.snapshot(Repository.root, skipping: repositorySkips)
        let before = Self.snapshot(root)
        let runs: [([String], String?)] = [
            (["check"], nil), (["list"], nil), (["build"], nil), (["build", "--output", "site"], nil),
            (["run", "xss", "--plain"], "123\n\n\n"), (["run", "xss", "--plain"], "123\nq\n"),
            (["run", "xss", "--plain", "--restart"], "q\n"),
        ]
        for (arguments, input) in runs {
            let result = try CommandRunner.run(arguments, in: root, environment: environment, input: input, timeLimit: 120)
            #expect([0, 3].contains(result.status), "\(arguments): \(result.standardError)")
            #expect(!result.timedOut, "\(arguments)")
        }
        let after = Self.snapshot(root)
        let touched = Set(after.keys).union(before.keys).filter { before[$0] != after[$0] }.sorted()
        // The TMPDIR folder itself may change: ThreadSanitizer's runtime creates and removes tsan.rodata.<pid>
        // there in every process. Anything left inside it still counts.
        let unexpected = touched.filter { path in
            path != "tmp" && !["output", "site", "state"].contains { path == $0 || path.hasPrefix($0 + "/") }
        }
        #expect(unexpected == [], "written outside --output and the state folder")
        #expect(touched.contains("output/html/en/xss.html"))
        #expect(touched.contains("site/md/nl/xss.md"))
        #expect(touched.contains { $0.hasPrefix("state/wegwijs/xss.") })
        #expect(Self.snapshot(Repository.root, skipping: repositorySkips) == repositoryBefore, "the repository changed")
    }
}
