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
    case html
    case markdown = "md"

    /// The file extension of a page.
    public var pageExtension: String { rawValue }
}
