extension PageRenderer {
    /// One piece of this language's part of a print document (`print-part`, or `print-procedure` for a chapter).
    ///
    /// A part holds the language's whole guide: a cover, the contents with page numbers, then every group with
    /// its procedures, the procedures as the site's pages show them. Its anchors all start with the language
    /// (``PrintAnchor``), so parts of several languages can share one document.
    func printPiece(_ piece: PrintPiece) -> String {
        var context: [String: Any] = ["partStart": false, "groupStart": false, "groupEnd": false, "partEnd": false]
        switch piece {
        case .partStart:
            context["partStart"] = partStartContext()
        case .groupStart(let group):
            context["groupStart"] = ["anchor": PrintAnchor.group(group.id, language: language), "title": inline(group.title, in: .init())]
        case .chapter(let procedure):
            return templates.render("print-procedure", procedureContext(procedure))
        case .groupEnd:
            context["groupEnd"] = true
        case .partEnd:
            context["partEnd"] = true
        }
        return templates.render("print-part", context)
    }

    /// The cover and the contents: every group with its procedures' titles.
    func partStartContext() -> [String: Any] {
        var context = commonContext(pageName: "index")
        context["partAnchor"] = PrintAnchor.document("guide", language: language)
        context["contentsAnchor"] = PrintAnchor.document("contents", language: language)
        context["groups"] = site.groups.compactMap { group -> [String: Any]? in
            let procedures = site.procedures(in: group)
            guard !procedures.isEmpty else { return nil }
            return [
                "anchor": PrintAnchor.group(group.id, language: language),
                "title": inline(group.title, in: .init()),
                "procedures": procedures.map { procedure -> [String: Any] in
                    [
                        "anchor": PrintAnchor.procedure(procedure.id, language: language),
                        "title": inline(procedure.title, in: LinkResolver.Scope(procedure: procedure)),
                    ]
                },
            ]
        }
        return context
    }

    /// The start (`isStart`) or the end of a print document in `language` (`print-document`), around its parts.
    static func printDocumentEdge(isStart: Bool, language: String, title: String, templates: Templates) -> String {
        let start: Any = isStart ? ["lang": language, "documentTitle": title, "stylesheetHref": "print.css"] : false
        return templates.render("print-document", ["documentStart": start, "documentEnd": !isStart])
    }
}
