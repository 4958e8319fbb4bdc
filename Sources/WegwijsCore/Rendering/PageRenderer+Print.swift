extension PageRenderer {
    /// One piece of this language's part of a print document (`print-part`, or `print-procedure` for a chapter).
    ///
    /// A part holds the language's whole guide: a cover, the contents with page numbers, then every group with
    /// its procedures, the procedures as the site's pages show them. Its anchors all start with the language
    /// (``PrintAnchor``), so parts of several languages can share one document.
    func printPiece(_ piece: PrintPiece) -> String {
        let part: PrintPartPiece
        switch piece {
        case .partStart:
            part = .partStart(cover())
        case .groupStart(let group):
            part = .groupStart(.init(anchor: PrintAnchor.group(group.id, language: language), title: inline(group.title, in: .init())))
        case .chapter(let procedure):
            return templates.render(.procedure, in: format, procedurePage(of: procedure))
        case .groupEnd:
            part = .groupEnd
        case .partEnd:
            part = .partEnd
        }
        return templates.render(.printPart, in: format, part)
    }

    /// The cover and the contents: every group with its procedures' titles.
    func cover() -> PrintPartPiece.Cover {
        PrintPartPiece.Cover(
            chrome: chrome(pageName: "index"),
            partAnchor: PrintAnchor.document("guide", language: language),
            contentsAnchor: PrintAnchor.document("contents", language: language),
            groups: site.groups.compactMap { group in
                let procedures = plainTexts.procedures(in: group, language: language)
                guard !procedures.isEmpty else { return nil }
                return PrintPartPiece.ContentsGroup(
                    anchor: PrintAnchor.group(group.id, language: language),
                    title: inline(group.title, in: .init()),
                    procedures: procedures.map { procedure in
                        .init(
                            anchor: PrintAnchor.procedure(procedure.id, language: language),
                            title: inline(procedure.title, in: LinkResolver.Scope(procedure: procedure)))
                    })
            })
    }

    /// The start (`isStart`) or the end of a print document in `language` (`print-document`), around its parts.
    static func printDocumentEdge(isStart: Bool, language: String, title: String, templates: Templates) -> String {
        let edge: PrintDocumentEdge = isStart ? .start(lang: language, documentTitle: title, stylesheetHref: "print.css") : .end
        return templates.render(.printDocument, in: .print, edge)
    }
}
