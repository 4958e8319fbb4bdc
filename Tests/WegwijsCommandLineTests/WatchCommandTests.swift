import Foundation
import Testing
import WegwijsTestSupport

/// End-to-end: `wegwijs build --watch` builds, then builds again when a content file is saved, until stopped.
@Suite struct WatchCommandTests {
    /// Waits (polling, up to a generous limit that is never asserted on) until `condition` holds.
    func wait(_ condition: () -> Bool) -> Bool {
        for _ in 0..<600 {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return condition()
    }

    @Test func aSavedFileIsBuiltAgainAndAFailedBuildKeepsTheOutput() throws {
        let procedure = "title: {en: Add users, nl: Gebruikers toevoegen}\nsteps:\n  - title: {en: First words, nl: Eerste woorden}\n"
        let site = try ContentFixture(["procedures/portal/add-users.yaml": procedure])
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["build", "--watch"]
        process.currentDirectoryURL = site.root
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        let collected = Collected()
        errorPipe.fileHandleForReading.readabilityHandler = { handle in collected.append(handle.availableData) }
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
            errorPipe.fileHandleForReading.readabilityHandler = nil
        }
        let page = site.root.appendingPathComponent("output/md/en/add-users.md")
        func pageText() -> String { (try? String(contentsOf: page, encoding: .utf8)) ?? "" }
        #expect(wait { pageText().contains("First words") && collected.text.contains("Watching") })

        try site.write(procedure.replacingOccurrences(of: "First words", with: "Second words"), to: "procedures/portal/add-users.yaml")
        #expect(wait { pageText().contains("Second words") })
        #expect(wait { collected.text.components(separatedBy: "Built 1 of 1 procedures").count == 3 })

        try site.write("title: {en: Add users\nsteps: [\n", to: "procedures/portal/add-users.yaml")
        #expect(wait { collected.text.contains("nothing was written") })
        #expect(collected.text.contains("content/procedures/portal/add-users.yaml:2:6: error: YAML syntax error"))
        #expect(pageText().contains("Second words"))
        #expect(process.isRunning)
    }
}

/// Bytes read from a pipe on another thread.
private final class Collected: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()

    func append(_ more: Data) { lock.withLock { data.append(more) } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
