/// A link found in a ``MarkdownDocument``, as the resolver sees it.
public struct MarkdownLink: Sendable {
    /// The destination, as written (`ref:approve-users#fill-in`).
    public let destination: String
    /// The link's text without markup; empty for `[](term:save)`.
    public let text: String
    /// Line of the link's `[` in the text, 1-based.
    public let line: Int
    /// Column of the link's `[` in its line, 1-based, counted in UTF-8 bytes as cmark counts.
    public let utf8Column: Int
}

/// What a link becomes.
///
/// The resolver answers each meaningful link with one of these; the document then changes its tree.
/// `markup` enter and exit strings are the tool's own trusted markup (from the renderer, never from content)
/// and are passed to the output as they are; all text is escaped by cmark's renderers.
public indirect enum InlineReplacement: Sendable {
    /// Plain text.
    case text(String)
    /// A link with the given children; `.originalContent` among them stands for the link's own text.
    case link(destination: String, title: String, children: [InlineReplacement])
    /// Strong emphasis around the children.
    case strong([InlineReplacement])
    /// Emphasis around the children.
    case emphasis([InlineReplacement])
    /// Code span.
    case code(String)
    /// The tool's own markup around the children (HTML in HTML output).
    case markup(enter: String, exit: String, children: [InlineReplacement])
    /// The link's original children, unchanged.
    case originalContent
    /// No line break before the replacement: the space before the link, if any, becomes a no-break space.
    case noBreakBefore
}
