/// Decides what a translated PO file changes in the content, entry by entry, without touching anything.
///
/// An entry is applied when its `msgctxt` names a text, its `msgid` is that text's current source, it is
/// not fuzzy and its `msgstr` is not empty: a different `msgstr` becomes a change of the text, an equal one
/// confirms the translation. Either way the record file will say the translation was made from the current
/// source. Entries that name nothing or whose source changed since the export are reported and left out.
public struct POImporter: Sendable {
    /// What importing a catalogue does.
    public struct Plan: Sendable {
        /// The texts to rewrite, with their places.
        public var changes: [(place: String, change: TextChange)] = []
        /// Places whose translation is confirmed as it is.
        public var confirmations: [String] = []
        /// Entries left out because they are marked fuzzy.
        public var fuzzy = 0
        /// Entries left out because they have no translation.
        public var untranslated = 0
        /// Entries reported and left out.
        public var rejected = 0
        /// The reports, placed in the PO file.
        public var diagnostics = Diagnostics()
    }

    let units: [String: TranslationUnit]
    let suggester: PlaceSuggester

    /// How many entries of one kind of problem are listed one by one; the rest are counted in one warning.
    /// A PO file from another project names nothing here, and 500,000 warnings that all say so help nobody.
    public static let maximumReportsPerKind = 1000

    /// An importer into `site`.
    public init(site: Site) {
        let all = site.translationUnits
        units = Dictionary(all.map { ($0.place, $0) }, uniquingKeysWith: { first, _ in first })
        suggester = PlaceSuggester(places: all.map(\.place))
    }

    /// What `catalog` (read from `file`) changes for `language`.
    public func plan(_ catalog: POCatalog, file: String, language: String) -> Plan {
        var plan = Plan()
        var reported: [String: Int] = [:]
        var unreported: [String: (count: Int, first: SourceLocation)] = [:]
        for entry in catalog.entries {
            let location = SourceLocation(file: file, line: max(1, entry.line), column: 1)
            func reject(_ id: String, _ summary: @autoclosure () -> String, notes: @autoclosure () -> [String] = []) {
                plan.rejected += 1
                guard reported[id, default: 0] < Self.maximumReportsPerKind else {
                    unreported[id, default: (0, location)].count += 1
                    return
                }
                reported[id, default: 0] += 1
                plan.diagnostics.warning(id, at: location, summary() + "; not applied", notes: notes())
            }
            guard let place = entry.context else {
                reject("po-unknown-place", "entry without msgctxt: Wegwijs cannot tell which text it translates")
                continue
            }
            guard let unit = units[place] else {
                reject(
                    "po-unknown-place", "msgctxt '\(place)' names no text of the content\(suggester.didYouMean(place))",
                    notes: ["The text may have been moved, renamed or removed since the file was exported."])
                continue
            }
            guard unit.sourceLanguage != language else {
                reject("po-source-language", "'\(place)' is written in '\(language)' itself")
                continue
            }
            let source = POExporter.trimmed(unit.text.entry(in: unit.sourceLanguage)?.value ?? "")
            guard entry.id == source else {
                reject(
                    "po-source-changed", "the source text of '\(place)' changed since this file was exported",
                    notes: ["Export the file again ('wegwijs po export --lang \(language)') and translate the new text."])
                continue
            }
            if entry.isFuzzy {
                plan.fuzzy += 1
                continue
            }
            let translation = POExporter.trimmed(entry.translation)
            guard !translation.isEmpty else {
                plan.untranslated += 1
                continue
            }
            if unit.text.isSameInEveryLanguage {
                // Offered with itself as the translation: only a different text makes it a mapping.
                if translation != source {
                    plan.changes.append(
                        (place, TextChange(text: unit.text, language: language, sourceLanguage: unit.sourceLanguage, value: translation)))
                }
                continue
            }
            if let current = unit.text.entry(in: language), POExporter.trimmed(current.value) == translation {
                plan.confirmations.append(place)
            } else {
                plan.changes.append(
                    (place, TextChange(text: unit.text, language: language, sourceLanguage: unit.sourceLanguage, value: translation)))
            }
        }
        for (id, left) in unreported.sorted(by: { $0.key < $1.key }) {
            plan.diagnostics.warning(
                id, at: left.first,
                "\(left.count) more entries like the \(Self.maximumReportsPerKind) above, from here on; not applied",
                notes: ["Only the first \(Self.maximumReportsPerKind) of a kind are listed. Is this PO file exported from this content?"])
        }
        return plan
    }
}
