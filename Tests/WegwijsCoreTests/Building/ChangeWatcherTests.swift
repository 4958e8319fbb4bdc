import Foundation
import Testing
@testable import WegwijsCore

/// ``ChangeWatcher`` names the files that changed, in batches, with inotify and with polling alike.
@Suite(.serialized) struct ChangeWatcherTests {
    static let modes: [ChangeWatcher.Mode] = [.automatic, .polling(interval: .milliseconds(100))]

    /// A fresh folder with one file.
    func folder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("procedures"), withIntermediateDirectories: true)
        try Data("a\n".utf8).write(to: root.appendingPathComponent("procedures/a.yaml"))
        return root.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The next batch, or nil after 10 seconds (never asserted as a time: a change not seen at all).
    func next(_ watcher: ChangeWatcher) async -> Set<String>? {
        await withTaskGroup(of: Set<String>?.self) { group in
            group.addTask { try? await watcher.changes() }
            group.addTask {
                try? await Task.sleep(for: .seconds(10))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    @Test(arguments: modes) func writesRenamesDeletesAndNewFoldersAreNamed(mode: ChangeWatcher.Mode) async throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = ChangeWatcher(folders: [root], mode: mode)
        defer { watcher.stop() }
        #expect(watcher.usesNotifications == (mode == .automatic), "\(watcher.fallbackReason ?? "")")
        try await Task.sleep(for: .milliseconds(150))  // the polling mode's first look
        let file = root.appendingPathComponent("procedures/a.yaml")

        try Data("a, longer\n".utf8).write(to: file)
        #expect(await next(watcher) == [file.path])

        // An editor's save: a temporary file renamed over the file; the temporary name is not reported.
        let temporary = root.appendingPathComponent("procedures/.a.yaml.tmp")
        try Data("a, saved\n".utf8).write(to: temporary)
        #expect(rename(temporary.path, file.path) == 0)
        #expect(await next(watcher) == [file.path])

        let folder = root.appendingPathComponent("procedures/new-group")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let inside = folder.appendingPathComponent("b.yaml")
        try Data("b\n".utf8).write(to: inside)
        let created = await next(watcher) ?? []
        #expect(created.contains(inside.path), "\(created)")
        try Data("b, again\n".utf8).write(to: inside)
        #expect((await next(watcher) ?? []).contains(inside.path), "a folder made after the start is watched too")

        try FileManager.default.removeItem(at: file)
        #expect(await next(watcher) == [file.path])
    }

    @Test(arguments: modes) func aBurstOfWritesComesInFewBatches(mode: ChangeWatcher.Mode) async throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = ChangeWatcher(folders: [root], mode: mode)
        defer { watcher.stop() }
        try await Task.sleep(for: .milliseconds(150))
        let files = (0..<200).map { root.appendingPathComponent("procedures/p\($0).yaml") }
        for file in files { try Data("x\n".utf8).write(to: file) }
        var seen = Set<String>()
        var batches = 0
        while seen.count < files.count, let batch = await next(watcher) {
            seen.formUnion(batch)
            batches += 1
        }
        #expect(seen.isSuperset(of: files.map(\.path)))
        #expect(batches <= 5, "\(batches) batches for one burst")
    }

    @Test func cancellingTheWaitEndsIt() async throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = ChangeWatcher(folders: [root])
        defer { watcher.stop() }
        let waiting = Task { try await watcher.changes() }
        try await Task.sleep(for: .milliseconds(50))
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
    }

    @Test func inotifyRecordsAreDecodedWithoutReadingPastTheBuffer() {
        var bytes: [UInt8] = []
        func record(_ watch: Int32, _ mask: UInt32, _ name: String, padding: Int) {
            withUnsafeBytes(of: watch.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: mask.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: UInt32(0)) { bytes += $0 }
            withUnsafeBytes(of: UInt32(name.utf8.count + padding).littleEndian) { bytes += $0 }
            bytes += Array(name.utf8) + Array(repeating: 0, count: padding)
        }
        record(1, 2, "a.yaml", padding: 10)
        record(2, 8, "", padding: 0)
        record(3, 256, "b.yaml", padding: 2)
        let truncated = Array(bytes.dropLast(3))
        let events = bytes.withUnsafeBytes { InotifyEvent.decode($0) }
        #expect(events.map(\.name) == ["a.yaml", "", "b.yaml"])
        #expect(events.map(\.watch) == [1, 2, 3] && events.map(\.mask) == [2, 8, 256])
        #expect(truncated.withUnsafeBytes { InotifyEvent.decode($0) }.count == 2)
    }

    @Test func editorsScratchNamesAreLeftOutUnlessTheyStay() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let kept = root.appendingPathComponent(".kept.yaml").path
        try Data().write(to: URL(fileURLWithPath: kept))
        let batch: Set<String> = [root.appendingPathComponent("procedures/a.yaml").path, "\(root.path)/4913", "\(root.path)/.a.yaml.swp", "\(root.path)/a.yaml~", "\(root.path)/a.yaml.tmp", "\(root.path)/b.yaml___jb_tmp___", kept]
        #expect(ScratchName.keptPaths(of: batch) == [root.appendingPathComponent("procedures/a.yaml").path, kept])
    }
}
