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
    public var versions: Versions { Versions(text: self) }
    /// Whether the text was written once for every language.
    public var isSameInEveryLanguage: Bool
    /// Where the text (its mapping or string) is.
    public var location: SourceLocation

    // A site holds hundreds of thousands of texts, nearly all in two languages. A dictionary per text
    // more than doubled the model; an array of whole entries (each with its own copy of the file name
    // and 64-bit positions) took 192 bytes of heap per text, these compact versions take 144.
    private var stored: [StoredVersion]

    /// A text with the given versions; every entry's origin is in the file of `location`.
    public init(entries: [String: Entry], isSameInEveryLanguage: Bool = false, location: SourceLocation) {
        stored = entries.keys.sorted().map { StoredVersion(language: $0, entry: entries[$0]!) }
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

    /// The versions of a text, in language order, read without copying them into an array.
    public struct Versions: RandomAccessCollection, Sendable {
        let text: Text

        public var startIndex: Int { 0 }
        public var endIndex: Int { text.stored.count }

        public subscript(position: Int) -> (language: String, entry: Entry) {
            text.stored[position].version(in: text.location.file)
        }
    }
}

/// One version as a text holds it: its origin without the file, which is the text's.
private struct StoredVersion: Sendable {
    var language: String
    var value: String
    var line: Int32
    var column: Int32
    var style: TextOrigin.Style

    init(language: String, entry: Text.Entry) {
        self.language = language
        value = entry.value
        line = Int32(clamping: entry.origin.location.line)
        column = Int32(clamping: entry.origin.location.column)
        style = entry.origin.style
    }

    func version(in file: String) -> (language: String, entry: Text.Entry) {
        let location = SourceLocation(file: file, line: Int(line), column: Int(column))
        return (language, Text.Entry(value: value, origin: TextOrigin(location: location, style: style)))
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
