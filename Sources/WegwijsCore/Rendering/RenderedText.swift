/// A text rendered for one output and language.
public struct RenderedText: Sendable {
    /// HTML or CommonMark.
    public var content: String
    /// The language the text is really in.
    public var language: String
    /// Whether it is shown in another language because it is not translated.
    public var isFallback: Bool

    /// For the fallback templates: `content`, and `lang`/`isFallback`.
    var templateValue: [String: Any] {
        ["content": content, "lang": language, "isFallback": isFallback]
    }
}

/// The outputs a text is rendered for.
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

    /// Whether texts are rendered as HTML (the web site and the printed guide).
    var isHTML: Bool { self != .markdown }

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
}
