/// The outputs a text is rendered for, each with every rule that sets it apart from the others.
///
/// The renderers ask the format rather than testing which one it is: what a page is called, where its
/// figures and anchors are, how the tool's own links and code are written.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// The web site: one HTML page per procedure.
    case html
    /// Markdown for code hosts: one page per procedure.
    case markdown = "md"
    /// The printed guide: one HTML document per language for CSS Paged Media, page numbers by the layout engine.
    case print

    /// The formats with one page per procedure and an index per language.
    public static let pageFormats: [OutputFormat] = [.html, .markdown]

    /// The file extension of a page.
    public var pageExtension: String { self == .markdown ? "md" : "html" }

    /// The file name of a language's index page (and of the language chooser at the format's root).
    public var indexFileName: String { self == .markdown ? "README.md" : "index.html" }

    /// The file name of the page called `pageName` (`index` for the index).
    func fileName(ofPage pageName: String) -> String {
        pageName == "index" ? indexFileName : "\(pageName).\(pageExtension)"
    }

    /// Whether texts are rendered as HTML (the web site and the printed guide).
    var isHTML: Bool { self != .markdown }

    /// Whether the output is one document holding every procedure (so anchors carry the procedure's prefix and
    /// references name pages) rather than a page per procedure.
    var isOneDocument: Bool { self == .print }

    /// Whether pages carry the site's navigation (groups, previous and next, the way back from an include) and
    /// show an include's steps in place: the web site only.
    var showsNavigation: Bool { self == .html }

    /// The prefix of this output's template names.
    var templatePrefix: String {
        switch self {
        case .html: "html"
        case .markdown: "md"
        case .print: "print"
        }
    }

    /// The heading levels the templates give a procedure's title and its steps' titles: a text's own
    /// headings go under them, so every page keeps ordered headings.
    var titleHeadingLevels: (procedure: Int, step: Int) {
        self == .print ? (procedure: 3, step: 5) : (procedure: 1, step: 3)
    }

    /// The scripts a page loads, relative to it: the site's script, on the web site only.
    var scripts: [String] {
        self == .html ? ["../\(Templates.script)"] : []
    }

    /// The search index of a page's language, relative to the page, which the site's script loads when the
    /// search box is first used: on the web site only.
    var searchIndexHref: String? {
        self == .html ? SearchIndex.fileName : nil
    }

    /// Where a figure's file is linked from a page: pages sit in a language folder beside `images/`, the
    /// printed guide beside it.
    func figureSource(_ path: String) -> String {
        (isOneDocument ? "" : "../") + Self.urlPath(path)
    }

    /// What this output puts before a procedure's own anchors (steps, figures, callouts, notes): nothing on a
    /// page of its own, the procedure's anchor in the printed guide, which holds every procedure.
    func anchorPrefix(of procedureID: String, language: String) -> String {
        isOneDocument ? PrintAnchor.prefix(of: procedureID, language: language) : ""
    }

    /// The anchor of a procedure's page or chapter.
    func procedureAnchor(_ procedureID: String, language: String) -> String {
        isOneDocument ? PrintAnchor.procedure(procedureID, language: language) : procedureID
    }

    /// The anchor of step `number` (with `id`, none for an include) titled `plainTitle` of `procedureID`: a code
    /// host makes its own from the heading, the HTML outputs use the step's id.
    func stepAnchor(number: Int, id: String?, plainTitle: String, procedureID: String, language: String) -> String {
        if self == .markdown { return StepAnchor.markdownSlug(number: number, title: plainTitle) }
        return anchorPrefix(of: procedureID, language: language) + (id ?? "step-\(number)")
    }

    /// Where an include step links to: the included procedure's page, or its chapter in the printed guide.
    func includeHref(_ procedureID: String, language: String) -> String {
        isOneDocument ? "#\(PrintAnchor.procedure(procedureID, language: language))" : LinkMarkup.pageHref(procedureID, format: self)
    }

    /// The tool's own link to `href` with `title` as its text.
    func link(title: String, href: String) -> Markup {
        isHTML
            ? Markup("<a href=\"\(HTMLEscaping.attribute(href))\">\(HTMLEscaping.text(title))</a>")
            : Markup("[\(MarkdownEscaping.text(title))](\(href))")
    }

    /// Plain text from strings files and titles, escaped for this output's running text.
    func escaped(_ plain: String) -> Markup {
        Markup(isHTML ? HTMLEscaping.text(plain) : MarkdownEscaping.text(plain))
    }

    /// Plain text made safe for this output in an attribute (HTML) or an image's description (Markdown).
    func attributeSafe(_ plain: String) -> Markup {
        Markup(isHTML ? HTMLEscaping.attribute(plain) : MarkdownEscaping.text(plain))
    }

    /// `value` as inline code.
    func code(_ value: String) -> Markup {
        guard !isHTML else { return Markup("<code>\(HTMLEscaping.text(value))</code>") }
        return Markup(value.contains("`") ? "`` \(value) ``" : "`\(value)`")
    }

    /// A note as a block quote with its label, for outputs that show notes so (Markdown), else nil.
    func quotedNote(label: String, body: RenderedText, notTranslated: String) -> Markup? {
        guard self == .markdown else { return nil }
        let mark = body.isFallback ? " *(\(notTranslated))*" : ""
        return Markup(MarkdownEscaping.blockQuote("**\(MarkdownEscaping.text(label)):**\(mark) " + body.content))
    }

    /// A file path as a relative URL: every byte but ASCII letters, digits and `-._~/` percent-encoded, since a
    /// space, `#`, `?`, `(` or a non-ASCII letter in a figure's file name would otherwise end the Markdown link
    /// or be read as a fragment or query.
    static func urlPath(_ path: String) -> String {
        SiteAddress.percentEncoded(path, keepingSlashes: true)
    }
}
