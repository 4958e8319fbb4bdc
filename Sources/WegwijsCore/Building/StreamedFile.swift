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
final class StreamedFile: Sendable {
    /// The file.
    let url: URL
    /// How many pieces the file has.
    let pieceCount: Int
    private let descriptor: Int32
    private let state = Protected(Progress())

    /// What has been handed in and written so far.
    private struct Progress {
        var waiting: [Int: String] = [:]
        var nextPiece = 0
        var writtenBytes = 0
        /// Where the pieces between the first and the last begin and end in the file, once known.
        var bodyStart = 0
        var bodyEnd = 0
        var isClosed = false
    }

    /// Creates (or empties) the file at `url`, to be written in `pieceCount` pieces.
    init(url: URL, pieceCount: Int) throws {
        self.url = url
        self.pieceCount = pieceCount
        descriptor = try OutputWriter.create(url)
    }

    deinit {
        if !state.withLock({ $0.isClosed }) { close(descriptor) }
    }

    /// Hands in piece `number`: it is written, with the waiting pieces that follow it, once every piece before it is.
    func put(_ piece: String, at number: Int) throws {
        try state.withLock { progress in
            precondition(
                number >= progress.nextPiece && number < pieceCount && progress.waiting[number] == nil,
                "piece \(number) of \(url.path) handed in twice")
            progress.waiting[number] = piece
            while let text = progress.waiting.removeValue(forKey: progress.nextPiece) {
                if progress.nextPiece == pieceCount - 1 { progress.bodyEnd = progress.writtenBytes }
                try OutputWriter.write(text, to: descriptor, path: url.path)
                progress.writtenBytes += text.utf8.count
                if progress.nextPiece == 0 { progress.bodyStart = progress.writtenBytes }
                progress.nextPiece += 1
            }
        }
    }

    /// Where the pieces between the first and the last are in the finished file (its body, without the
    /// start and end pieces), as byte offsets.
    var body: Range<Int> {
        state.withLock { $0.bodyStart..<max($0.bodyStart, $0.bodyEnd) }
    }

    /// How many pieces are written so far: those before the first that has not been handed in.
    var writtenPieces: Int { state.withLock { $0.nextPiece } }

    /// Closes the file, which must have every piece; answers how many bytes it holds.
    func finish() throws -> Int {
        try state.withLock { progress in
            guard progress.nextPiece == pieceCount else {
                throw OutputWriter.Failure(path: url.path, reason: "only \(progress.nextPiece) of its \(pieceCount) pieces were written")
            }
            if !progress.isClosed {
                progress.isClosed = true
                close(descriptor)
            }
            return progress.writtenBytes
        }
    }
}
