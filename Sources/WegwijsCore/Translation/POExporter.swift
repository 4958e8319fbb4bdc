/// Makes the PO catalogue of one language: one entry per text to be translated into it, in a fixed order.
///
/// `msgctxt` is the text's place, `msgid` its source text and `msgstr` its translation (both without the
/// line break YAML block scalars end with), `#:` where the source text is, `#.` what it is and what its
/// meaningful links stand for in the translation. An outdated translation is `#, fuzzy` with the source it
/// was made from as `#| msgid`. A text written once for every language is offered with itself as translation.
/// Nothing in the file depends on the time or the machine, so the same content always gives the same file.
public struct POExporter: Sendable {
    let export: TranslationExport
    let strings: InterfaceStrings

    /// An exporter over a loaded session.
    public init(session: ContentSession) {
        export = TranslationExport(session: session)
        strings = session.strings
    }

    /// The catalogue of `language`: of the texts written in `sourceLanguage` when it is given. The header's
    /// `X-Source-Language` names the texts' source language, and is left out when they have several.
    public func catalog(for language: String, sourceLanguage: String? = nil, adding extra: [ExchangeUnit] = []) -> POCatalog {
        let units = export.units(for: language, sourceLanguage: sourceLanguage) + extra
        let entries = units.map(Self.entry(for:))
        let sources = Set(units.map(\.sourceLanguage))
        let title = export.siteTitle
        var header: [(name: String, value: String)] = [
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
        ]
        if let only = sourceLanguage ?? (sources.count == 1 ? sources.first : nil) ?? (sources.isEmpty ? export.site.sourceLanguage : nil) {
            header.append(("X-Source-Language", only))
        }
        let comment = strings.string("po.header", in: language, ["title": title, "language": language])
        return POCatalog(header: header, headerComments: comment.split(separator: "\n").map(String.init), entries: entries)
    }

    /// The PO entry of one unit.
    static func entry(for unit: ExchangeUnit) -> POEntry {
        var entry = POEntry(
            extractedComments: unit.notes, references: ["\(unit.file):\(unit.line)"], context: unit.place, id: unit.source,
            translation: unit.target)
        entry.translatorComments = unit.translatorNotes
        if case .outdated(let previous) = unit.state {
            entry.flags = ["fuzzy"]
            entry.previousID = previous
        }
        return entry
    }

    /// A text as PO files carry it: without the leading and trailing blank space YAML leaves around it.
    public static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
