extension PageRenderer {
    /// This language's whole guide as one part of a print document: a cover, the contents with page numbers,
    /// then every group with its procedures, the procedures as the site's pages show them.
    ///
    /// The part's anchors all start with the language (``PrintAnchor``), so parts of several languages can
    /// share one document: ``printDocument(parts:language:title:templates:)``.
    public func printPart() -> String {
        var context = commonContext(pageName: "index")
        context["partAnchor"] = PrintAnchor.document("guide", language: language)
        context["contentsAnchor"] = PrintAnchor.document("contents", language: language)
        context["groups"] = site.groups.compactMap { group -> [String: Any]? in
            let procedures = site.procedures(in: group)
            guard !procedures.isEmpty else { return nil }
            return [
                "anchor": PrintAnchor.group(group.id, language: language),
                "title": inline(group.title, in: .init()),
                "procedures": procedures.map(procedureContext),
            ]
        }
        return templates.render("print-part", context).trimmingTrailingNewlines()
    }

    /// The print document holding `parts` (each from ``printPart()``) one after the other, in `language`.
    static func printDocument(parts: [String], language: String, title: String, templates: Templates) -> String {
        let context: [String: Any] = [
            "lang": language, "documentTitle": title, "stylesheetHref": "print.css",
            "parts": parts.map { ["part": $0] },
        ]
        return templates.render("print-document", context)
    }
}
