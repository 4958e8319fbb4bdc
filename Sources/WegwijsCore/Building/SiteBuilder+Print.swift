extension SiteBuilder {
    /// The printed guide of each language (`parts`, in ``languages`` order), and the booklet of them all.
    func printDocuments(parts: [String]) -> [OutputFile] {
        let site = session.site
        func title(_ language: String) -> String {
            session.plainTexts.plainWithLanguage(site.title, in: language, procedure: nil).text
        }
        var files = zip(languages, parts).map { language, part in
            OutputFile(
                path: PrintedGuide.documentPath(language: language),
                text: PageRenderer.printDocument(parts: [part], language: language, title: title(language), templates: templates))
        }
        let bookletTitle = languages.map(title).reduce(into: [String]()) { titles, title in
            if !titles.contains(title) { titles.append(title) }
        }
        files.append(OutputFile(
            path: PrintedGuide.bookletPath,
            text: PageRenderer.printDocument(
                parts: parts, language: languages.first ?? site.sourceLanguage, title: bookletTitle.joined(separator: " · "),
                templates: templates)))
        return files
    }
}
