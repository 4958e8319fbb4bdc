import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells which files under some folders changed, in debounced batches, for `serve` and `build --watch`.
///
/// On Linux the kernel tells (inotify): a thread blocks in `poll` on the inotify descriptor and a wake pipe, so
/// nothing runs while nothing changes. Every folder under the roots has a watch; a folder created or moved in
/// later gets one, and its files (made before the watch) are reported. When the kernel's queue overflowed, the
/// roots themselves are reported: a change no file names, which makes the next build render everything.
///
/// Where there are no notifications (another system, a file system without inotify, the watch limit
/// `fs.inotify.max_user_watches` reached) it polls: `lstat` of every file once a second, compared by inode,
/// size and modification and status-change times, and says why it fell back (``fallbackReason``).
///
/// A batch ends 30 ms after its last event (at most 250 ms after its first), so an editor's save in several
/// steps (write a temporary file, rename it over the file) is one batch; names editors write on the way
/// (``ScratchName``) are reported only when they end up as files.
public final class ChangeWatcher: Sendable {
    /// How changes are noticed.
    public enum Mode: Sendable, Equatable {
        /// The system's notifications where there are, polling where not.
        case automatic
        /// Polling every `interval`.
        case polling(interval: Duration)
    }

    /// The folders watched, as real paths.
    public let folders: [String]
    /// Whether the system's notifications tell the changes (false: polling).
    public let usesNotifications: Bool
    /// Why it polls though notifications were asked for; nil when it did not fall back.
    public let fallbackReason: String?
    private let inbox = ChangeInbox()
    private let wake: WakePipe?

    /// The wait after a batch's last event, and its longest.
    static let quiet = Duration.milliseconds(30)
    static let longest = Duration.milliseconds(250)

    /// Watches `folders` and everything under them. `WEGWIJS_WATCH=poll` in the environment asks for polling.
    public init(folders: [URL], mode: Mode = .automatic) {
        let roots = folders.map { $0.standardizedFileURL.resolvingSymlinksInPath().path }
        self.folders = roots
        wake = WakePipe()
        var mode = mode
        var reason: String?
        if mode == .automatic, ProcessInfo.processInfo.environment["WEGWIJS_WATCH"] == "poll" {
            mode = .polling(interval: .seconds(1))
        }
        var notified = false
        if mode == .automatic {
            #if os(Linux)
            switch InotifySource.start(roots: roots, inbox: inbox, wake: wake) {
            case .success: notified = true
            case .failure(let problem): reason = problem.reason
            }
            #else
            reason = "this system's file notifications are not used yet"
            #endif
        }
        if !notified {
            let interval: Duration = if case .polling(let interval) = mode { interval } else { .seconds(1) }
            PollingSource.start(roots: roots, interval: interval, inbox: inbox, wake: wake)
        }
        usesNotifications = notified
        fallbackReason = reason
    }

    deinit { wake?.wake() }

    /// Stops watching (the thread ends; a waiting ``changes()`` waits on, so cancel its task too).
    public func stop() { wake?.wake() }

    /// Ends a waiting ``changes()``, and every later call, with `CancellationError`, from any thread (a signal's).
    public func interrupt() {
        inbox.interrupt()
        wake?.wake()
    }

    /// Waits for the next batch of changes and answers the standardized paths of the files created, changed,
    /// removed or renamed (both names), a whole folder's files when it moved. Cancelling the task ends the wait.
    public func changes() async throws -> Set<String> {
        let clock = ContinuousClock()
        while true {
            try await inbox.waitForEvents()
            while let end = inbox.batchEnd(quiet: Self.quiet, longest: Self.longest), clock.now < end {
                try await Task.sleep(until: end, clock: clock)
            }
            let batch = ScratchName.keptPaths(of: inbox.take())
            if !batch.isEmpty { return batch }
        }
    }
}

/// The paths of the regular files under `root` and of its folders, read with `opendir`/`lstat` (no Foundation):
/// folders first found, links not followed below the root.
enum FolderListing {
    struct Entry {
        var path: String
        var isDirectory: Bool
        var identity: FileIdentity
    }

    static func entries(under root: String, into body: (Entry) -> Void) {
        var pending = [root]
        while let folder = pending.popLast() {
            guard let directory = opendir(folder) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = folder + "/" + name
                var status = stat()
                guard lstat(path, &status) == 0 else { continue }
                let kind = status.st_mode & S_IFMT
                if kind == S_IFDIR {
                    pending.append(path)
                    body(Entry(path: path, isDirectory: true, identity: FileIdentity()))
                } else if kind == S_IFREG || kind == S_IFLNK {
                    body(Entry(path: path, isDirectory: false, identity: FileIdentity(path: path) ?? FileIdentity()))
                }
            }
        }
    }
}

/// Polling: every file's identity once per interval, compared with the last look.
enum PollingSource {
    static func start(roots: [String], interval: Duration, inbox: ChangeInbox, wake: WakePipe?) {
        let thread = Thread {
            func look() -> [String: FileIdentity] {
                var files: [String: FileIdentity] = [:]
                for root in roots { FolderListing.entries(under: root) { if !$0.isDirectory { files[$0.path] = $0.identity } } }
                return files
            }
            var last = look()
            let milliseconds = Int32(clamping: interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000)
            while wake?.wait(for: nil, timeout: milliseconds) ?? { usleep(UInt32(milliseconds) * 1000); return true }() {
                let now = look()
                var changed = Set<String>()
                for (path, identity) in now where last[path] != identity { changed.insert(path) }
                for path in last.keys where now[path] == nil { changed.insert(path) }
                last = now
                inbox.add(changed)
            }
        }
        thread.name = "wegwijs-poll"
        thread.start()
    }
}

#if os(Linux)
/// inotify: one watch per folder, read on a thread that blocks in `poll`.
enum InotifySource {
    struct Problem: Error {
        var reason: String
    }

    static let mask: UInt32 = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MODIFY) | UInt32(IN_CREATE) | UInt32(IN_DELETE)
        | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO) | UInt32(IN_ATTRIB) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)

    /// Starts the thread, or says why notifications cannot be used.
    static func start(roots: [String], inbox: ChangeInbox, wake: WakePipe?) -> Result<Void, Problem> {
        guard let wake else { return .failure(Problem(reason: "no file descriptors left for a wake pipe")) }
        let descriptor = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return .failure(Problem(reason: "inotify is not available (\(String(cString: strerror(errno))))")) }
        var watches = Watches(descriptor: descriptor)
        for root in roots {
            if let problem = watches.add(tree: root, reporting: nil) {
                close(descriptor)
                return .failure(problem)
            }
        }
        let initial = watches
        let thread = Thread {
            var watches = initial
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 8)
            defer {
                buffer.deallocate()
                close(descriptor)
            }
            while wake.wait(for: descriptor) {
                while true {
                    let count = read(descriptor, buffer.baseAddress, buffer.count)
                    if count <= 0 { break }
                    var changed = Set<String>()
                    for event in InotifyEvent.decode(UnsafeRawBufferPointer(rebasing: buffer[..<count])) {
                        watches.handle(event, roots: roots, into: &changed)
                    }
                    inbox.add(changed)
                }
            }
        }
        thread.name = "wegwijs-inotify"
        thread.start()
        return .success(())
    }

    /// The watches and the folder each stands for.
    struct Watches: Sendable {
        let descriptor: Int32
        var folders: [Int32: String] = [:]

        /// Watches `root` and every folder under it; the files found are added to `reporting` when given.
        mutating func add(tree root: String, reporting: UnsafeMutablePointer<Set<String>>?) -> Problem? {
            if let problem = add(folder: root) { return problem }
            var problem: Problem?
            FolderListing.entries(under: root) { entry in
                if entry.isDirectory {
                    if problem == nil { problem = add(folder: entry.path) }
                } else {
                    reporting?.pointee.insert(entry.path)
                }
            }
            return problem
        }

        mutating func add(folder: String) -> Problem? {
            let watch = inotify_add_watch(descriptor, folder, InotifySource.mask)
            guard watch >= 0 else {
                if errno == ENOSPC {
                    return Problem(reason: "the limit of inotify watches is reached (raise fs.inotify.max_user_watches with sysctl)")
                }
                if errno == ENOENT || errno == ENOTDIR { return nil }  // gone meanwhile
                return Problem(reason: "cannot watch '\(folder)' (\(String(cString: strerror(errno))))")
            }
            folders[watch] = folder
            return nil
        }

        mutating func handle(_ event: InotifyEvent, roots: [String], into changed: inout Set<String>) {
            if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                // Events were lost: a change no file names, which makes a build render everything.
                changed.formUnion(roots)
                return
            }
            if event.mask & UInt32(IN_IGNORED) != 0 {
                folders[event.watch] = nil
                return
            }
            guard let folder = folders[event.watch] else { return }
            guard !event.name.isEmpty else {
                if event.mask & (UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)) != 0 { changed.insert(folder) }
                return
            }
            let path = folder + "/" + event.name
            if event.mask & UInt32(IN_ISDIR) != 0 {
                if event.mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
                    withUnsafeMutablePointer(to: &changed) { _ = add(tree: path, reporting: $0) }
                } else if event.mask & (UInt32(IN_DELETE) | UInt32(IN_MOVED_FROM)) != 0 {
                    // A folder gone: a change in it that no file names (its files are not listed any more).
                    changed.insert(path)
                }
                return
            }
            changed.insert(path)
        }
    }
}
#endif
