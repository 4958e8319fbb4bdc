import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file written in numbered pieces that are handed in in any order, as parallel workers finish them.
///
/// Each piece is written as soon as every piece before it has been, so only the pieces that come early wait in
/// memory, never the whole file: the print documents run to tens of megabytes on a large site.
final class StreamedFile: @unchecked Sendable {
    /// The file.
    let url: URL
    /// How many pieces the file has.
    let pieceCount: Int
    private let descriptor: Int32
    private var waiting: [Int: String] = [:]
    private var nextPiece = 0
    private var writtenBytes = 0
    private var isClosed = false
    private let lock = NSLock()

    /// Creates (or empties) the file at `url`, to be written in `pieceCount` pieces.
    init(url: URL, pieceCount: Int) throws {
        self.url = url
        self.pieceCount = pieceCount
        descriptor = try OutputWriter.create(url)
    }

    deinit {
        if !isClosed { close(descriptor) }
    }

    /// Hands in piece `number`: it is written, with the waiting pieces that follow it, once every piece before it is.
    func put(_ piece: String, at number: Int) throws {
        try lock.withLock {
            precondition(number >= nextPiece && number < pieceCount && waiting[number] == nil, "piece \(number) of \(url.path) handed in twice")
            waiting[number] = piece
            while let text = waiting.removeValue(forKey: nextPiece) {
                try OutputWriter.write(text, to: descriptor, path: url.path)
                writtenBytes += text.utf8.count
                nextPiece += 1
            }
        }
    }

    /// How many pieces are written so far: those before the first that has not been handed in.
    var writtenPieces: Int { lock.withLock { nextPiece } }

    /// Closes the file, which must have every piece; answers how many bytes it holds.
    func finish() throws -> Int {
        try lock.withLock {
            guard nextPiece == pieceCount else {
                throw OutputWriter.Failure(path: url.path, reason: "only \(nextPiece) of its \(pieceCount) pieces were written")
            }
            if !isClosed {
                isClosed = true
                close(descriptor)
            }
            return writtenBytes
        }
    }
}
