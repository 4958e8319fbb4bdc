import Foundation
import Synchronization
import WegwijsCore

/// The source lines that diagnostics quote, each file read once and its line starts indexed once.
///
/// A run can report hundreds of thousands of places in one large file (a 50 MB PO file of entries
/// that name nothing): reading the file again and counting lines for every diagnostic made that quadratic.
final class SourceLines: Sendable {
    /// A file's bytes (after any byte order mark) and where each of its lines starts.
    struct IndexedFile {
        var bytes: Data
        var lineStarts: [Int]
    }

    private let files = Mutex<[String: IndexedFile?]>([:])

    /// The text of the line `location` points into, or nil when it cannot be read, is not UTF-8 or is blank.
    @Sendable func line(at location: SourceLocation) -> String? {
        guard location.line >= 1 else { return nil }
        let indexed = files.withLock { files in
            if let known = files[location.file] { return known }
            let file = Self.index(location.file)
            files[location.file] = file
            return file
        }
        guard let indexed, location.line <= indexed.lineStarts.count else { return nil }
        let bytes = indexed.bytes
        let start = indexed.lineStarts[location.line - 1]
        var end = location.line < indexed.lineStarts.count ? indexed.lineStarts[location.line] - 1 : bytes.endIndex
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        guard let text = String(validating: bytes[start..<end], as: UTF8.self) else { return nil }
        return text.allSatisfy(\.isWhitespace) ? nil : text
    }

    /// Reads `path` and finds its line starts; nil for anything ``RegularFile`` would not read (a folder,
    /// a pipe, a file over its size limit) and for what cannot be read.
    static func index(_ path: String) -> IndexedFile? {
        guard RegularFile.problem(at: URL(fileURLWithPath: path)) == nil,
            let handle = FileHandle(forReadingAtPath: path),
            let data = try? handle.read(upToCount: RegularFile.maximumSize)
        else { return nil }
        try? handle.close()
        var bytes = Data(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var lineStarts = [bytes.startIndex]
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count, let newline = memchr(base + offset, 0x0A, raw.count - offset) {
                offset = base.distance(to: UnsafeRawPointer(newline)) + 1
                lineStarts.append(bytes.startIndex + offset)
            }
        }
        return IndexedFile(bytes: bytes, lineStarts: lineStarts)
    }
}
