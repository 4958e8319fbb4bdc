import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes output files under one root, each with one `write` call, creating folders as needed.
///
/// `Data.write(to:)` syncs every file to disk; a build does not need that, since the whole output is
/// swapped in at the end, and it made writing ten thousand pages many times slower.
struct OutputWriter: Sendable {
    let root: URL

    /// Errors from the system, with the path that failed.
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): \(reason)" }
    }

    func createFolders(_ paths: [String]) throws {
        for path in paths {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(path), withIntermediateDirectories: true)
        }
    }

    func write(_ file: OutputFile) throws {
        let url = root.appendingPathComponent(file.path)
        let folder = url.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: folder.path) {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let descriptor = try Self.create(url)
        defer { close(descriptor) }
        try file.contents.withUnsafeBytes { buffer in try Self.write(buffer, to: descriptor, path: url.path) }
    }

    /// Writes the file at `path` (relative to the root, in an existing folder) from the pieces `pieces` hands to
    /// its argument, one `write` call each, so the whole file is never held in memory; answers its size in bytes.
    func write(_ path: String, pieces: ((String) throws -> Void) throws -> Void) throws -> Int {
        let url = root.appendingPathComponent(path)
        let descriptor = try Self.create(url)
        defer { close(descriptor) }
        var bytes = 0
        try pieces { piece in
            try Self.write(piece, to: descriptor, path: url.path)
            bytes += piece.utf8.count
        }
        return bytes
    }

    /// Creates (or empties) the file at `url` for writing; answers its descriptor.
    static func create(_ url: URL) throws -> Int32 {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: url.path, reason: String(cString: strerror(errno))) }
        return descriptor
    }

    /// Writes `text` as UTF-8 to `descriptor`, the file at `path`.
    static func write(_ text: String, to descriptor: Int32, path: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0), to: descriptor, path: path) }
    }

    /// Writes all of `buffer` to `descriptor`, the file at `path`.
    static func write(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < buffer.count {
            let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }
}

/// `write(2)`, named apart from the method above.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, buffer, count)
    #else
    Darwin.write(descriptor, buffer, count)
    #endif
}
