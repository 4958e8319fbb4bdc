import WegwijsMarkdown

/// Texts as plain strings (markup removed), for link texts, titles in references and page titles; and the
/// parsed trees of the texts every page shows.
///
/// The site's title, its groups' titles, the glossary's labels and the procedures' titles and summaries (which
/// index pages, contents and references show) are parsed once, for every language, when the table is made:
/// the plain forms of titles and labels are kept, and the trees (``trees``) serve every page that renders
/// them. Other texts are made plain on demand.
public struct PlainTexts: Sendable {
    let site: Site
    /// The trees of the site's texts and the procedures' titles, for every build job.
    let trees: TextTrees
    private let titles: [String: [String: String]]
    private let termLabels: [String: [String: (text: String, language: String)]]
    /// The order readers meet the procedures in, in each language.
    let order: ProcedureOrder

    /// A table for `site`; the trees `previous` (a table of the site before an edit, no longer in use) holds of
    /// texts that did not change are taken over, not parsed again.
    public init(site: Site, reusing previous: PlainTexts? = nil) {
        self.site = site
        var sources: [String] = []
        func add(_ text: Text) {
            for (_, entry) in text.versions { sources.append(entry.value) }
        }
        add(site.title)
        if let description = site.description { add(description) }
        for group in site.groups { add(group.title) }
        for term in site.glossary.terms { add(term.label) }
        for procedure in site.procedures {
            add(procedure.title)
            if let summary = procedure.summary { add(summary) }
        }
        // An included procedure's steps are shown on every page that includes it, as well as on its own: their
        // texts are the site's too, parsed once for all of those pages.
        var included = Set<String>()
        for procedure in site.procedures {
            for case .include(let include) in procedure.steps { included.insert(include.procedureID) }
        }
        for procedure in site.procedures where included.contains(procedure.id) {
            procedure.forEachText { text, step, _ in if step != nil { add(text) } }
        }
        trees = TextTrees(parsing: sources, reusing: previous?.trees)
        var titles: [String: [String: String]] = [:]
        // A title written as before, with no link in it (whose text could come from elsewhere), in a site of the
        // same languages, is as plain as before.
        let reusable = previous.flatMap { $0.site.languages == site.languages ? $0 : nil }
        for procedure in site.procedures {
            if let reusable, let earlier = reusable.site.procedure(procedure.id),
                earlier.sourceLanguage?.value == procedure.sourceLanguage?.value, let known = reusable.titles[procedure.id],
                Self.sameLinkFreeVersions(earlier.title, procedure.title)
            {
                titles[procedure.id] = known
                continue
            }
            var byLanguage: [String: String] = [:]
            for language in site.languages {
                byLanguage[language] = Self.plainWithLanguage(procedure.title, in: language, site: site, procedure: procedure, trees: trees).text
            }
            titles[procedure.id] = byLanguage
        }
        self.titles = titles
        order = ProcedureOrder(site: site) { procedure, language in titles[procedure.id]?[language] ?? "" }
        var termLabels: [String: [String: (text: String, language: String)]] = [:]
        for term in site.glossary.terms {
            var byLanguage: [String: (text: String, language: String)] = [:]
            for language in site.languages {
                byLanguage[language] = Self.plainWithLanguage(term.label, in: language, site: site, procedure: nil, trees: trees)
            }
            termLabels[term.key] = byLanguage
        }
        self.termLabels = termLabels
    }

    /// Whether `one` and `other` have the same versions, none of which may hold a link (inline, reference or auto).
    static func sameLinkFreeVersions(_ one: Text, _ other: Text) -> Bool {
        var first = one.versions.makeIterator()
        var second = other.versions.makeIterator()
        while true {
            switch (first.next(), second.next()) {
            case (nil, nil): return true
            case (let a?, let b?):
                guard a.0 == b.0, a.1.value == b.1.value, !a.1.value.hasClosingBracket(followedByAnyOf: "(:["), !a.1.value.contains("<")
                else { return false }
            default: return false
            }
        }
    }

    /// The procedures of `group` in the order `language`'s readers meet them (``ProcedureOrder``).
    public func procedures(in group: Group, language: String) -> [Procedure] {
        guard let groupIndex = site.groups.firstIndex(where: { $0.id == group.id }) else { return [] }
        return order.procedureIndices(inGroupAt: groupIndex, language: language).map { site.procedures[$0] }
    }

    /// Every procedure in a group, in the order `language`'s readers meet them: group by group.
    public func readingOrder(in language: String) -> [Procedure] {
        site.groups.flatMap { procedures(in: $0, language: language) }
    }

    /// A glossary term's label in `language` (or its fallback) as plain text, and the language it is in.
    public func label(of term: Glossary.Term, in language: String) -> (text: String, language: String) {
        termLabels[term.key]?[language] ?? plainWithLanguage(term.label, in: language, procedure: nil)
    }

    /// A procedure's title in `language` (or its fallback), as plain text.
    public func title(of procedure: Procedure, in language: String) -> String {
        titles[procedure.id]?[language] ?? plain(procedure.title, in: language, procedure: procedure)
    }

    /// `text` in `language`, or in the first fallback language that has it, as plain text; parsed in `local`
    /// (a job's store) unless it is one of the site's texts, or on its own when there is no `local`.
    public func plain(_ text: Text, in language: String, procedure: Procedure?, trees local: TextTrees? = nil) -> String {
        plainWithLanguage(text, in: language, procedure: procedure, trees: local).text
    }

    /// `text` as plain text, and the language it is really in.
    public func plainWithLanguage(
        _ text: Text, in language: String, procedure: Procedure?, trees local: TextTrees? = nil
    ) -> (text: String, language: String) {
        Self.plainWithLanguage(text, in: language, site: site, procedure: procedure, trees: trees, local: local)
    }

    static func plainWithLanguage(
        _ text: Text, in language: String, site: Site, procedure: Procedure?, trees: TextTrees, local: TextTrees? = nil
    ) -> (text: String, language: String) {
        guard let (entry, shownIn) = site.entry(of: text, in: language, procedure: procedure) else { return ("", language) }
        return (trees.withTree(of: entry.value, orParsedIn: local) { $0.plainText() }, shownIn)
    }
}

extension Text {
    /// The version in `language`, or else the first of `fallbacks` that exists, with its language.
    public func entry(in language: String, fallbacks: [String]) -> (entry: Entry, language: String)? {
        if let entry = entry(in: language) { return (entry, language) }
        for fallback in fallbacks {
            if let entry = entry(in: fallback) { return (entry, fallback) }
        }
        return versions.first.map { ($0.entry, $0.language) }
    }
}

extension Site {
    /// The version of `text` to show in `language`, with the language it is in: its own, else the first of
    /// `procedure`'s fallback languages that it has (the site's languages for texts outside procedures),
    /// else its first version. Every output (pages, print, search, the runner) shows texts through this.
    public func entry(of text: Text, in language: String, procedure: Procedure?) -> (entry: Text.Entry, language: String)? {
        text.entry(in: language, fallbacks: procedure.map(fallbackLanguages(for:)) ?? languages)
    }

    /// The languages to show a procedure's untranslated texts in: its source language first, then the site's.
    public func fallbackLanguages(for procedure: Procedure) -> [String] {
        let source = procedure.sourceLanguage?.value ?? sourceLanguage
        return [source] + languages.filter { $0 != source }
    }

    /// The language a procedure was written in.
    public func sourceLanguage(of procedure: Procedure) -> String {
        procedure.sourceLanguage?.value ?? sourceLanguage
    }
}
