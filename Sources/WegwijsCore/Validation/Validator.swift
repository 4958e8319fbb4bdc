import Foundation
import WegwijsMarkdown

/// The checks across a loaded site: includes, translations, audiences and every meaningful link.
///
/// Each check appends to the diagnostics and carries on. `check`, `build`, `run` and `po` all go through here.
public struct Validator: Sendable {
    let site: Site
    let strings: InterfaceStrings
    let files: ContentFiles
    let resolver: LinkResolver

    /// A validator for `site`, reading content files through `files` to place diagnostics inside texts.
    public init(site: Site, strings: InterfaceStrings, files: ContentFiles, plainTexts: PlainTexts) {
        self.site = site
        self.strings = strings
        self.files = files
        resolver = LinkResolver(site: site, plainTexts: plainTexts)
    }

    /// Runs every check.
    public func validate() -> Diagnostics {
        var diagnostics = validateSite()
        // Procedures are checked on every core; their diagnostics are sorted when printed.
        let procedures = site.procedures
        let validator = self
        let results = ParallelMap.map(procedures.count) { index in
            validator.validate(procedures[index], trees: TextTrees())
        }
        for found in results { diagnostics.append(contentsOf: found) }
        return diagnostics
    }

    /// The checks of the site as a whole, and of the texts that belong to no procedure.
    func validateSite() -> Diagnostics {
        var diagnostics = Diagnostics()
        checkInterfaceLanguages(&diagnostics)
        checkIncludes(&diagnostics)
        checkChoiceProcedures(&diagnostics)
        checkProcedureOrders(&diagnostics)
        for procedure in site.procedures {
            if let audience = procedure.audience, !strings.languages.isEmpty, !strings.hasKey("audience.\(audience.value)") {
                let known = strings.keys(withPrefix: "audience.")
                diagnostics.error(
                    "unknown-audience", at: audience.location,
                    "unknown audience '\(audience.value)'\(Suggestion.didYouMean(audience.value, among: known))",
                    notes: ["Audiences: \(known.joined(separator: ", ")); others need an 'audience.<name>' label in templates/strings/."])
            }
        }
        forSiteText { text, scope, role in
            checkTranslations(of: text, scope: scope, role: role, into: &diagnostics)
            checkLinks(in: text, scope: scope, trees: nil, into: &diagnostics)
        }
        return diagnostics
    }

    /// The checks of one procedure's texts, each parsed once in `trees` (shared with the translation checks
    /// and, in a build, with the procedure's pages).
    func validate(_ procedure: Procedure, trees: TextTrees?) -> Diagnostics {
        var found = Diagnostics()
        forEachText(of: procedure) { text, scope, role in
            checkTranslations(of: text, scope: scope, role: role, into: &found)
            checkLinks(in: text, scope: scope, trees: trees, into: &found)
        }
        return found
    }

    // MARK: - Every text

    /// The texts that belong to no procedure: site title and description, group titles, glossary labels.
    func forSiteText(_ body: (Text, LinkResolver.Scope, TextRole) -> Void) {
        body(site.title, .init(), .prose)
        if let description = site.description { body(description, .init(), .prose) }
        for group in site.groups { body(group.title, .init(), .prose) }
        for term in site.glossary.terms { body(term.label, .init(), .prose) }
    }

    /// The texts of one procedure, with the scope their links resolve in.
    func forEachText(of procedure: Procedure, _ body: (Text, LinkResolver.Scope, TextRole) -> Void) {
        procedure.forEachText { text, step, role in body(text, LinkResolver.Scope(procedure: procedure, step: step), role) }
    }

    func checkTranslations(of text: Text, scope: LinkResolver.Scope, role: TextRole, into diagnostics: inout Diagnostics) {
        guard !text.isSameInEveryLanguage else { return }
        let missing = site.languages.filter { !text.isTranslated(into: $0) }
        guard !missing.isEmpty else { return }
        let list = missing.map { "'\($0)'" }.joined(separator: ", ")
        let source = scope.procedure.map { site.sourceLanguage(of: $0) } ?? site.sourceLanguage
        let fallback = text.isTranslated(into: source) ? "; the '\(source)' text is shown instead" : ""
        switch role {
        case .alternativeText where !text.isTranslated(into: source):
            // Without its source there is nothing to fall back on: the figure would have no alternative text.
            diagnostics.error(
                "missing-alt", at: text.location, "the figure's alternative text is missing in \(list)",
                notes: ["'alt' is required in the procedure's language ('\(source)'): it is what screen readers say."])
        case .alternativeText:
            // A language added later is a translation gap: screen readers read the source's text until then.
            diagnostics.warning("untranslated", at: text.location, "untranslated: the figure's alternative text has no \(list) text\(fallback)")
        case .prose:
            diagnostics.warning("untranslated", at: text.location, "untranslated: no \(list) text\(fallback)")
        }
    }

    /// How many of a text's raw HTML tags and unsafe links or images are listed one by one.
    static let removedContentShown = 3

    func checkLinks(in text: Text, scope: LinkResolver.Scope, trees: TextTrees?, into diagnostics: inout Diagnostics) {
        for (language, entry) in text.versions {
            // Only strings that can hold a link or raw HTML are parsed.
            guard entry.value.hasClosingBracket(followedByAnyOf: "(:") || entry.value.utf8.contains(UInt8(ascii: "<")) else {
                continue
            }
            let resolveIn = language == "*" ? site.sourceLanguage : language
            let (links, removed) = resolver.plainTexts.trees.withTree(of: entry.value, orParsedIn: trees) {
                ($0.links, $0.removedContent)
            }
            // The first few of a text, then how many more: a pasted page of HTML is one problem, not thousands.
            for item in removed.prefix(Self.removedContentShown) {
                let location = files.location(line: item.line, utf8Column: item.utf8Column, in: entry)
                let (id, message, note) = item.warning
                diagnostics.warning(id, at: location, message, notes: [note])
            }
            if removed.count > Self.removedContentShown {
                let next = removed[Self.removedContentShown]
                diagnostics.warning(
                    next.warning.id, at: files.location(line: next.line, utf8Column: next.utf8Column, in: entry),
                    "\(removed.count - Self.removedContentShown) more raw HTML tags, links or images like the ones above, from here on, no output shows")
            }
            for link in links {
                guard case .failure(let problem) = resolver.resolve(link.destination, in: scope, language: resolveIn, trees: trees) else {
                    continue
                }
                let location = files.location(of: link, in: entry)
                diagnostics.error(problem.id, at: location, problem.summary, notes: problem.notes)
            }
        }
    }

    // MARK: - Site-wide checks

    func checkInterfaceLanguages(_ diagnostics: inout Diagnostics) {
        for (language, location) in zip(site.languages, site.languageLocations) where !strings.languages.contains(language) {
            diagnostics.error(
                "missing-interface-strings", at: location,
                "no interface strings for language '\(language)'",
                notes: ["Add \(strings.directoryDisplayPath)/\(language).yaml, translated from \(strings.directoryDisplayPath)/\(site.sourceLanguage).yaml."])
        }
    }

    /// A choice's procedure must exist and be another one (walking the same procedure inside itself is a loop).
    func checkChoiceProcedures(_ diagnostics: inout Diagnostics) {
        for procedure in site.procedures {
            for see in procedure.requirementProcedures.values.sorted(by: { $0.location.line < $1.location.line }) {
                if see.value == procedure.id {
                    diagnostics.error(
                        "see-loop", at: see.location, "the prerequisite's 'see' names '\(see.value)' itself",
                        notes: ["'see' names the procedure that puts the prerequisite in place: another one."])
                } else if site.procedure(see.value) == nil {
                    let suggestion = Suggestion.didYouMean(see.value, among: site.procedures.map(\.id))
                    diagnostics.error("unknown-reference", at: see.location, "the prerequisite's 'see' names unknown procedure '\(see.value)'\(suggestion)")
                }
            }
            for case .step(let step) in procedure.steps {
                for choice in step.choices {
                    guard case .procedure(let id) = choice.target else { continue }
                    if id == procedure.id {
                        diagnostics.error(
                            "choice-loop", at: choice.targetLocation, "the choice leads to '\(id)' itself, which would start it again inside itself",
                            notes: ["To go on in this procedure, use 'step: <id>' with a later step."])
                    } else if site.procedure(id) == nil {
                        let suggestion = Suggestion.didYouMean(id, among: site.procedures.map(\.id))
                        diagnostics.error("unknown-reference", at: choice.targetLocation, "the choice leads to unknown procedure '\(id)'\(suggestion)")
                    }
                }
            }
        }
    }

    /// Unknown included procedures, and include cycles named in full.
    func checkIncludes(_ diagnostics: inout Diagnostics) {
        for procedure in site.procedures {
            for case .include(let include) in procedure.steps where site.procedure(include.procedureID) == nil {
                let suggestion = Suggestion.didYouMean(include.procedureID, among: site.procedures.map(\.id))
                diagnostics.error(
                    "unknown-include", at: include.location, "include of unknown procedure '\(include.procedureID)'\(suggestion)")
            }
        }
        for cycle in IncludeGraph(site: site).cycles() {
            guard let first = cycle.first, let procedure = site.procedure(first) else { continue }
            let next = cycle.count > 1 ? cycle[1] : first
            let location = procedure.steps.lazy.compactMap { entry -> SourceLocation? in
                if case .include(let include) = entry, include.procedureID == next { return include.location }
                return nil
            }.first ?? .start(of: procedure.file)
            let path = (cycle + [first]).map { "'\($0)'" }.joined(separator: " → ")
            diagnostics.error("include-cycle", at: location, "include cycle: \(path)", notes: ["A procedure cannot include itself, directly or through others."])
        }
    }
}

extension RemovedContent {
    /// What the validator says of it: an id, the message and what to do instead.
    var warning: (id: String, message: String, note: String) {
        switch kind {
        case .rawHTML(let html):
            ("raw-html", "raw HTML is left out of every output: '\(Self.quoted(html))'",
             "Write it in Markdown (**bold**, *emphasis*, `code`, [text](https://…)); Wegwijs never passes HTML through.")
        case .link(let destination):
            ("unsafe-link", "the link to '\(Self.quoted(destination))' is shown as plain text: its scheme is not allowed",
             "Links may use http:, https:, mailto:, tel:, ref:, term:, input:, callout: or no scheme.")
        case .image(let source):
            ("unsafe-image", "the image '\(Self.quoted(source))' is shown as its alternative text: its source is not allowed",
             "Images may come from a path in the content folder, http:, https: or a PNG, GIF, JPEG or WebP data: address.")
        }
    }

    /// The first line of `text`, at most 60 characters.
    static func quoted(_ text: String) -> String {
        let line = text.prefix { $0 != "\n" && $0 != "\r" }
        return line.count > 60 ? line.prefix(59) + "…" : String(line)
    }
}
