import Foundation
import WegwijsMarkdown

/// The checks of translations and terms across a loaded site, run with the validator by every command:
///
/// - `outdated-translation`: the source text changed since the translation was made or confirmed;
/// - `missing-link`, `extra-link`: a translation lacks a meaningful link (`ref:`, `term:`, `input:`,
///   `callout:`) its source has, or links somewhere its source does not;
/// - `glossary-label`: running text spells out a glossary term's label instead of linking the term;
/// - `unused-term`: a glossary term no text links to.
public struct TranslationChecker: Sendable {
    /// Labels shorter than this many characters are not looked for in running text: too many false alarms.
    public static let shortestLabel = 4

    let site: Site
    let records: TranslationRecords
    let files: ContentFiles
    let plainTexts: PlainTexts
    let resolver: LinkResolver

    /// A checker over `site`'s texts, reading content files through `files` to place diagnostics inside texts.
    public init(site: Site, records: TranslationRecords, files: ContentFiles, plainTexts: PlainTexts) {
        self.site = site
        self.records = records
        self.files = files
        self.plainTexts = plainTexts
        resolver = LinkResolver(site: site, plainTexts: plainTexts)
    }

    /// What the checks of some texts found: their diagnostics and the glossary terms they link to.
    struct Findings: Sendable {
        var diagnostics = Diagnostics()
        var usedTerms = Set<String>()
    }

    /// Runs every check over ``Site/translationUnits``.
    public func check() -> Diagnostics {
        let labels = labelsByLanguage()
        let procedures = site.procedures
        // The units are made one procedure at a time, on every core: all of a large site's at once take more
        // memory than the model itself.
        let checker = self
        let results = ParallelMap.map(1 + procedures.count) { index in
            index == 0
                ? checker.checkSiteTexts(labels: labels)
                : checker.check(procedures[index - 1], labels: labels, trees: TextTrees())
        }
        return finish(results)
    }

    /// The checks of the texts outside procedures (site title, groups, glossary labels).
    func checkSiteTexts(labels: [String: GlossaryLabels]) -> Findings {
        var findings = Findings()
        for unit in site.siteTranslationUnits {
            findings.usedTerms.formUnion(check(unit, labels: labels, trees: nil, into: &findings.diagnostics))
        }
        return findings
    }

    /// The checks of one procedure's texts, each parsed once in `trees` (shared with the validator's checks).
    func check(_ procedure: Procedure, labels: [String: GlossaryLabels], trees: TextTrees?) -> Findings {
        var findings = Findings()
        for unit in site.translationUnits(of: procedure) {
            findings.usedTerms.formUnion(check(unit, labels: labels, trees: trees, into: &findings.diagnostics))
        }
        return findings
    }

    /// Every finding in order, then the glossary terms no text links to.
    func finish(_ results: [Findings]) -> Diagnostics {
        var diagnostics = Diagnostics()
        var usedTerms = Set<String>()
        for findings in results {
            diagnostics.append(contentsOf: findings.diagnostics)
            usedTerms.formUnion(findings.usedTerms)
        }
        for term in site.glossary.terms where !usedTerms.contains(term.key) {
            diagnostics.warning(
                "unused-term", at: term.location, "glossary term '\(term.key)' is not used by any text",
                notes: ["Link it where the interface shows it, as [](term:\(term.key)), or remove it from the glossary."])
        }
        return diagnostics
    }

    /// Checks one text; answers the glossary terms it links to.
    func check(_ unit: TranslationUnit, labels: [String: GlossaryLabels], trees: TextTrees?, into diagnostics: inout Diagnostics)
        -> Set<String>
    {
        var usedTerms = Set<String>()
        var destinationsByLanguage: [String: [MarkdownLink]] = [:]
        var termsBySourceLanguage = Set<String>()
        // The source first: a translation is only checked for the terms its source mentions.
        let versions = unit.text.versions.filter { $0.language == unit.sourceLanguage }
            + unit.text.versions.filter { $0.language != unit.sourceLanguage }
        for (language, entry) in versions {
            let isSource = language == unit.sourceLanguage || language == "*"
            // Only strings that can hold a link are parsed for links.
            if entry.value.hasClosingBracket(followedByAnyOf: "(") {
                let links = plainTexts.trees.withTree(of: entry.value, orParsedIn: trees) { $0.links }.filter { Self.isMeaningful($0.destination) }
                destinationsByLanguage[language] = links
                for link in links where link.destination.lowercased().hasPrefix("term:") {
                    let key = String(link.destination.dropFirst("term:".count))
                    usedTerms.insert(key)
                    if isSource { termsBySourceLanguage.insert(key) }
                }
            }
            guard !unit.isTitleOrLabel else { continue }
            let found = checkLabels(
                in: entry, language: isSource ? unit.sourceLanguage : language, labels: labels,
                onlyTerms: isSource ? nil : termsBySourceLanguage, trees: trees, into: &diagnostics)
            if isSource { termsBySourceLanguage.formUnion(found) }
        }
        guard !unit.text.isSameInEveryLanguage, let source = unit.text.entry(in: unit.sourceLanguage) else { return usedTerms }
        let sourceLinks = destinationsByLanguage[unit.sourceLanguage] ?? []
        let scope = LinkResolver.Scope(procedure: unit.procedure, step: unit.step)
        func resolves(_ link: MarkdownLink, in language: String) -> Bool {
            if case .failure = resolver.resolve(link.destination, in: scope, language: language, trees: trees) { return false }
            return true
        }
        // Links are compared once the source's all resolve: until then its errors say what to fix first.
        let comparesLinks = sourceLinks.allSatisfy { resolves($0, in: unit.sourceLanguage) }
        for (language, entry) in unit.text.versions where language != unit.sourceLanguage {
            if comparesLinks {
                // A translation's own broken links are the validator's errors, not differences.
                let links = (destinationsByLanguage[language] ?? []).filter { resolves($0, in: language) }
                checkLinks(of: entry, language: language, against: sourceLinks, of: unit, into: &diagnostics, links: links)
            }
            if case .outdated(let previous) = records.verdict(place: unit.place, language: language, source: source.value) {
                diagnostics.warning(
                    "outdated-translation", at: entry.origin.location,
                    "outdated translation: the '\(unit.sourceLanguage)' text changed since this '\(language)' text was made from it",
                    notes: [
                        "It was translated from: \(Self.excerpt(previous))",
                        "Update it, or confirm that it is still right: wegwijs po confirm --lang \(language) \(unit.place)",
                    ])
            }
        }
        return usedTerms
    }

    // MARK: - Links

    func checkLinks(
        of entry: Text.Entry, language: String, against sourceLinks: [MarkdownLink], of unit: TranslationUnit,
        into diagnostics: inout Diagnostics, links: [MarkdownLink]
    ) {
        var remaining: [String: Int] = [:]
        for link in links { remaining[link.destination, default: 0] += 1 }
        let sourceDestinations = Set(sourceLinks.map(\.destination))
        var reported = Set<String>()
        for link in sourceLinks {
            if let count = remaining[link.destination], count > 0 {
                remaining[link.destination] = count - 1
            } else if reported.insert(link.destination).inserted {
                diagnostics.warning(
                    "missing-link", at: entry.origin.location,
                    "the '\(language)' text lacks the link [](\(link.destination)) that its '\(unit.sourceLanguage)' text has",
                    notes: ["Translations keep every [](ref:…), [](term:…), [](input:…) and [](callout:…) link of their source."])
            }
        }
        for link in links where !sourceDestinations.contains(link.destination) {
            diagnostics.warning(
                "extra-link", at: files.location(of: link, in: entry),
                "the '\(language)' text links to '\(link.destination)', which its '\(unit.sourceLanguage)' text does not")
        }
    }

    static func isMeaningful(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        return LinkResolver.schemes.contains(destination[..<colon].lowercased())
    }

    // MARK: - Glossary labels

    /// Each language's glossary labels worth looking for.
    func labelsByLanguage() -> [String: GlossaryLabels] {
        var result: [String: GlossaryLabels] = [:]
        for language in site.languages {
            var labels: [GlossaryLabels.Label] = []
            for term in site.glossary.terms {
                guard let label = term.label.entry(in: language)?.value.trimmingCharacters(in: .whitespacesAndNewlines),
                    label.count >= Self.shortestLabel, !label.contains("\n")
                else { continue }
                labels.append(GlossaryLabels.Label(key: term.key, label: Array(label.unicodeScalars)))
            }
            result[language] = GlossaryLabels(labels)
        }
        return result
    }

    /// Reports the labels spelt out in `entry`, and answers the keys of the terms found.
    ///
    /// In a translation (`onlyTerms` given) only the terms its source text mentions are looked for: where the
    /// source does not name the term, the same word in the translation is most likely an ordinary noun
    /// ("uw DHL-klantnummer": your account number, not the column of that name).
    @discardableResult
    func checkLabels(
        in entry: Text.Entry, language: String, labels: [String: GlossaryLabels],
        onlyTerms: Set<String>?, trees: TextTrees? = nil, into diagnostics: inout Diagnostics
    ) -> Set<String> {
        // One pass of the labels' automaton over each run of the text, however many labels there are.
        guard let labels = labels[language], !labels.isEmpty else { return [] }
        var found = Set<String>()
        for run in plainTexts.trees.withTree(of: entry.value, orParsedIn: trees, { TextRuns.of($0) }) {
            for match in labels.matches(in: run, onlyTerms: onlyTerms) {
                let label = labels.labels[match.label]
                found.insert(label.key)
                let character = run.characters[match.start]
                let text = String(String.UnicodeScalarView(label.label))
                diagnostics.warning(
                    "glossary-label", at: files.location(line: character.line, utf8Column: character.utf8Column, in: entry),
                    "'\(text)' is the label of glossary term '\(label.key)': link the term instead, as [](term:\(label.key))",
                    notes: ["A linked term is shown as an interface element and follows the glossary when the label changes."])
            }
        }
        return found
    }

    /// The first line of `text`, shortened to about 80 characters, in quotes.
    static func excerpt(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "“" + (flat.count > 80 ? flat.prefix(79) + "…" : flat) + "”"
    }
}
