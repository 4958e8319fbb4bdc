import Foundation
import WegwijsMarkdown

/// The search index of one language's HTML pages, written at build time as a script that assigns a global,
/// so the search works offline and from `file://` (where a page cannot fetch a JSON file); `wegwijs.js`
/// loads it when the search box is first used.
///
/// It holds every text a reader sees on a page, as plain text through cmark (links read as the page shows
/// them: a term as its label, an input as its label): the procedure's title, then its sections: the page's
/// top (summary, prerequisites, inputs) and each step (title; text, figure description and legend, the
/// words an SVG figure shows, notes, result, choices; one text a line), linked by the step's anchor. Included steps are left out: the
/// included procedure has its own entry. After the pages comes the site's table of stems: of every word
/// whose stem is not the word itself, its stem (Snowball's, see ``WordStems``), so the script matches
/// "approving" to "approve" without a stemmer of its own (once for the site: a table per page was a fifth
/// of the index). Output is deterministic: procedures in the order of the index page, keys sorted, one
/// procedure per line.
public struct SearchIndex: Sendable {
    /// The index file's name in each language folder.
    public static let fileName = "search-index.js"
    /// The interface string that names the Snowball algorithm of a language's word forms.
    static let stemmerKey = "search.stemmer"
    /// Its value for a language whose words are matched as written.
    static let noStemmer = "none"

    /// One procedure's page.
    struct Page: Encodable {
        var href: String
        var title: String
        /// The title's language when it is shown untranslated.
        var lang: String?
        /// The page's top, then its steps.
        var sections: [Section]
    }

    /// A part of a page the search links to: its top, or one step.
    struct Section: Encodable {
        /// The step's anchor; nil for the page's top.
        var anchor: String?
        /// The step's number.
        var number: Int?
        /// The step's title.
        var title: String?
        /// The step title's language when it is shown untranslated.
        var lang: String?
        /// The section's texts, one a line.
        var text: String
        /// The texts' language when they are shown untranslated.
        var textLang: String?
    }

    let site: Site
    let plainTexts: PlainTexts
    let strings: InterfaceStrings
    let resolver: LinkResolver
    let markup: LinkMarkup
    /// The language of the pages.
    public let language: String
    /// Where the texts of the procedure being indexed are parsed once (shared with its pages), or nil.
    var trees: TextTrees?
    /// The words the site's SVG figures show.
    let figureWords: FigureWords

    /// The index of `language`'s pages of `site`, with the words its figures show.
    public init(site: Site, plainTexts: PlainTexts, strings: InterfaceStrings, language: String, figureWords: FigureWords = .none) {
        self.site = site
        self.figureWords = figureWords
        self.plainTexts = plainTexts
        self.strings = strings
        self.language = language
        resolver = LinkResolver(site: site, plainTexts: plainTexts)
        markup = LinkMarkup(strings: strings, language: language, format: .html, procedureOrder: site.procedureIndex)
    }

    /// Where the index goes in the output: `html/<language>/search-index.js`.
    public var path: String { "\(OutputFormat.html.rawValue)/\(language)/\(Self.fileName)" }

    /// The stems of this language's words: its strings file names the Snowball algorithm (`search.stemmer`);
    /// a name libstemmer does not have (such as `none`) leaves the words as they are. One for each build job.
    func wordStems() -> WordStems {
        WordStems(algorithm: strings.string(Self.stemmerKey, in: language))
    }

    /// Hands the index's text to `write` in pieces, in order: its start, one line per procedure, its end; so a
    /// large site's index (megabytes) is never held whole in memory.
    public func write(_ write: (String) throws -> Void) rethrows {
        try write(start)
        var stems = wordStems()
        var table: [String: String] = [:]
        for (offset, procedure) in procedures().enumerated() {
            try write(line(procedure, isFirst: offset == 0, stems: &stems, into: &table))
        }
        try write(Self.end(stems: table))
    }

    /// The index's start: the script's comment and the opening of the list of pages.
    public var start: String {
        """
        // The search index of the \(language) pages, written by `wegwijs build`; read by ../\(Templates.script).
        window.wegwijsSearchIndex = {"language": \(Self.json(language)), "pages": [

        """
    }

    /// The index's end, after the last procedure's line: the site's table of stems (each term whose stem is
    /// not the term itself, and its stem).
    static func end(stems: [String: String]) -> String {
        "\n],\n\"stems\": \(json(stems))};\n"
    }

    /// `procedure`'s entry on a line of its own (after a comma and a line break unless it is the first), its
    /// words stemmed by `stems` and added to `table` where their stem differs.
    func line(_ procedure: Procedure, isFirst: Bool, stems: inout WordStems, into table: inout [String: String]) -> String {
        let page = page(procedure)
        if stems.isStemming {
            let texts = [page.title] + page.sections.flatMap { [$0.title ?? "", $0.text] }
            for term in Set(texts.flatMap(SearchTerms.terms(in:))) where table[term] == nil {
                let stem = stems.stem(term)
                if stem != term { table[term] = stem }
            }
        }
        return (isFirst ? "" : ",\n") + Self.json(page)
    }

    /// This index, parsing the texts of the procedures it indexes once in `trees` (a build job's store).
    func sharing(_ trees: TextTrees) -> SearchIndex {
        var index = self
        index.trees = trees
        return index
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, arrays and integers cannot fail.
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    /// Every procedure of the site, in the order of the index page.
    func procedures() -> [Procedure] {
        plainTexts.readingOrder(in: language)
    }

    func page(_ procedure: Procedure) -> Page {
        let title = plain(procedure.title, in: LinkResolver.Scope(procedure: procedure))
        var top = SectionTexts()
        var steps: [String: SectionTexts] = [:]
        procedure.forEachText { text, step, _, field in
            let scope = LinkResolver.Scope(procedure: procedure, step: step)
            guard let step else {
                if field != "title" { top.add(plain(text, in: scope)) }
                return
            }
            if field == "title" { steps[step.id, default: SectionTexts()].title = plain(text, in: scope) } else {
                steps[step.id, default: SectionTexts()].add(plain(text, in: scope))
            }
        }
        var sections = [top.section(anchor: nil, number: nil, index: self)]
        for (offset, entry) in procedure.steps.enumerated() {
            guard case .step(let step) = entry, var texts = steps[step.id] else { continue }
            if let path = step.figure?.path(in: language, fallback: site.sourceLanguage(of: procedure)),
                let words = figureWords.text(of: path.value) {
                texts.add((words, language))
            }
            sections.append(texts.section(anchor: step.id, number: offset + 1, index: self))
        }
        return Page(
            href: LinkMarkup.pageHref(procedure.id, format: .html), title: title.text, lang: otherLanguage(title.language),
            sections: sections)
    }

    /// The plain texts of one section as they are collected, in document order.
    struct SectionTexts {
        var title: (text: String, language: String)?
        var lines: [String] = []
        var language: String?

        /// Adds `text` as a line of its own (its line breaks and runs of spaces made single spaces).
        mutating func add(_ text: (text: String, language: String)) {
            let line = text.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !line.isEmpty else { return }
            lines.append(line)
            if language == nil { language = text.language }
        }

        func section(anchor: String?, number: Int?, index: SearchIndex) -> Section {
            Section(
                anchor: anchor, number: number, title: title?.text, lang: title.flatMap { index.otherLanguage($0.language) },
                text: lines.joined(separator: "\n"), textLang: language.flatMap(index.otherLanguage))
        }
    }

    /// `text` in this language (or its fallback) as plain text, its meaningful links read as the page shows
    /// them, and the language it is really in.
    func plain(_ text: Text, in scope: LinkResolver.Scope) -> (text: String, language: String) {
        guard let (entry, shownIn) = site.entry(of: text, in: language, procedure: scope.procedure) else { return ("", language) }
        return (resolver.plainText(of: entry.value, in: scope, language: language, markup: markup, trees: trees), shownIn)
    }

    /// `shownIn` when it is not the index's language (the text is untranslated), else nil.
    func otherLanguage(_ shownIn: String) -> String? {
        shownIn == language ? nil : shownIn
    }
}
