/// Where `build` writes the printed guide and `pdf` its PDFs, relative to the output folder.
///
/// Each language's whole guide is one HTML document for CSS Paged Media, `print/<lang>.html`; the booklet,
/// `print/guide.html`, holds every language one after the other, each part with its own cover and contents,
/// its pages numbered on through the booklet. Beside them: `print.css` and the figures under `images/`.
public enum PrintedGuide {
    /// The folder, in the output folder.
    public static let folder = "print"
    /// The name of the booklet of every language, without extension.
    public static let bookletName = "guide"

    /// The print document of `language`: `print/en.html`.
    public static func documentPath(language: String) -> String {
        "\(folder)/\(language).html"
    }

    /// The booklet of every language: `print/guide.html`.
    public static var bookletPath: String { "\(folder)/\(bookletName).html" }

    /// The print documents of `languages`, then the booklet when `includesBooklet`.
    public static func documents(languages: [String], includesBooklet: Bool) -> [String] {
        languages.map { documentPath(language: $0) } + (includesBooklet ? [bookletPath] : [])
    }

    /// The PDF made from the print document at `documentPath`: `print/en.pdf`.
    public static func pdfPath(of documentPath: String) -> String {
        String(documentPath.dropLast(".html".count)) + ".pdf"
    }
}
