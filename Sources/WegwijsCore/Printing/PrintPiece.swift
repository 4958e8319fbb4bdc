/// One piece of a language's part of a print document: the unit in which print documents are rendered and
/// written, so that no whole document is ever held in memory.
///
/// A part is its start (the cover and the contents), then for each group that has procedures the group's start,
/// one chapter per procedure and the group's end, then the part's end. The pieces of every language follow the
/// same order but for the chapters within a group, so a piece that is no chapter has the same number in every part
/// (``pieces(of:plainTexts:language:)``).
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

    /// The pieces of `language`'s part of `site`'s printed guide, in the order they are written: the groups'
    /// procedures in that language's order (``ProcedureOrder``), so only the chapters' places differ by language.
    static func pieces(of site: Site, plainTexts: PlainTexts, language: String) -> [PrintPiece] {
        var pieces: [PrintPiece] = [.partStart]
        for group in site.groups {
            let procedures = plainTexts.procedures(in: group, language: language)
            guard !procedures.isEmpty else { continue }
            pieces.append(.groupStart(group))
            pieces.append(contentsOf: procedures.map(PrintPiece.chapter))
            pieces.append(.groupEnd)
        }
        pieces.append(.partEnd)
        return pieces
    }
}
