import Foundation

extension SiteBuilder {
    /// Opens, in `root`, the print document of each language, for parts of `piecesPerPart` pieces, each with
    /// its start and end already handed in; the booklet of them all is made from them when they are finished.
    func openPrintDocuments(in root: URL, piecesPerPart: Int) throws -> PrintDocuments {
        let site = session.site
        func title(_ language: String) -> String {
            session.plainTexts.plainWithLanguage(site.title, in: language, procedure: nil).text
        }
        func open(_ path: String, parts: Int, language: String, title: String) throws -> StreamedFile {
            let file = try StreamedFile(url: root.appendingPathComponent(path), pieceCount: parts * piecesPerPart + 2)
            for (isStart, number) in [(true, 0), (false, file.pieceCount - 1)] {
                let edge = PageRenderer.printDocumentEdge(isStart: isStart, language: language, title: title, templates: templates)
                try file.put(edge, at: number)
            }
            return file
        }
        let documents = try languages.map { language in
            try open(PrintedGuide.documentPath(language: language), parts: 1, language: language, title: title(language))
        }
        let bookletTitle = languages.map(title).reduce(into: [String]()) { titles, title in
            if !titles.contains(title) { titles.append(title) }
        }
        let (bookletLanguage, joinedTitle) = (languages.first ?? site.sourceLanguage, bookletTitle.joined(separator: " · "))
        return PrintDocuments(
            documents: documents, bookletURL: root.appendingPathComponent(PrintedGuide.bookletPath),
            bookletStart: PageRenderer.printDocumentEdge(isStart: true, language: bookletLanguage, title: joinedTitle, templates: templates),
            bookletEnd: PageRenderer.printDocumentEdge(isStart: false, language: bookletLanguage, title: joinedTitle, templates: templates),
            piecesPerPart: piecesPerPart)
    }
}
