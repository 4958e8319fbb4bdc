/// One piece of a language's part of a print document: the unit in which print documents are rendered and
/// written, so that no whole document is ever held in memory.
///
/// A part is its start (the cover and the contents), then for each group that has procedures the group's start,
/// one chapter per procedure and the group's end, then the part's end. The pieces of every language follow the
/// same order, so a piece's number in its part is the same in every language (``pieces(of:)``).
enum PrintPiece: Sendable {
    /// The part's start: the cover and the contents.
    case partStart
    /// A group's start: its heading.
    case groupStart(Group)
    /// A procedure's chapter.
    case chapter(Procedure)
    /// A group's end.
    case groupEnd
    /// The part's end.
    case partEnd

    /// The pieces of one part of `site`'s printed guide, in the order they are written.
    static func pieces(of site: Site) -> [PrintPiece] {
        var pieces: [PrintPiece] = [.partStart]
        for group in site.groups {
            let procedures = site.procedures(in: group)
            guard !procedures.isEmpty else { continue }
            pieces.append(.groupStart(group))
            pieces.append(contentsOf: procedures.map(PrintPiece.chapter))
            pieces.append(.groupEnd)
        }
        pieces.append(.partEnd)
        return pieces
    }
}
