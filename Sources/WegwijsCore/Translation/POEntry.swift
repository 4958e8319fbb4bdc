/// One entry of a gettext PO file.
public struct POEntry: Sendable, Equatable {
    /// `# ` comments, by and for translators.
    public var translatorComments: [String] = []
    /// `#.` comments, written by the tool for translators.
    public var extractedComments: [String] = []
    /// `#:` references: where the text is (`file:line`).
    public var references: [String] = []
    /// `#,` flags, such as `fuzzy`.
    public var flags: [String] = []
    /// `#| msgid`: the source text the current translation was made from, when it changed since.
    public var previousID: String?
    /// `msgctxt`: the place of the text.
    public var context: String?
    /// `msgid`: the source text.
    public var id: String = ""
    /// `msgid_plural`, which Wegwijs does not use.
    public var pluralID: String?
    /// `msgstr`: the translation; empty when there is none.
    public var translation: String = ""
    /// The line of the entry's `msgctxt` (or `msgid` when it has none), 1-based; 0 for an entry not read from a file.
    public var line: Int = 0

    /// An entry with the given parts.
    public init(
        extractedComments: [String] = [], references: [String] = [], flags: [String] = [], previousID: String? = nil,
        context: String? = nil, id: String, translation: String
    ) {
        self.extractedComments = extractedComments
        self.references = references
        self.flags = flags
        self.previousID = previousID
        self.context = context
        self.id = id
        self.translation = translation
    }

    /// Whether the translation is marked as needing review (not final).
    public var isFuzzy: Bool { flags.contains("fuzzy") }

    /// Whether this is the header entry: no context and an empty `msgid`.
    public var isHeader: Bool { context == nil && id.isEmpty }
}

/// A PO file: the header's fields and the entries.
public struct POCatalog: Sendable {
    /// `Name: value` fields of the header, in order.
    public var header: [(name: String, value: String)]
    /// Comment lines above the header (without `# `).
    public var headerComments: [String] = []
    /// The entries, header excluded.
    public var entries: [POEntry]

    /// A catalogue with `header` fields and `entries`.
    public init(header: [(name: String, value: String)], headerComments: [String] = [], entries: [POEntry]) {
        self.header = header
        self.headerComments = headerComments
        self.entries = entries
    }

    /// The value of header field `name` (case-insensitive), if present.
    public func headerField(_ name: String) -> String? {
        header.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
