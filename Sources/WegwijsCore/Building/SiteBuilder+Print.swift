import Foundation

extension SiteBuilder {
    /// Opens, in `root`, the print document of each language and the booklet of them all, for parts of
    /// `piecesPerPart` pieces, each with its start and end already handed in.
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
        let booklet = try open(
            PrintedGuide.bookletPath, parts: languages.count, language: languages.first ?? site.sourceLanguage,
            title: bookletTitle.joined(separator: " · "))
        return PrintDocuments(documents: documents, booklet: booklet, piecesPerPart: piecesPerPart)
    }
}
