import WegwijsMarkdown

/// Makes the PO catalogue of one language: one entry per text to be translated into it, in a fixed order.
///
/// `msgctxt` is the text's place, `msgid` its source text and `msgstr` its translation (both without the
/// line break YAML block scalars end with), `#:` where the source text is, `#.` what it is and what its
/// meaningful links stand for in the translation. An outdated translation is `#, fuzzy` with the source it
/// was made from as `#| msgid`. A text written once for every language is offered with itself as translation.
/// Nothing in the file depends on the time or the machine, so the same content always gives the same file.
public struct POExporter: Sendable {
    let site: Site
    let strings: InterfaceStrings
    let resolver: LinkResolver
    let plainTexts: PlainTexts
    let records: TranslationRecords

    /// An exporter over a loaded session.
    public init(session: ContentSession) {
        site = session.site
        strings = session.strings
        plainTexts = session.plainTexts
        resolver = LinkResolver(site: session.site, plainTexts: session.plainTexts)
        records = session.translationRecords
    }

    /// The catalogue of `language`.
    public func catalog(for language: String) -> POCatalog {
        let entries = site.translationUnits.compactMap { entry(for: $0, language: language) }
        let title = plainTexts.plain(site.title, in: site.sourceLanguage, procedure: nil)
        let header: [(name: String, value: String)] = [
            ("Project-Id-Version", title),
            // Left empty for the translator's editor to fill in: a date here would change on every export.
            ("PO-Revision-Date", ""),
            ("Last-Translator", ""),
            ("Language-Team", ""),
            ("Language", language),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=UTF-8"),
            ("Content-Transfer-Encoding", "8bit"),
            ("Plural-Forms", strings.string("po.plural-forms", in: language)),
            ("X-Generator", "Wegwijs"),
            ("X-Source-Language", site.sourceLanguage),
        ]
        let comment = strings.string("po.header", in: language, ["title": title, "language": language])
        return POCatalog(header: header, headerComments: comment.split(separator: "\n").map(String.init), entries: entries)
    }

    /// The entry of one text, or nil when the text is written in `language` itself.
    func entry(for unit: TranslationUnit, language: String) -> POEntry? {
        guard unit.sourceLanguage != language, let source = unit.text.entry(in: unit.sourceLanguage) else { return nil }
        var entry = POEntry(
            references: ["\(source.origin.location.file):\(source.origin.location.line)"], context: unit.place,
            id: Self.trimmed(source.value), translation: unit.text.entry(in: language).map { Self.trimmed($0.value) } ?? "")
        entry.extractedComments = comments(for: unit, source: source.value, language: language)
        if unit.text.isTranslated(into: language), !unit.text.isSameInEveryLanguage,
            case .outdated(let previous) = records.verdict(place: unit.place, language: language, source: source.value)
        {
            entry.flags = ["fuzzy"]
            entry.previousID = Self.trimmed(previous)
            entry.extractedComments.append(strings.string("po.comment.outdated", in: language))
        }
        return entry
    }

    /// A text as PO files carry it: without the leading and trailing blank space YAML leaves around it.
    public static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: - Comments

    func comments(for unit: TranslationUnit, source: String, language: String) -> [String] {
        func s(_ key: String, _ values: [String: String] = [:]) -> String { strings.string(key, in: language, values) }
        var lines: [String] = []
        switch unit.owner {
        case .site: lines.append(s("po.comment.site-title"))
        case .group(let group): lines.append(s("po.comment.group-title", ["id": group.id]))
        case .glossaryTerm: lines.append(s("po.comment.glossary"))
        case .procedure(let procedure, let step, let number):
            var place = s("po.comment.procedure", ["title": plainTexts.plain(procedure.title, in: unit.sourceLanguage, procedure: procedure), "id": procedure.id])
            if let step {
                let title = plainTexts.plain(step.title, in: unit.sourceLanguage, procedure: procedure)
                place += ", " + s("po.comment.step", ["number": String(number ?? 0), "title": title, "id": step.id])
            }
            lines.append("\(place): \(unit.field)")
            if unit.role == .alternativeText { lines.append(s("po.comment.alt")) }
        }
        if unit.text.isSameInEveryLanguage { lines.append(s("po.comment.same-everywhere")) }
        if unit.sourceLanguage != site.sourceLanguage { lines.append(s("po.comment.source-language", ["language": unit.sourceLanguage])) }
        let links = source.hasClosingBracket(followedByAnyOf: "(") ? MarkdownDocument(parsing: source).links : []
        let scope = LinkResolver.Scope(procedure: unit.procedure, step: unit.step)
        var explained = Set<String>()
        for link in links where explained.insert(link.destination).inserted {
            guard case .success(let target) = resolver.resolve(link.destination, in: scope, language: language) else { continue }
            let written = "[](\(link.destination))"
            switch target {
            case .procedure(_, let title): lines.append(s("po.comment.link.ref", ["link": written, "title": title]))
            case .step(_, _, let number, let title):
                let name = s("reference.step", ["number": String(number), "title": title])
                lines.append(s("po.comment.link.ref", ["link": written, "title": name]))
            case .term(_, let label, _): lines.append(s("po.comment.link.term", ["link": written, "label": label]))
            case .input(_, let label, _): lines.append(s("po.comment.link.input", ["link": written, "label": label]))
            case .callout(let number, let legend, _):
                lines.append(s("po.comment.link.callout", ["link": written, "number": String(number), "legend": legend]))
            }
        }
        if !explained.isEmpty, links.contains(where: { TranslationChecker.isMeaningful($0.destination) }) {
            lines.append(s("po.comment.keep-links"))
        }
        return lines.flatMap { $0.split(separator: "\n").map(String.init) }
    }
}
