import WegwijsMarkdown

/// Texts as plain strings (markup removed), for link texts, titles in references and page titles.
///
/// Procedure titles are computed once for every language when the table is made; other texts on demand.
public struct PlainTexts: Sendable {
    let site: Site
    private let titles: [String: [String: String]]
    private let termLabels: [String: [String: (text: String, language: String)]]

    /// A table for `site`.
    public init(site: Site) {
        self.site = site
        var titles: [String: [String: String]] = [:]
        for procedure in site.procedures {
            var byLanguage: [String: String] = [:]
            for language in site.languages {
                byLanguage[language] = Self.plainWithLanguage(procedure.title, in: language, fallbacks: site.fallbackLanguages(for: procedure)).text
            }
            titles[procedure.id] = byLanguage
        }
        self.titles = titles
        var termLabels: [String: [String: (text: String, language: String)]] = [:]
        for term in site.glossary.terms {
            var byLanguage: [String: (text: String, language: String)] = [:]
            for language in site.languages {
                byLanguage[language] = Self.plainWithLanguage(term.label, in: language, fallbacks: site.languages)
            }
            termLabels[term.key] = byLanguage
        }
        self.termLabels = termLabels
    }

    /// A glossary term's label in `language` (or its fallback) as plain text, and the language it is in.
    public func label(of term: Glossary.Term, in language: String) -> (text: String, language: String) {
        termLabels[term.key]?[language] ?? plainWithLanguage(term.label, in: language, procedure: nil)
    }

    /// A procedure's title in `language` (or its fallback), as plain text.
    public func title(of procedure: Procedure, in language: String) -> String {
        titles[procedure.id]?[language] ?? plain(procedure.title, in: language, procedure: procedure)
    }

    /// `text` in `language`, or in the first fallback language that has it, as plain text.
    public func plain(_ text: Text, in language: String, procedure: Procedure?) -> String {
        plainWithLanguage(text, in: language, procedure: procedure).text
    }

    /// `text` as plain text, and the language it is really in.
    public func plainWithLanguage(_ text: Text, in language: String, procedure: Procedure?) -> (text: String, language: String) {
        let fallbacks = procedure.map { site.fallbackLanguages(for: $0) } ?? site.languages
        return Self.plainWithLanguage(text, in: language, fallbacks: fallbacks)
    }

    static func plainWithLanguage(_ text: Text, in language: String, fallbacks: [String]) -> (text: String, language: String) {
        guard let (entry, shownIn) = text.entry(in: language, fallbacks: fallbacks) else { return ("", language) }
        let document = MarkdownDocument(parsing: entry.value)
        return (document.plainText(), shownIn)
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
