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

    /// The versions, sorted by language code (`*` for a text written once for every language).
    ///
    /// A small array rather than a dictionary: a site holds hundreds of thousands of texts, most in two
    /// languages, and a dictionary's storage per text more than doubled the memory of the model.
    public private(set) var versions: [(language: String, entry: Entry)]
    /// Whether the text was written once for every language.
    public var isSameInEveryLanguage: Bool
    /// Where the text (its mapping or string) is.
    public var location: SourceLocation

    /// A text with the given versions.
    public init(entries: [String: Entry], isSameInEveryLanguage: Bool = false, location: SourceLocation) {
        versions = entries.keys.sorted().map { ($0, entries[$0]!) }
        self.isSameInEveryLanguage = isSameInEveryLanguage
        self.location = location
    }

    /// The version in `language`, if it was written (a text written once serves every language).
    public func entry(in language: String) -> Entry? {
        if isSameInEveryLanguage { return versions.first?.entry }
        return versions.first { $0.language == language }?.entry
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
