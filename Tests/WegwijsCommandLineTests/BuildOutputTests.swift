import Foundation
import Testing
import WegwijsTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The output is all or nothing: builds killed at random moments, two builds at once, and outputs a build
/// must refuse.
@Suite(.serialized) struct BuildOutputTests {
    /// A content folder of `count` procedures whose texts carry `version`, big enough that a build takes a while.
    static func files(count: Int, version: String) -> [String: String] {
        var files = ["glossary.yaml": "save: {en: Save, nl: Opslaan}\n"]
        for index in 0..<count {
            let steps = (1...6).map { step in
                """
                  - id: step-\(step)
                    title: {en: Step \(step) of \(version), nl: Stap \(step) van \(version)}
                    text:
                      en: |
                        Click [](term:save) in *step \(step)*, then see [](ref:procedure-\((index + 1) % count)).
                        A longer paragraph of \(version), so the page has some text to render and write.
                      nl: |
                        Klik op [](term:save) in *stap \(step)*, zie dan [](ref:procedure-\((index + 1) % count)).
                        Een langere alinea van \(version), zodat de pagina wat tekst heeft.

                """
            }
            files["procedures/portal/procedure-\(index).yaml"] =
                "title: {en: Procedure \(index) \(version), nl: Procedure \(index) \(version)}\nsteps:\n" + steps.joined()
        }
        return files
    }

    /// Starts `wegwijs build` without waiting for it.
    static func startBuild(in root: URL, output: String = "output") throws -> Process {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["build", "--output", output]
        process.currentDirectoryURL = root
        process.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Builds the content as it is into `name` and returns the tree written.
    static func reference(_ site: ContentFixture, _ name: String) throws -> [String: Data] {
        let result = try CommandRunner.run(["build", "--output", name], in: site.root)
        #expect(result.status == 0, "\(result.standardError)")
        return FileTree.contents(of: site.root.appendingPathComponent(name))
    }

    /// What beside the output a build leaves: staging, the set-aside old output, the lock.
    static func leftovers(in root: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0.contains("wegwijs-") }.sorted()
    }

    /// Procedures in the content of the kill test: enough that a build takes a while.
    static let size = TestScale.pick(150, sanitized: 60)

    @Test func aBuildKilledAtAnyMomentLeavesTheCompleteOldOrTheCompleteNewOutput() throws {
        let site = try ContentFixture(Self.files(count: Self.size, version: "A"))
        let treeA = try Self.reference(site, "reference-a")
        for (path, text) in Self.files(count: Self.size, version: "B") { try site.write(text, to: path) }
        let treeB = try Self.reference(site, "reference-b")
        #expect(treeA != treeB)
        #expect(try CommandRunner.run(["build"], in: site.root).status == 0)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(try CommandRunner.run(["build"], in: site.root).status == 0)
        let buildTime = Double((clock.now - start).components.attoseconds) / 1e18 + Double((clock.now - start).components.seconds)
        var generator = SystemRandomNumberGenerator()
        var outcomes: [String] = []
        var version = "B"
        for iteration in 0..<TestScale.pick(10, sanitized: 5) {
            // Alternate the content, so every build replaces one complete tree with the other.
            version = iteration.isMultiple(of: 2) ? "A" : "B"
            for (path, text) in Self.files(count: Self.size, version: version) { try site.write(text, to: path) }
            let process = try Self.startBuild(in: site.root)
            let delay = Double.random(in: 0...(buildTime * 1.2), using: &generator)
            usleep(useconds_t(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let tree = FileTree.contents(of: site.root.appendingPathComponent("output"))
            let which = tree == treeA ? "A" : tree == treeB ? "B" : "mixed"
            outcomes.append("\(String(format: "%.2f", delay))s→\(which)")
            #expect(tree == treeA || tree == treeB, "killed after \(delay) s: the output is neither the old nor the new tree")
        }
        // A later build recovers: stale staging removed, the lock free (flock dies with its process).
        let final = try CommandRunner.run(["build"], in: site.root)
        #expect(final.status == 0, "\(final.standardError)")
        #expect(FileTree.contents(of: site.root.appendingPathComponent("output")) == (version == "A" ? treeA : treeB))
        #expect(Self.leftovers(in: site.root) == [], "after kills at \(outcomes)")
    }

    @Test func aSecondBuildIntoTheSameOutputIsRefusedWhileTheFirstRuns() throws {
        let site = try ContentFixture(Self.files(count: 3, version: "A"))
        #expect(try CommandRunner.run(["build"], in: site.root).status == 0)
        let before = FileTree.contents(of: site.root.appendingPathComponent("output"))
        // Hold the lock as a running build does.
        let lock = open(site.root.appendingPathComponent(".output.wegwijs-lock").path, O_CREAT | O_RDWR, 0o644)
        #expect(lock >= 0)
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
        let refused = try CommandRunner.run(["build"], in: site.root, timeLimit: 60)
        close(lock)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("error: another build is writing 'output' right now"))
        #expect(refused.standardError.contains("Wait for it to finish, then build again."))
        #expect(FileTree.contents(of: site.root.appendingPathComponent("output")) == before)
    }

    @Test func twoBuildsStartedTogetherNeverMixTheirOutput() throws {
        let site = try ContentFixture(Self.files(count: Self.size, version: "A"))
        let tree = try Self.reference(site, "reference")
        let first = try Self.startBuild(in: site.root)
        // Wait until the first build holds the lock, then start the second.
        let lockPath = site.root.appendingPathComponent(".output.wegwijs-lock").path
        while first.isRunning, !FileManager.default.fileExists(atPath: lockPath) { usleep(1_000) }
        let second = try CommandRunner.run(["build"], in: site.root, timeLimit: 120)
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        if second.status != 0 {
            #expect(second.standardError.contains("another build is writing 'output' right now"))
        }
        #expect(FileTree.contents(of: site.root.appendingPathComponent("output")) == tree)
        #expect(Self.leftovers(in: site.root) == [])
    }

    @Test func outputsABuildMustNotReplace() throws {
        let site = try ContentFixture(Self.files(count: 1, version: "A"))
        let root = site.root
        try Data("a file".utf8).write(to: root.appendingPathComponent("a-file"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("other/sub"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("other/sub/x"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link-to-content").path, withDestinationPath: "content")
        let before = FileTree.contents(of: root)
        let cases: [(String, String)] = [
            ("/", "refusing to write the output to '/'"),
            (root.path, "refusing to write the output to '\(root.path)': it overlaps the content or templates folder"),
            ("content", "it overlaps the content or templates folder"),
            ("content/procedures", "it overlaps the content or templates folder"),
            ("link-to-content", "it overlaps the content or templates folder"),
            ("templates", "it overlaps the content or templates folder"),
            ("a-file", "the output 'a-file' is a file, not a folder"),
            ("other", "refusing to replace 'other': it is not empty and was not written by wegwijs"),
        ]
        for (output, message) in cases {
            let result = try CommandRunner.run(["build", "--output", output], in: root, timeLimit: 60)
            #expect(result.status == 1, "\(output)")
            #expect(result.standardError.contains(message), "\(output): \(result.standardError)")
        }
        #expect(FileTree.contents(of: root) == before, "a refused build changed something")
        // An empty folder, and a folder an earlier build wrote, are fine.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        #expect(try CommandRunner.run(["build", "--output", "empty"], in: root).status == 0)
        #expect(try CommandRunner.run(["build", "--output", "empty"], in: root).status == 0)
    }
}
