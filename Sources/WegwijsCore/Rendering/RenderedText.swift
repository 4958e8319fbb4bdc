/// A text rendered for one output and language.
public struct RenderedText: Sendable {
    /// HTML or CommonMark.
    public var content: String
    /// The language the text is really in.
    public var language: String
    /// Whether it is shown in another language because it is not translated.
    public var isFallback: Bool
}
