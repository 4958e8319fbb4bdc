/// The HTML site's `sitemap.xml` (the sitemaps.org protocol 0.9): every page by its absolute address under the
/// site's `base-url`, each with its versions in the other languages as `xhtml:link` alternates and, for a
/// procedure that says when it last changed (`updated:`), that day as `lastmod`. Made from the model, in the
/// order of the index pages: the same content gives the same file.
struct Sitemap {
    /// Its name at the HTML site's root.
    static let fileName = "sitemap.xml"

    let site: Site
    let languages: [String]
    /// The base URL, ending in `/`.
    let baseURL: String

    /// The document.
    var text: String {
        var writer = XMLWriter()
        writer.open("urlset", ["xmlns": "http://www.sitemaps.org/schemas/sitemap/0.9", "xmlns:xhtml": "http://www.w3.org/1999/xhtml"])
        add(to: &writer, address: { _ in baseURL }, lastChanged: nil, perLanguage: false)
        add(to: &writer, address: { baseURL + $0 + "/" }, lastChanged: nil, perLanguage: true)
        for procedure in site.procedures {
            let page = OutputFormat.html.fileName(ofPage: procedure.id)
            add(to: &writer, address: { baseURL + $0 + "/" + page }, lastChanged: procedure.updated?.value, perLanguage: true)
        }
        writer.close()
        return writer.text
    }

    /// One `<url>` per language, each naming every language's version and the chooser as `x-default`; or one
    /// for the chooser itself.
    private func add(to writer: inout XMLWriter, address: (String) -> String, lastChanged: CalendarDate?, perLanguage: Bool) {
        for language in perLanguage ? languages : [""] {
            writer.open("url")
            writer.element("loc", text: address(language))
            if let lastChanged { writer.element("lastmod", text: lastChanged.iso) }
            if perLanguage {
                for other in languages {
                    writer.element("xhtml:link", ["rel": "alternate", "hreflang": other, "href": address(other)], text: nil)
                }
                writer.element("xhtml:link", ["rel": "alternate", "hreflang": "x-default", "href": baseURL], text: nil)
            }
            writer.close()
        }
    }
}
