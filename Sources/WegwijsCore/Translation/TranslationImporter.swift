import WegwijsMarkdown

/// A translation as an exchange file (a PO entry, an XLIFF unit) hands it back, before it is checked.
public struct ExchangedTranslation: Sendable {
    /// The place it names (`msgctxt`, `resname`, `name`); nil when it names none.
    public var place: String?
    /// The source text the file has, as CommonMark.
    public var source: String
    /// The translation as CommonMark; nil when its inline codes could not be turned back into markup.
    public var target: String?
    /// Whether the file marks it as not final (PO fuzzy, XLIFF `needs-review-…`/`initial`).
    public var needsReview: Bool
    /// Where it is in the exchange file.
    public var location: SourceLocation
    /// What reading it found wrong (its inline codes): errors refuse it, warnings refuse it with `--strict`.
    public var problems = Diagnostics()
    /// The translator's comments; nil where the format has none (then those kept are left alone).
    public var translatorNotes: [String]?

    public init(place: String?, source: String, target: String?, needsReview: Bool, location: SourceLocation) {
        self.place = place
        self.source = source
        self.target = target
        self.needsReview = needsReview
        self.location = location
    }
}

extension POCatalog {
    /// The entries as translations, placed in `file`.
    public func exchangedTranslations(file: String) -> [ExchangedTranslation] {
        entries.map { entry in
            var translation = ExchangedTranslation(
                place: entry.context, source: entry.id, target: entry.translation, needsReview: entry.isFuzzy,
                location: SourceLocation(file: file, line: max(1, entry.line), column: 1))
            translation.translatorNotes = entry.translatorComments
            return translation
        }
    }
}

/// Decides what the translations of an exchange file change in the content, whatever its format, without
/// touching anything; ``ContentUpdate`` then writes it all or nothing.
///
/// A translation is applied when it names a text, is not marked for review, is not empty and is valid as the
/// content would be: every `term:`, `ref:`, `input:` and `callout:` link must resolve and be one its source has
/// (else an error at its line in the exchange file, and it is refused). Its source must be the text's current
/// source, compared by fingerprint (so a source only re-wrapped since the export still matches, and the import
/// says so); a translation of an earlier source is applied and recorded as made from that source (so it shows as
/// outdated), unless the content's translation is already current. An emptied translation is ignored and reported.
/// With `strict`, every warning refuses its translation too.
public struct TranslationImporter: Sendable {
    /// What importing does.
    public struct Plan: Sendable {
        /// The texts to rewrite, with their places.
        public var changes: [(place: String, change: TextChange)] = []
        /// Places whose translation is confirmed as it is.
        public var confirmations: [String] = []
        /// Places whose translation was made from an earlier source, with that source (recorded as such).
        public var madeFromEarlierSource: [String: String] = [:]
        /// The translators' notes per place, for every translation read that names a text.
        public var notes: [(place: String, lines: [String])] = []
        /// Translations left out because they are marked for review.
        public var needsReview = 0
        /// Translations left out because they are empty (where the content has none either).
        public var untranslated = 0
        /// Translations left out because they were emptied (the content keeps its translation).
        public var emptied = 0
        /// Translations matched to their text by fingerprint, not by the exact source.
        public var matchedByFingerprint = 0
        /// Translations refused for an error, or for a warning with `strict`.
        public var refused = 0
        /// Translations left out with a warning (they name nothing, or are written in the language itself).
        public var skipped = 0
        /// The reports, placed in the exchange file.
        public var diagnostics = Diagnostics()

        /// Nothing to do.
        public init() {}
    }

    let units: [String: TranslationUnit]
    let suggester: PlaceSuggester
    let resolver: LinkResolver
    let records: TranslationRecords
    let exportCommand: String

    /// How many translations with one kind of problem are listed one by one; the rest are counted in one warning.
    /// A file from another project names nothing here, and 500,000 warnings that all say so help nobody.
    public static let maximumReportsPerKind = 1000

    /// An importer into `session`'s content; `exportCommand` is what to run to export again (in advice).
    public init(session: ContentSession, exportCommand: String = "wegwijs po export --lang {language}") {
        let all = session.site.translationUnits
        units = Dictionary(all.map { ($0.place, $0) }, uniquingKeysWith: { first, _ in first })
        suggester = PlaceSuggester(places: all.map(\.place))
        resolver = LinkResolver(site: session.site, plainTexts: session.plainTexts)
        records = session.translationRecords
        self.exportCommand = exportCommand
    }

    /// What `translations` change for `language`.
    public func plan(_ translations: [ExchangedTranslation], language: String, strict: Bool = false) -> Plan {
        var plan = Plan()
        var reported: [String: Int] = [:]
        var unreported: [String: (count: Int, first: SourceLocation)] = [:]
        func report(_ diagnostic: Diagnostic) {
            guard reported[diagnostic.id, default: 0] < Self.maximumReportsPerKind else {
                unreported[diagnostic.id, default: (0, diagnostic.location)].count += 1
                return
            }
            reported[diagnostic.id, default: 0] += 1
            plan.diagnostics.append(contentsOf: [diagnostic])
        }
        for translation in translations {
            let location = translation.location
            var problems = translation.problems
            func skip(_ id: String, _ summary: String, notes: [String] = []) {
                plan.skipped += 1
                if strict { plan.refused += 1 }
                report(Diagnostic(strict ? .error : .warning, id, at: location, summary + "; not applied", notes: notes))
            }
            guard let place = translation.place else {
                skip("import-unknown-place", "a translation without a place (msgctxt, resname or name): Wegwijs cannot tell which text it translates")
                continue
            }
            guard let unit = units[place] else {
                skip(
                    "import-unknown-place", "'\(place)' names no text of the content\(suggester.didYouMean(place))",
                    notes: ["The text may have been moved, renamed or removed since the file was exported."])
                continue
            }
            guard unit.sourceLanguage != language else {
                skip("import-source-language", "'\(place)' is written in '\(language)' itself")
                continue
            }
            let current = unit.text.entry(in: unit.sourceLanguage)?.value ?? ""
            let source = POExporter.trimmed(current)
            if let notes = translation.translatorNotes { plan.notes.append((place, notes)) }
            let isCurrentSource = TextFingerprint.of(translation.source) == TextFingerprint.of(source)
            if translation.source != source, isCurrentSource { plan.matchedByFingerprint += 1 }
            let existing = unit.text.isSameInEveryLanguage ? nil : unit.text.entry(in: language).map { POExporter.trimmed($0.value) }
            if !isCurrentSource {
                let value = translation.target.map(POExporter.trimmed)
                if records.verdict(place: place, language: language, source: current) == .current, existing != value, !(value ?? "").isEmpty {
                    skip(
                        "import-source-changed",
                        "the source text of '\(place)' changed since this file was exported, and the content's translation is already made from the current source",
                        notes: ["Export the file again ('\(exportCommand.replacingOccurrences(of: "{language}", with: language))') and translate the new text."])
                    continue
                }
                problems.warning(
                    "import-source-changed", at: location,
                    "the source text of '\(place)' changed since this file was exported: the translation is applied and marked outdated",
                    notes: ["Export the file again ('\(exportCommand.replacingOccurrences(of: "{language}", with: language))') and translate the new text."])
            }
            if translation.needsReview, !problems.hasErrors {
                plan.needsReview += 1
                continue
            }
            if let target = translation.target, !problems.hasErrors {
                let value = POExporter.trimmed(target)
                if value.isEmpty {
                    if let existing, !existing.isEmpty {
                        plan.emptied += 1
                        report(Diagnostic(
                            .warning, "import-emptied", at: location,
                            "the translation of '\(place)' is empty in the file: ignored, the content keeps its translation"))
                    } else {
                        plan.untranslated += 1
                    }
                    continue
                }
                check(value, of: unit, source: source, language: language, at: location, into: &problems)
            }
            let refuses = problems.hasErrors || (strict && !problems.all.isEmpty)
            for diagnostic in problems.all {
                var shown = diagnostic
                if refuses {
                    shown.severity = .error
                    if !shown.summary.hasSuffix("; not applied") { shown.summary += "; not applied" }
                }
                report(shown)
            }
            if refuses {
                plan.refused += 1
                continue
            }
            guard let target = translation.target else { continue }
            let value = POExporter.trimmed(target)
            if !isCurrentSource { plan.madeFromEarlierSource[place] = translation.source }
            if unit.text.isSameInEveryLanguage {
                // Offered with itself as the translation: only a different text makes it a mapping.
                if value != source {
                    plan.changes.append((place, TextChange(text: unit.text, language: language, sourceLanguage: unit.sourceLanguage, value: value)))
                }
                continue
            }
            if existing == value {
                plan.confirmations.append(place)
            } else {
                plan.changes.append((place, TextChange(text: unit.text, language: language, sourceLanguage: unit.sourceLanguage, value: value)))
            }
        }
        for (id, left) in unreported.sorted(by: { $0.key < $1.key }) {
            plan.diagnostics.warning(
                id, at: left.first, "\(left.count) more entries like the \(Self.maximumReportsPerKind) above, from here on; not applied",
                notes: ["Only the first \(Self.maximumReportsPerKind) of a kind are listed. Is this file exported from this content?"])
        }
        return plan
    }

    /// Checks a translation as the validator would check it in the content: its meaningful links resolve, are
    /// safe, and are ones its source has (errors); links of the source it lacks are warnings.
    func check(_ value: String, of unit: TranslationUnit, source: String, language: String, at location: SourceLocation, into problems: inout Diagnostics) {
        let scope = LinkResolver.Scope(procedure: unit.procedure, step: unit.step)
        var links: [MarkdownLink] = [], removed: [RemovedContent] = []
        if value.hasClosingBracket(followedByAnyOf: "(:") || value.utf8.contains(UInt8(ascii: "<")) {
            let document = MarkdownDocument(parsing: value)
            (links, removed) = (document.links, document.removedContent)
        }
        let sourceLinks = source.hasClosingBracket(followedByAnyOf: "(") ? MarkdownDocument(parsing: source).links : []
        var remaining: [String: Int] = [:]
        for link in sourceLinks { remaining[link.destination, default: 0] += 1 }
        // A translation that came back with a link or an image no output may show is refused; raw HTML,
        // which is only left out, is said as the validator says it of the content.
        // One of each kind per entry: they all point at the entry's first line.
        var saidKinds: Set<String> = []
        for item in removed {
            let (id, message, note) = item.warning
            guard saidKinds.insert(id).inserted else { continue }
            switch item.kind {
            case .rawHTML: problems.warning("import-\(id)", at: location, "in the translation of '\(unit.place)': \(message)", notes: [note])
            case .link, .image: problems.error("import-\(id)", at: location, "in the translation of '\(unit.place)': \(message)", notes: [note])
            }
        }
        for link in links {
            if case .failure(let problem)? = resolver.resolve(link.destination, in: scope, language: language) {
                problems.error("import-\(problem.id)", at: location, "in the translation of '\(unit.place)': \(problem.summary)", notes: problem.notes)
                continue
            }
            guard TranslationChecker.isMeaningful(link.destination) else { continue }
            if let count = remaining[link.destination], count > 0 {
                remaining[link.destination] = count - 1
            } else if sourceLinks.contains(where: { $0.destination == link.destination }) {
                continue
            } else {
                problems.error(
                    "import-extra-link", at: location,
                    "the translation of '\(unit.place)' links to '\(link.destination)', which its source text does not",
                    notes: ["Translations keep the links of their source: [](ref:…), [](term:…), [](input:…) and [](callout:…)."])
            }
        }
        let missing = sourceLinks.filter { TranslationChecker.isMeaningful($0.destination) && remaining[$0.destination, default: 0] > 0 }
        var said = Set<String>()
        for link in missing where said.insert(link.destination).inserted && !links.contains(where: { $0.destination == link.destination }) {
            problems.warning("import-missing-link", at: location, "the translation of '\(unit.place)' lacks the link [](\(link.destination)) of its source")
        }
    }
}
