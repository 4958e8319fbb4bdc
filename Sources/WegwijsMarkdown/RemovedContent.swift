/// Something a text held that no output may show, taken out when the text was parsed.
///
/// Raw HTML is dropped; a link or image whose scheme is not allowed (see ``LinkSafety``) keeps its text
/// and loses its destination. The position is where the node starts, as cmark counts (line and UTF-8
/// column, 1-based), so a diagnostic can point at it in the YAML.
public struct RemovedContent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A raw HTML block or inline tag, as written.
        case rawHTML(String)
        /// A link whose destination has a scheme no output may link to (`javascript:`, `file:`, …).
        case link(destination: String)
        /// An image from a source no output may load (`data:image/svg+xml`, `file:`, …).
        case image(source: String)
    }

    public let kind: Kind
    public let line: Int
    public let utf8Column: Int
}
