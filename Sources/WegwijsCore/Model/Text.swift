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

    // A site holds hundreds of thousands of texts, nearly all in two languages. A dictionary per text
    // more than doubled the model; an array of whole entries (each with its own copy of the file name
    // and 64-bit positions) took 192 bytes of heap per text. These compact versions take 80, in an
    // array shared by the texts of a procedure: `stored[first...]`, `count` of them (all when `count`
    // is `.max`). Declared first, so that the text takes 40 bytes.
    private var stored: [StoredVersion]
    private var first: UInt32 = 0
    private var count: UInt16 = .max

    /// Whether the text was written once for every language.
    public var isSameInEveryLanguage: Bool
    /// Where the text (its mapping or string) is.
    public var location: SourceLocation

    /// A text with the given versions; every entry's origin is in the file of `location`.
    public init(entries: [String: Entry], isSameInEveryLanguage: Bool = false, location: SourceLocation) {
        stored = entries.keys.sorted().map { StoredVersion(language: $0, entry: entries[$0]!) }
        self.isSameInEveryLanguage = isSameInEveryLanguage
        self.location = location
    }

    /// The version in `language`, if it was written (a text written once serves every language).
    public func entry(in language: String) -> Entry? {
        stored(in: language)?.version(in: location.file).entry
    }

    /// Whether a version exists in `language`.
    public func isTranslated(into language: String) -> Bool {
        stored(in: language) != nil
    }

    /// The stored version in `language`, found by its code alone: reading a version copies its string out
    /// of the shared storage, which only the version asked for should cost.
    private func stored(in language: String) -> StoredVersion? {
        let candidates = versions.stored
        return isSameInEveryLanguage ? candidates.first : candidates.first { $0.hasLanguage(language) }
    }

    /// Makes the texts that `visit` reaches keep their strings in one shared string; `visit` must reach
    /// the same texts in the same order every time it is called.
    ///
    /// Every string on the heap costs some 50 bytes besides its characters, as much as a short sentence:
    /// a procedure's (or the glossary's) texts are kept in one string, read out a version at a time.
    static func shareStorage(_ visit: ((inout Text) -> Void) -> Void) {
        var length = 0
        var versionCount = 0
        visit { text in
            for version in text.versions.stored { length += Int(version.languageCount + version.count) }
            versionCount += text.versions.count
        }
        var storage = ""
        storage.reserveCapacity(length)
        visit { text in
            for version in text.versions.stored { storage += version.languageAndValue }
        }
        var offset = 0
        var versions: [StoredVersion] = []
        versions.reserveCapacity(versionCount)
        visit { text in
            for var version in text.versions.stored {
                version.share(storage, from: &offset)
                versions.append(version)
            }
        }
        var position = 0
        visit { text in
            let count = text.versions.count
            defer { position += count }
            // Beyond these bounds (never in real content) a text keeps its own versions.
            guard count < UInt16.max, position + count <= UInt32.max else { return }
            text = Text(stored: versions, first: UInt32(position), count: UInt16(count), like: text)
        }
    }

    private init(stored: [StoredVersion], first: UInt32, count: UInt16, like text: Text) {
        self.stored = stored
        self.first = first
        self.count = count
        isSameInEveryLanguage = text.isSameInEveryLanguage
        location = text.location
    }

    /// The versions of a text, in language order, read without copying them into an array.
    public struct Versions: RandomAccessCollection, Sendable {
        let text: Text

        public var startIndex: Int { 0 }
        public var endIndex: Int { text.count == .max ? text.stored.count : Int(text.count) }

        public subscript(position: Int) -> (language: String, entry: Entry) {
            text.stored[Int(text.first) + position].version(in: text.location.file)
        }

        /// The versions as the text holds them.
        fileprivate var stored: ArraySlice<StoredVersion> {
            text.stored[Int(text.first)..<(Int(text.first) + count)]
        }
    }
}

/// One version as a text holds it: its origin without the file, which is the text's; its language
/// code and string in one string of their own or in one the text shares with others.
private struct StoredVersion: Sendable {
    /// Holds the string at `start` (a UTF-8 offset) for `count` bytes, right after the language code.
    var storage: String
    var start: UInt32
    var count: UInt32
    var line: Int32
    var column: Int32
    var languageCount: UInt32
    var style: TextOrigin.Style
    var marks: TextOrigin.Marks

    init(language: String, entry: Text.Entry) {
        storage = language + entry.value
        languageCount = UInt32(clamping: language.utf8.count)
        start = languageCount
        count = UInt32(clamping: entry.value.utf8.count)
        line = Int32(clamping: entry.origin.location.line)
        column = Int32(clamping: entry.origin.location.column)
        style = entry.origin.style
        marks = entry.origin.marks
    }

    /// The language code.
    var language: String { String(slice(from: start - languageCount, count: languageCount)) }
    /// Whether the language code is `code`, compared in place.
    func hasLanguage(_ code: String) -> Bool { slice(from: start - languageCount, count: languageCount) == code }
    /// The string.
    var value: String { String(slice(from: start, count: count)) }
    /// The language code and the string.
    var languageAndValue: Substring { slice(from: start - languageCount, count: languageCount + count) }

    func slice(from offset: UInt32, count: UInt32) -> Substring {
        let utf8 = storage.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: Int(offset))
        return storage[from..<utf8.index(from, offsetBy: Int(count))]
    }

    /// Reads from `shared` instead, which holds this version's code and string at `offset`; moves `offset` past them.
    mutating func share(_ shared: String, from offset: inout Int) {
        let end = offset + Int(languageCount + count)
        defer { offset = end }
        guard end <= UInt32.max else { return }
        storage = shared
        start = UInt32(offset) + languageCount
    }

    func version(in file: String) -> (language: String, entry: Text.Entry) {
        let location = SourceLocation(file: file, line: Int(line), column: Int(column))
        var origin = TextOrigin(location: location, style: style)
        origin.marks = marks
        return (language, Text.Entry(value: value, origin: origin))
    }
}

/// How a text's string was written in YAML, and where, for mapping positions inside it back to the file.
public struct TextOrigin: Sendable, Hashable {
    /// The YAML scalar style.
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// Where a scalar ends, as libyaml marks it: 1-based line and column (in Unicode scalars) and byte offset.
    ///
    /// A flow scalar ends just after its last character or closing quote; a block scalar after the line
    /// breaks it takes, at the start of the line after it (or at the end of the file).
    public struct End: Sendable, Hashable {
        public var line: Int
        public var column: Int
        /// In UTF-8 bytes from the start of the file's text, after a byte order mark.
        public var offset: Int

        /// An end at `line` and `column`, `offset` bytes into the file's text.
        public init(line: Int, column: Int, offset: Int) {
            self.line = line
            self.column = column
            self.offset = offset
        }
    }

    /// Where the scalar starts: its first character, its opening quote, or its `|`/`>` indicator.
    public var location: SourceLocation
    /// How it was written.
    public var style: Style
    /// The byte offset of ``location`` in the file's text (after a byte order mark), when the loader knew it.
    public var startOffset: Int? { marks.isKnown ? Int(marks.startOffset) : nil }
    /// Where the scalar ends, when the loader knew it.
    public var end: End? {
        marks.isKnown ? End(line: Int(marks.endLine), column: Int(marks.endColumn), offset: Int(marks.endOffset)) : nil
    }

    // Kept in 32 bits, as the model keeps its other positions (README, "Memory"); an end line of 0 is unknown.
    struct Marks: Sendable, Hashable {
        var startOffset: UInt32 = 0
        var endLine: Int32 = 0
        var endColumn: Int32 = 0
        var endOffset: UInt32 = 0

        var isKnown: Bool { endLine > 0 }
    }
    var marks = Marks()

    /// An origin at `location` in `style`, whose extent is not known.
    public init(location: SourceLocation, style: Style) {
        self.location = location
        self.style = style
    }

    /// An origin from `location` (`startOffset` bytes into the file's text) to `end`, in `style`.
    public init(location: SourceLocation, style: Style, startOffset: Int, end: End) {
        self.location = location
        self.style = style
        marks = Marks(
            startOffset: UInt32(clamping: startOffset), endLine: Int32(clamping: end.line),
            endColumn: Int32(clamping: end.column), endOffset: UInt32(clamping: end.offset))
    }
}
