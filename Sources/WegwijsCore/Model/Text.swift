/// A piece of prose in every language: a mapping from language code to a CommonMark string.
///
/// A plain string in the content (`title: MyDHL+`) is the same text in every language: ``isSameInEveryLanguage``.
public struct Text: Sendable {
    /// One language's version of a text, with where its string starts in the file.
    public struct Entry: Sendable {
        /// The CommonMark source.
        public var value: String
        /// Where the string is, and how it was written, so positions inside it map back to the file.
        public var origin: TextOrigin
    }

    /// The versions by language code.
    public var entries: [String: Entry]
    /// Whether the text was written once for every language.
    public var isSameInEveryLanguage: Bool
    /// Where the text (its mapping or string) is.
    public var location: SourceLocation

    /// A text with the given versions.
    public init(entries: [String: Entry], isSameInEveryLanguage: Bool = false, location: SourceLocation) {
        self.entries = entries
        self.isSameInEveryLanguage = isSameInEveryLanguage
        self.location = location
    }

    /// The version in `language`, if it was written (a text written once serves every language).
    public func entry(in language: String) -> Entry? {
        if isSameInEveryLanguage { return entries.values.first }
        return entries[language]
    }

    /// Whether a version exists in `language`.
    public func isTranslated(into language: String) -> Bool {
        entry(in: language) != nil
    }
}

/// How a text's string was written in YAML, and where, for mapping positions inside it back to the file.
public struct TextOrigin: Sendable, Hashable {
    /// The YAML scalar style.
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// Where the scalar starts: its first character, its opening quote, or its `|`/`>` indicator.
    public var location: SourceLocation
    /// How it was written.
    public var style: Style

    /// An origin at `location` in `style`.
    public init(location: SourceLocation, style: Style) {
        self.location = location
        self.style = style
    }
}
