import Foundation
import WegwijsMarkdown

/// The search index of one language's HTML pages, written at build time as a script that assigns a global,
/// so the search works offline and from `file://` (where a page cannot fetch a JSON file).
///
/// It holds plain texts only, taken from the model through cmark: each procedure's title, summary and
/// keywords (the UI labels and inputs its texts name), and each step's title and keywords. Included
/// steps are left out: the included procedure has its own entry. Output is deterministic: procedures in
/// the order of the index page, keys sorted, one procedure per line.
public struct SearchIndex: Sendable {
    /// The index file's name in each language folder.
    public static let fileName = "search-index.js"
    /// The interface strings the search script shows, by the name it uses.
    static let labelKeys = [
        "label": "search.label", "results": "search.results", "oneResult": "search.one-result",
        "noResults": "search.no-results", "step": "procedure.step",
    ]

    /// One procedure's page.
    struct Page: Encodable {
        var href: String
        var title: String
        /// The title's language when it is shown untranslated.
        var lang: String?
        var summary: String
        /// The summary's language when it is shown untranslated.
        var summaryLang: String?
        var keywords: [String]
        var steps: [StepItem]
    }

    /// One step of a page, linked by its anchor.
    struct StepItem: Encodable {
        var href: String
        var number: Int
        var title: String
        /// The title's language when it is shown untranslated.
        var lang: String?
        var keywords: [String]
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

    /// The index of `language`'s pages of `site`.
    public init(site: Site, plainTexts: PlainTexts, strings: InterfaceStrings, language: String) {
        self.site = site
        self.plainTexts = plainTexts
        self.strings = strings
        self.language = language
        resolver = LinkResolver(site: site, plainTexts: plainTexts)
        markup = LinkMarkup(strings: strings, language: language, format: .html, procedureOrder: site.procedureIndex)
    }

    /// Where the index goes in the output: `html/<language>/search-index.js`.
    public var path: String { "\(OutputFormat.html.rawValue)/\(language)/\(Self.fileName)" }

    /// Hands the index's text to `write` in pieces, in order: its start, one line per procedure, its end; so a
    /// large site's index (megabytes) is never held whole in memory.
    public func write(_ write: (String) throws -> Void) rethrows {
        try write(start)
        for (offset, procedure) in procedures().enumerated() {
            try write(line(procedure, isFirst: offset == 0))
        }
        try write(Self.end)
    }

    /// The index's start: the script's comment, the labels, and the opening of the list of pages.
    public var start: String {
        var labels: [String: String] = [:]
        for (name, key) in Self.labelKeys { labels[name] = strings.string(key, in: language) }
        return """
            // The search index of the \(language) pages, written by `wegwijs build`; read by ../\(Templates.script).
            window.wegwijsSearchIndex = {"labels": \(Self.json(labels)), "pages": [

            """
    }

    /// The index's end, after the last procedure's line.
    public static let end = "\n]};\n"

    /// `procedure`'s entry on a line of its own (after a comma and a line break unless it is the first).
    public func line(_ procedure: Procedure, isFirst: Bool) -> String {
        (isFirst ? "" : ",\n") + Self.json(page(procedure))
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
        let href = LinkMarkup.pageHref(procedure.id, format: .html)
        let scope = LinkResolver.Scope(procedure: procedure)
        let title = plain(procedure.title, in: scope)
        let summary = procedure.summary.map { plain($0, in: scope) }
        var keywords: [String] = []
        var stepKeywords: [String: [String]] = [:]
        procedure.forEachText { text, step, _ in
            let names = linkKeywords(text, in: LinkResolver.Scope(procedure: procedure, step: step))
            if let step { stepKeywords[step.id, default: []] += names } else { keywords += names }
        }
        keywords += procedure.inputs.map { plainTexts.plain($0.label, in: language, procedure: procedure, trees: trees) }
        var steps: [StepItem] = []
        for (offset, entry) in procedure.steps.enumerated() {
            guard case .step(let step) = entry else { continue }
            let stepTitle = plain(step.title, in: LinkResolver.Scope(procedure: procedure, step: step))
            steps.append(StepItem(
                href: "\(href)#\(step.id)", number: offset + 1, title: stepTitle.text, lang: otherLanguage(stepTitle.language),
                keywords: unique(stepKeywords[step.id] ?? [])))
        }
        return Page(
            href: href, title: title.text, lang: otherLanguage(title.language), summary: summary?.text ?? "",
            summaryLang: summary.flatMap { otherLanguage($0.language) }, keywords: unique(keywords), steps: steps)
    }

    /// `text` in this language (or its fallback) as plain text, its meaningful links read as the page shows
    /// them, and the language it is really in.
    func plain(_ text: Text, in scope: LinkResolver.Scope) -> (text: String, language: String) {
        guard let (entry, shownIn) = site.entry(of: text, in: language, procedure: scope.procedure) else { return ("", language) }
        let plain = plainTexts.trees.withTree(of: entry.value, orParsedIn: trees) { document in
            document.render(.plainText) { link in
                guard case .success(let target)? = resolver.resolve(link.destination, in: scope, language: language, trees: trees) else {
                    return nil
                }
                return [link.text.isEmpty ? .text(markup.text(for: target)) : .originalContent]
            }
        }
        return (plain, shownIn)
    }

    /// `shownIn` when it is not the index's language (the text is untranslated), else nil.
    func otherLanguage(_ shownIn: String) -> String? {
        shownIn == language ? nil : shownIn
    }

    /// The UI labels and input labels `text` names, as the page shows them.
    func linkKeywords(_ text: Text, in scope: LinkResolver.Scope) -> [String] {
        guard let (entry, _) = site.entry(of: text, in: language, procedure: scope.procedure) else { return [] }
        let links = plainTexts.trees.withTree(of: entry.value, orParsedIn: trees) { $0.links }
        return links.compactMap { link in
            switch resolver.resolve(link.destination, in: scope, language: language, trees: trees) {
            case .success(let target)?:
                switch target {
                case .term, .input: markup.text(for: target)
                default: nil
                }
            default: nil
            }
        }
    }

    /// `values` without repeats, in first-seen order.
    func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
