/// One text as it is handed to a translator, whatever the file format: PO and XLIFF files are written from these.
public struct ExchangeUnit: Sendable {
    /// How far the text is translated.
    public enum State: Sendable, Equatable {
        /// No translation yet.
        case untranslated
        /// Translated, and made from the current source text (or confirmed for it).
        case translated
        /// Translated, with no record of the source it was made from.
        case unverified
        /// Translated from an earlier source text, given.
        case outdated(previousSource: String)
    }

    /// The text's place (`msgctxt`, XLIFF `resname`/`name`).
    public var place: String
    /// The part of the content the text belongs to: `site`, `glossary` or a procedure's id.
    public var part: String
    /// The YAML file the source text is in, as shown to the user.
    public var file: String
    /// The line the source text starts on.
    public var line: Int
    /// The language of the source text.
    public var sourceLanguage: String
    /// The source text, trimmed.
    public var source: String
    /// The translation, trimmed; empty when there is none.
    public var target: String
    public var state: State
    /// What the text is and what its links will show (PO `#.`, XLIFF `<note>`).
    public var notes: [String]
    /// The translator's own comments, kept from an earlier import.
    public var translatorNotes: [String] = []
    /// Whether the text is written once for every language (offered with itself as translation).
    public var isSameInEveryLanguage: Bool
    /// What each placeholder link shows in the target language (by destination), for the inline codes.
    public var linkDisplays: [String: String] = [:]
}

/// The units of one target language, in the content's order: the one export behind every exchange format.
public struct TranslationExport: Sendable {
    let site: Site
    let strings: InterfaceStrings
    let resolver: LinkResolver
    let plainTexts: PlainTexts
    let records: TranslationRecords
    let notes: TranslatorNotes

    /// An export of a loaded session.
    public init(session: ContentSession) {
        site = session.site
        strings = session.strings
        plainTexts = session.plainTexts
        resolver = LinkResolver(site: session.site, plainTexts: session.plainTexts)
        records = session.translationRecords
        notes = session.translatorNotes
    }

    /// The site's title in its source language, as plain text (names the exported files).
    public var siteTitle: String { plainTexts.plain(site.title, in: site.sourceLanguage, procedure: nil) }

    /// Every unit to translate into `language`; only those written in `sourceLanguage` when it is given.
    public func units(for language: String, sourceLanguage: String? = nil) -> [ExchangeUnit] {
        site.translationUnits.compactMap { unit in
            guard sourceLanguage == nil || unit.sourceLanguage == sourceLanguage else { return nil }
            return self.unit(for: unit, language: language)
        }
    }

    /// The source languages of the texts to translate into `language`, the site's first.
    public func sourceLanguages(for language: String) -> [String] {
        var found: [String] = []
        for unit in site.translationUnits where unit.sourceLanguage != language && !found.contains(unit.sourceLanguage) {
            found.append(unit.sourceLanguage)
        }
        return found.sorted { ($0 == site.sourceLanguage ? 0 : 1, $0) < ($1 == site.sourceLanguage ? 0 : 1, $1) }
    }

    /// The unit of one text, or nil when the text is written in `language` itself.
    func unit(for unit: TranslationUnit, language: String) -> ExchangeUnit? {
        guard unit.sourceLanguage != language, let source = unit.text.entry(in: unit.sourceLanguage) else { return nil }
        let target = unit.text.entry(in: language).map { POExporter.trimmed($0.value) } ?? ""
        var state = ExchangeUnit.State.untranslated
        if unit.text.isTranslated(into: language) {
            if unit.text.isSameInEveryLanguage {
                state = .translated
            } else {
                switch records.verdict(place: unit.place, language: language, source: source.value) {
                case .current: state = .translated
                case .unrecorded: state = .unverified
                case .outdated(let previous): state = .outdated(previousSource: POExporter.trimmed(previous))
                }
            }
        }
        let part: String
        switch unit.owner {
        case .site, .group: part = "site"
        case .glossaryTerm: part = "glossary"
        case .procedure(let procedure, _, _): part = procedure.id
        }
        var exchanged = ExchangeUnit(
            place: unit.place, part: part, file: source.origin.location.file, line: source.origin.location.line,
            sourceLanguage: unit.sourceLanguage, source: POExporter.trimmed(source.value), target: target, state: state,
            notes: [], isSameInEveryLanguage: unit.text.isSameInEveryLanguage)
        let (comments, displays) = comments(for: unit, source: source.value, language: language)
        exchanged.notes = comments
        exchanged.linkDisplays = displays
        if case .outdated = state { exchanged.notes.append(strings.string("po.comment.outdated", in: language)) }
        exchanged.translatorNotes = notes.notes(place: unit.place, language: language)
        return exchanged
    }

    // MARK: - Notes

    func comments(for unit: TranslationUnit, source: String, language: String) -> (lines: [String], displays: [String: String]) {
        func s(_ key: String, _ values: [String: String] = [:]) -> String { strings.string(key, in: language, values) }
        var lines: [String] = []
        var displays: [String: String] = [:]
        switch unit.owner {
        case .site: lines.append(s(unit.field == "description" ? "po.comment.site-description" : "po.comment.site-title"))
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
            case .procedure(_, let title):
                lines.append(s("po.comment.link.ref", ["link": written, "title": title]))
                displays[link.destination] = title
            case .step(_, _, let number, let title):
                let name = s("reference.step", ["number": String(number), "title": title])
                lines.append(s("po.comment.link.ref", ["link": written, "title": name]))
                displays[link.destination] = name
            case .term(_, let label, _):
                lines.append(s("po.comment.link.term", ["link": written, "label": label]))
                displays[link.destination] = label
            case .input(_, let label, _):
                lines.append(s("po.comment.link.input", ["link": written, "label": label]))
                displays[link.destination] = label
            case .callout(let number, let legend, _):
                let shown = legendText(number: number, scope: scope, language: language) ?? legend
                lines.append(s("po.comment.link.callout", ["link": written, "number": String(number), "legend": shown]))
                displays[link.destination] = String(number)
            }
        }
        if !explained.isEmpty, links.contains(where: { TranslationChecker.isMeaningful($0.destination) }) {
            lines.append(s("po.comment.keep-links"))
        }
        return (lines.flatMap { $0.split(separator: "\n").map(String.init) }, displays)
    }

    /// A callout's legend in `language` as plain text, with what its meaningful links show filled in: the
    /// resolver's plain legend drops an empty link's text, so "The [](term:authorisation)" read "The ".
    func legendText(number: Int, scope: LinkResolver.Scope, language: String) -> String? {
        guard let step = scope.step, let figure = step.figure, number >= 1, number <= figure.callouts.count else { return nil }
        let callout = figure.callouts[number - 1]
        guard let (entry, shownIn) = site.entry(of: callout, in: language, procedure: scope.procedure) else { return nil }
        var document = MarkdownDocument(parsing: entry.value)
        document.rewriteLinks { link in
            guard link.text.isEmpty, case .success(let target)? = resolver.resolve(link.destination, in: scope, language: shownIn) else {
                return nil
            }
            switch target {
            case .procedure(_, let title): return [.text(title)]
            case .step(_, _, let number, let title): return [.text(strings.string("reference.step", in: language, ["number": String(number), "title": title]))]
            case .term(_, let label, _), .input(_, let label, _): return [.text(label)]
            case .callout(let number, _, _): return [.text(String(number))]
            }
        }
        return document.plainText().trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

import WegwijsMarkdown

extension TranslationExport {
    /// The inline codes of every text to translate into `language`, by place, numbered as the export numbers them.
    public func codesByPlace(for language: String) -> [String: UnitCodes] {
        var codes: [String: UnitCodes] = [:]
        for unit in site.translationUnits where unit.sourceLanguage != language {
            guard let source = unit.text.entry(in: unit.sourceLanguage) else { continue }
            let target = unit.text.entry(in: language).map { POExporter.trimmed($0.value) } ?? ""
            codes[unit.place] = UnitCodes(source: POExporter.trimmed(source.value), target: unit.text.isTranslated(into: language) ? target : "")
        }
        return codes
    }
}
