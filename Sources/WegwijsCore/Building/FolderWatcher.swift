import Foundation

/// Notices changes in folders by polling: every file's path, size and modification time, compared with the
/// previous look.
///
/// Polling is portable (Linux and macOS, local and network file systems) and cheap for content folders of
/// some thousands of files; a look every quarter of a second keeps a rebuild within a second of a save.
public struct FolderWatcher: Sendable {
    /// What a look at the folders found: each regular file's size and modification time, by path.
    public struct Snapshot: Sendable, Equatable {
        var files: [String: FileState] = [:]
    }

    struct FileState: Sendable, Equatable {
        var size: Int
        var modified: Date
    }

    /// The folders watched.
    public let folders: [URL]

    /// A watcher of `folders` (and everything under them).
    public init(folders: [URL]) {
        self.folders = folders
    }

    /// The folders as they are now.
    public func snapshot() -> Snapshot {
        var snapshot = Snapshot()
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else { continue }
            for case let url as URL in enumerator {
                guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                snapshot.files[url.path] = FileState(size: values.fileSize ?? 0, modified: values.contentModificationDate ?? .distantPast)
            }
        }
        return snapshot
    }

    /// Waits until the folders differ from `previous` and have stayed the same for one more look (so a
    /// save in several writes is seen whole), then answers how they are.
    public func change(since previous: Snapshot, every interval: Duration = .milliseconds(250)) async throws -> Snapshot {
        var last = previous
        while true {
            try await Task.sleep(for: interval)
            let now = snapshot()
            if now != previous && now == last { return now }
            last = now
        }
    }
}
