/// The files of the HTML site that are no guide: its "page not found" pages and its sitemap.
extension SiteBuilder {
    /// Each language's 404 page, the root's (which picks the visitor's language) and, when site.yaml names a
    /// `base-url`, `sitemap.xml`.
    func siteFiles(renderers: Renderers) -> [OutputFile] {
        let site = session.site
        var files = languages.indices.compactMap { renderers[.html, $0].notFoundPage() }
        let page = LanguagesNotFoundPage(
            lang: site.sourceLanguage,
            siteTitle: session.plainTexts.plainWithLanguage(site.title, in: site.sourceLanguage, procedure: nil).text,
            iconHref: Templates.icon, notFoundScript: Templates.notFoundScript,
            languages: languages.enumerated().map { offset, language in
                let strings = session.strings
                return LanguagesNotFoundPage.Language(
                    lang: language, name: strings.string("language.name", in: language),
                    heading: strings.string("page.not-found", in: language), text: strings.string("page.not-found-text", in: language),
                    indexHref: "\(language)/\(OutputFormat.html.indexFileName)",
                    indexLabel: strings.string("page.all-guides", in: language), isFirst: offset == 0)
            })
        files.append(OutputFile(path: "html/404.html", text: templates.render(.languagesNotFound, in: .html, page)))
        if let base = site.baseURL?.value {
            files.append(OutputFile(path: "html/\(Sitemap.fileName)", text: Sitemap(site: site, languages: languages, baseURL: base).text))
        }
        return files
    }
}
