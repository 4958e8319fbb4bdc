/// Which texts are translated into each language, which are missing and which are outdated.
///
/// A text written once for every language (a plain string in the content) needs no translation and is not
/// counted. A text with no version in its own source language is left to the validator's "untranslated" warning.
public struct TranslationStatus: Sendable {
    /// The state of one text in one language.
    public enum State: String, Sendable, CaseIterable, Codable {
        /// Translated from the current source text.
        case translated
        /// No text in this language.
        case missing
        /// Translated from an earlier version of the source text.
        case outdated
        /// Translated, but nothing records what from (written before Wegwijs kept records, or by hand).
        case unverified
    }

    /// Counts of texts by state.
    public struct Counts: Sendable, Equatable, Codable {
        public var translated = 0
        public var missing = 0
        public var outdated = 0
        public var unverified = 0

        /// Counts with the given values.
        public init(translated: Int = 0, missing: Int = 0, outdated: Int = 0, unverified: Int = 0) {
            self.translated = translated
            self.missing = missing
            self.outdated = outdated
            self.unverified = unverified
        }

        /// The count of `state`.
        public subscript(state: State) -> Int {
            get {
                switch state {
                case .translated: translated
                case .missing: missing
                case .outdated: outdated
                case .unverified: unverified
                }
            }
            set {
                switch state {
                case .translated: translated = newValue
                case .missing: missing = newValue
                case .outdated: outdated = newValue
                case .unverified: unverified = newValue
                }
            }
        }
    }

    /// A text that needs a translator (or a confirmation), in one language.
    public struct Item: Sendable {
        /// The text's place.
        public var place: String
        /// Its state: missing, outdated or unverified.
        public var state: State
        /// Where the translation is, or where the text is when the translation is missing.
        public var location: SourceLocation
        /// The source text the outdated translation was made from.
        public var previousSource: String?
    }

    /// The counts of one procedure, or of the site's own texts (`site`) or the glossary (`glossary`).
    public struct Row: Sendable {
        /// What the row counts.
        public enum Kind: String, Sendable, Codable { case site, glossary, procedure }
        /// The kind of row.
        public var kind: Kind
        /// A procedure id, `site` or `glossary`.
        public var name: String
        /// The file the texts are in.
        public var file: String
        /// The counts.
        public var counts: Counts
    }

    /// The status of one language.
    public struct Language: Sendable {
        /// The language code.
        public var code: String
        /// One row per procedure (and the site and glossary) that has texts to translate into this language.
        public var rows: [Row]
        /// The sums of the rows.
        public var total: Counts
        /// Every text that is missing, outdated or unverified, in the order of the rows.
        public var items: [Item]
    }

    /// One entry per language that texts are translated into, in the site's order.
    public var languages: [Language]

    /// No status: for content that could not be loaded.
    public static let none = TranslationStatus(languages: [])

    init(languages: [Language]) {
        self.languages = languages
    }

    /// The status of every text of `site` (`units`, read once), given what `records` say.
    public init(site: Site, units: some Sequence<TranslationUnit>, records: TranslationRecords) {
        var tallies = Array(repeating: Tally(), count: site.languages.count)
        for unit in units where !unit.text.isSameInEveryLanguage {
            guard let source = unit.text.entry(in: unit.sourceLanguage) else { continue }
            let (kind, name): (Row.Kind, String) =
                switch unit.owner {
                case .site, .group: (.site, "site")
                case .glossaryTerm: (.glossary, "glossary")
                case .procedure(let procedure, _, _): (.procedure, procedure.id)
                }
            let key = "\(kind.rawValue)/\(name)"
            for (index, language) in site.languages.enumerated() where unit.sourceLanguage != language {
                let (state, location, previous) = Self.state(of: unit, source: source, in: language, records: records)
                tallies[index].count(state, in: key) { Row(kind: kind, name: name, file: unit.text.location.file, counts: Counts()) }
                if state != .translated {
                    tallies[index].items.append(Item(place: unit.place, state: state, location: location, previousSource: previous))
                }
            }
        }
        languages = zip(site.languages, tallies).compactMap { language, tally in
            tally.rows.isEmpty ? nil : Language(code: language, rows: tally.rows, total: tally.total, items: tally.items)
        }
    }

    /// One language's status while it is counted.
    private struct Tally {
        var rows: [Row] = []
        var rowIndex: [String: Int] = [:]
        var items: [Item] = []
        var total = Counts()

        /// Counts a text in `state` in the row `key`, which `newRow` makes when it is the row's first.
        mutating func count(_ state: State, in key: String, newRow: () -> Row) {
            if rowIndex[key] == nil {
                rowIndex[key] = rows.count
                rows.append(newRow())
            }
            rows[rowIndex[key]!].counts[state] += 1
            total[state] += 1
        }
    }

    static func state(
        of unit: TranslationUnit, source: Text.Entry, in language: String, records: TranslationRecords
    ) -> (State, SourceLocation, String?) {
        guard let translation = unit.text.entry(in: language) else { return (.missing, unit.text.location, nil) }
        switch records.verdict(place: unit.place, language: language, source: source.value) {
        case .current: return (.translated, translation.origin.location, nil)
        case .unrecorded: return (.unverified, translation.origin.location, nil)
        case .outdated(let previous): return (.outdated, translation.origin.location, previous)
        }
    }

    /// The status of `language`, if texts are translated into it.
    public func language(_ code: String) -> Language? { languages.first { $0.code == code } }
}
