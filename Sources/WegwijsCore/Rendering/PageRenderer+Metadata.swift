/// What pages say about themselves: descriptions, absolute addresses, the last change and the links to edit a
/// page or report a problem with it.
extension PageRenderer {
    /// The absolute address of the page `pageName` of `language` (the language chooser when nil) on the HTML site,
    /// when site.yaml names a `base-url`; nil otherwise and for the other formats, which link only relatively.
    /// An index is named by its folder (`…/en/`), the chooser by the base URL itself.
    func absoluteHref(language: String?, pageName: String) -> String? {
        guard format == .html, let base = site.baseURL?.value else { return nil }
        guard let language else { return base }
        return base + language + "/" + (pageName == "index" ? "" : format.fileName(ofPage: pageName))
    }

    /// The procedure's summary as one plain line, for the HTML head.
    func description(of procedure: Procedure) -> String? {
        guard format == .html, let summary = procedure.summary else { return nil }
        // Summaries are among the site's texts, parsed once for every page.
        return PageChrome.Head.description(from: text.plain(summary, in: LinkResolver.Scope(procedure: procedure)))
    }

    /// The site's description as one plain line, for the index pages' heads.
    var siteDescription: String? {
        guard format == .html, let description = site.description else { return nil }
        return PageChrome.Head.description(from: text.plain(description, in: .init()))
    }

    /// `date` in the reader's words: "3 December 2026" from the strings' `date.format` and `date.month.N`.
    func spelledOut(_ date: CalendarDate) -> String {
        strings.string(
            "date.format", in: language,
            ["day": String(date.day), "month": strings.string("date.month.\(date.month)", in: language), "year": String(date.year)])
    }

    /// The end of `procedure`'s page: "Last changed on …" (not for Markdown's sake any different), and the
    /// filled-in edit and report addresses, on the site's pages only.
    func footer(of procedure: Procedure, title: String) -> ProcedurePage.Footer {
        var footer = ProcedurePage.Footer()
        if let updated = procedure.updated?.value {
            let day = spelledOut(updated)
            let date =
                format.isHTML
                ? Markup("<time datetime=\"\(updated.iso)\">\(HTMLEscaping.text(day))</time>")
                : format.escaped(day)
            footer.updated = interfaceString("page.updated", placing: date, at: "date")
            footer.updatedISO = updated.iso
        }
        guard !format.isOneDocument else { return footer }
        let values: [URLTemplate.Placeholder: String] = [
            .path: "procedures/\(procedure.group)/\(procedure.id).yaml", .id: procedure.id, .title: title, .lang: language,
        ]
        footer.editLink = site.editURL.map { format.link(title: strings.string("page.edit", in: language), href: $0.filled(values)) }
        footer.reportLink = site.reportURL.map { format.link(title: strings.string("page.report", in: language), href: $0.filled(values)) }
        return footer
    }
}

// MARK: - Page not found

extension PageRenderer {
    /// This language's "page not found", `<lang>/404.html` on the HTML site (nil for the other formats).
    public func notFoundPage() -> OutputFile? {
        guard format == .html else { return nil }
        var chrome = chrome(pageName: "404")
        // The same page is served for every missing address: it has no canonical address of its own.
        chrome.head.canonicalHref = nil
        chrome.head.defaultHref = nil
        for index in chrome.alternates.indices { chrome.alternates[index].linkHref = chrome.alternates[index].href }
        let title = strings.string("page.not-found", in: language)
        let page = NotFoundPage(chrome: chrome, pageTitle: title, documentTitle: "\(title) · \(chrome.siteTitlePlain)")
        return OutputFile(path: "\(folder)/404.html", text: templates.render(.notFound, in: format, page))
    }
}
