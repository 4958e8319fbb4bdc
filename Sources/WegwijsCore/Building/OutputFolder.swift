import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `--output` folder: checked before a build, replaced as a whole after it.
///
/// A build renders into a staging folder beside the output and exchanges the two only when everything
/// succeeded, so the output is always either the complete old one or the complete new one. A marker file
/// tells a folder Wegwijs wrote from one it must not replace; a lock keeps two builds apart.
public struct OutputFolder: Sendable {
    /// The marker's name, in the output's root.
    public static let markerName = ".wegwijs-output"
    static let markerText = "This folder is written by 'wegwijs build'. Everything in it is replaced by the next build.\n"

    /// Why the output folder cannot be used.
    public struct Refusal: Error, Sendable {
        public var message: String
        public var notes: [String] = []
    }

    /// The output folder.
    public let url: URL
    /// The folder as the user named it.
    public let displayPath: String

    public init(url: URL, displayPath: String) {
        self.url = url.standardizedFileURL
        self.displayPath = displayPath
    }

    var parent: URL { url.deletingLastPathComponent() }
    var stagingURL: URL { parent.appendingPathComponent(".\(url.lastPathComponent).wegwijs-staging") }
    var previousURL: URL { parent.appendingPathComponent(".\(url.lastPathComponent).wegwijs-previous") }
    var lockURL: URL { parent.appendingPathComponent(".\(url.lastPathComponent).wegwijs-lock") }

    /// Refuses outputs a build must never replace: `/`, the home folder, the content or templates folder or a
    /// folder containing them, a file, or a non-empty folder without Wegwijs' marker.
    public func check(content: URL, templates: URL) throws(Refusal) {
        let path = url.resolvingSymlinksInPath().path
        let protected = [content, templates].map { $0.standardizedFileURL.resolvingSymlinksInPath().path }
        if path == "/" || path == FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.path {
            throw Refusal(message: "refusing to write the output to '\(displayPath)'", notes: ["Name a folder of its own, such as 'output'."])
        }
        for folder in protected where folder == path || folder.hasPrefix(path + "/") || path.hasPrefix(folder + "/") {
            throw Refusal(
                message: "refusing to write the output to '\(displayPath)': it overlaps the content or templates folder",
                notes: ["Name a folder of its own, such as 'output'."])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw Refusal(message: "the output '\(displayPath)' is a file, not a folder")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        if !entries.isEmpty, !entries.contains(Self.markerName) {
            throw Refusal(
                message: "refusing to replace '\(displayPath)': it is not empty and was not written by wegwijs",
                notes: ["Wegwijs replaces the whole output folder. Name an empty or new folder, or one an earlier build wrote."])
        }
    }

    /// Runs `render` into a fresh staging folder under the lock, then puts the result in place of the output.
    public func replace(with render: (URL) async throws -> Void) async throws {
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let lock = try OutputLock(url: lockURL, displayPath: displayPath)
        defer { lock.release() }
        recoverInterruptedSwap()
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: stagingURL)
        try fileManager.createDirectory(at: stagingURL, withIntermediateDirectories: true)
        do {
            try Data(Self.markerText.utf8).write(to: stagingURL.appendingPathComponent(Self.markerName))
            try await render(stagingURL)
        } catch {
            try? fileManager.removeItem(at: stagingURL)
            throw error
        }
        try swapIn()
    }

    /// Puts staging in the output's place.
    ///
    /// On Linux the two folders are exchanged in one step (`renameat2` with `RENAME_EXCHANGE`): there is no moment
    /// at which the output is missing or mixed, and the old output, now at the staging path, is removed after.
    /// Where that is not available (macOS, old kernels, file systems without it) the output is moved aside and
    /// staging moved in with two renames; a build killed between them leaves the old output aside, and the next
    /// build puts it back (``recoverInterruptedSwap()``).
    func swapIn() throws {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: url.path) {
            if SystemRename.exchange(stagingURL.path, url.path) {
                try? fileManager.removeItem(at: stagingURL)
                return
            }
            try? fileManager.removeItem(at: previousURL)
            try fileManager.moveItem(at: url, to: previousURL)
            try fileManager.moveItem(at: stagingURL, to: url)
            try? fileManager.removeItem(at: previousURL)
        } else {
            try fileManager.moveItem(at: stagingURL, to: url)
        }
    }

    /// Puts back an output that a build killed between its two renames left aside.
    func recoverInterruptedSwap() {
        let fileManager = FileManager.default
        if !fileManager.fileExists(atPath: url.path), fileManager.fileExists(atPath: previousURL.path) {
            try? fileManager.moveItem(at: previousURL, to: url)
        }
        try? fileManager.removeItem(at: previousURL)
    }
}

/// An exclusive lock on a file beside the output, held for one build.
final class OutputLock: Sendable {
    let descriptor: Int32
    let url: URL

    init(url: URL, displayPath: String) throws {
        self.url = url
        descriptor = open(url.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputFolder.Refusal(message: "cannot create the build lock '\(url.path)': \(String(cString: strerror(errno)))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            close(descriptor)
            throw Self.busy(displayPath)
        }
        // The build that held the lock removes the file when it is done: if this process opened the file just
        // before that, it holds a lock on a file nobody else can find, and a third build could lock a new one.
        var held = stat(), named = stat()
        guard fstat(descriptor, &held) == 0, stat(url.path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev
        else {
            close(descriptor)
            throw Self.busy(displayPath)
        }
    }

    static func busy(_ displayPath: String) -> OutputFolder.Refusal {
        OutputFolder.Refusal(
            message: "another build is writing '\(displayPath)' right now",
            notes: ["Wait for it to finish, then build again."])
    }

    func release() {
        unlink(url.path)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
