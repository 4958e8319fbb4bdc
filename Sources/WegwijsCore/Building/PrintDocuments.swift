import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The print documents of a build while they are written: each language's, and the booklet of them all.
///
/// Every language's part has the same pieces (``PrintPiece/pieces(of:)``); a piece goes to its language's
/// document, written as soon as the pieces before it are. Each document's start and end are handed in when it
/// is opened, so the pieces are numbered from 1. The booklet holds the parts one after the other, between its
/// own start and end: it is made when every document is finished, from the documents' bodies, so that a build
/// that renders every language of a procedure at once never holds a later part's pieces in memory waiting for
/// the earlier parts to be written.
struct PrintDocuments: Sendable {
    /// The document of each language, in the builder's language order.
    let documents: [StreamedFile]
    /// Where the booklet goes, and its start and end.
    let bookletURL: URL
    let bookletStart: String
    let bookletEnd: String
    /// How many pieces each part has.
    let piecesPerPart: Int

    /// Hands in `text`, piece `number` of the part of the language at `part`.
    func put(_ text: String, part: Int, number: Int) throws {
        try documents[part].put(text, at: 1 + number)
    }

    /// Closes every document and writes the booklet; answers the files and the bytes written.
    func finish() throws -> (files: Int, bytes: Int) {
        var bytes = try documents.reduce(0) { try $0 + $1.finish() }
        let booklet = try OutputWriter.create(bookletURL)
        defer { close(booklet) }
        try OutputWriter.write(bookletStart, to: booklet, path: bookletURL.path)
        bytes += bookletStart.utf8.count
        for document in documents {
            bytes += try Self.copy(document.body, of: document.url, to: booklet, path: bookletURL.path)
        }
        try OutputWriter.write(bookletEnd, to: booklet, path: bookletURL.path)
        bytes += bookletEnd.utf8.count
        return (documents.count + 1, bytes)
    }

    /// Appends the bytes `range` of the file at `source` to `descriptor`; answers how many.
    static func copy(_ range: Range<Int>, of source: URL, to descriptor: Int32, path: String) throws -> Int {
        let input = open(source.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw OutputWriter.Failure(path: source.path, reason: String(cString: strerror(errno))) }
        defer { close(input) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var offset = range.lowerBound
        while offset < range.upperBound {
            let count = try buffer.withUnsafeMutableBytes { raw -> Int in
                let read = pread(input, raw.baseAddress, min(raw.count, range.upperBound - offset), off_t(offset))
                guard read > 0 else {
                    throw OutputWriter.Failure(path: source.path, reason: read < 0 ? String(cString: strerror(errno)) : "ended early")
                }
                try OutputWriter.write(UnsafeRawBufferPointer(rebasing: raw[..<read]), to: descriptor, path: path)
                return read
            }
            offset += count
        }
        return range.count
    }
}
