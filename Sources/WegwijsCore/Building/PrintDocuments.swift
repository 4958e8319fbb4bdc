/// The print documents of a build while they are written: each language's, and the booklet of them all.
///
/// Every language's part has the same pieces (``PrintPiece/pieces(of:)``); a piece goes to its language's
/// document and to the booklet, which holds the parts one after the other. Each document's start and end are
/// handed in when it is opened, so the pieces are numbered from 1.
struct PrintDocuments: Sendable {
    /// The document of each language, in the builder's language order.
    let documents: [StreamedFile]
    /// The booklet.
    let booklet: StreamedFile
    /// How many pieces each part has.
    let piecesPerPart: Int

    /// Hands in `text`, piece `number` of the part of the language at `part`.
    func put(_ text: String, part: Int, number: Int) throws {
        try documents[part].put(text, at: 1 + number)
        try booklet.put(text, at: 1 + part * piecesPerPart + number)
    }

    /// Closes every document; answers the bytes written.
    func finish() throws -> (files: Int, bytes: Int) {
        let files = documents + [booklet]
        return (files.count, try files.reduce(0) { try $0 + $1.finish() })
    }
}
