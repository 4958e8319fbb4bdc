import WegwijsMarkdown

/// Renders texts through cmark for one output and language: the text's one tree, its meaningful links
/// rewritten and its headings nested for this render alone, rendered.
public struct TextRenderer: Sendable {
    /// What every render of this renderer reads, held once: a render's closures capture the renderer, and
    /// copying the site, its plain texts, the resolver and the link markup field by field for each text was a
    /// third of a build's CPU in retains and releases.
    final class Shared: Sendable {
        let site: Site
        let plainTexts: PlainTexts
        let resolver: LinkResolver
        let markup: LinkMarkup

        init(site: Site, plainTexts: PlainTexts, resolver: LinkResolver, markup: LinkMarkup) {
            self.site = site
            self.plainTexts = plainTexts
            self.resolver = resolver
            self.markup = markup
        }
    }

    let shared: Shared
    var site: Site { shared.site }
    var plainTexts: PlainTexts { shared.plainTexts }
    var resolver: LinkResolver { shared.resolver }
    var markup: LinkMarkup { shared.markup }
    /// The language being rendered.
    public let language: String
    /// The output being rendered.
    public let format: OutputFormat
    /// Where texts that are not the site's own are parsed once, for every output of one job; with none, each
    /// render parses its text for itself.
    var trees: TextTrees?
    /// Where the texts are shown when not on their procedure's own page (an include's steps shown in place).
    var placement: LinkMarkup.Placement?

    /// A renderer for `format` in `language`.
    public init(site: Site, plainTexts: PlainTexts, strings: InterfaceStrings, language: String, format: OutputFormat) {
        shared = Shared(
            site: site, plainTexts: plainTexts, resolver: LinkResolver(site: site, plainTexts: plainTexts),
            markup: LinkMarkup(strings: strings, language: language, format: format, procedureOrder: plainTexts.order.positions(in: language)))
        self.language = language
        self.format = format
    }

    /// `text` rendered as blocks (paragraphs, lists…), in this language or its fallback.
    public func blocks(_ text: Text, in scope: LinkResolver.Scope) -> RenderedText {
        render(text, in: scope, inline: false)
    }

    /// `text` rendered as inline content, for titles, labels and legends.
    public func inline(_ text: Text, in scope: LinkResolver.Scope) -> RenderedText {
        render(text, in: scope, inline: true)
    }

    func render(_ text: Text, in scope: LinkResolver.Scope, inline: Bool) -> RenderedText {
        let shared = self.shared
        guard let (entry, shownIn) = shared.site.entry(of: text, in: language, procedure: scope.procedure) else {
            return RenderedText(content: "", language: language, isFallback: false)
        }
        // A page has one h1 and ordered headings: a text's own headings go under the step's title or,
        // for texts outside steps, under the procedure's.
        let levels = format.titleHeadingLevels
        // An include's steps shown in place have h4 titles: their texts' headings go one level deeper.
        let nesting = (scope.step == nil ? levels.procedure : levels.step) + (placement == nil ? 0 : 1)
        let rendering: MarkdownRendering =
            switch (format.isHTML, inline) {
            case (true, true): .inlineHTML
            case (true, false): .html
            case (false, _): .commonMark
            }
        let context = LinkMarkup.Context(scope: scope, currentProcedureID: scope.procedure?.id, placement: placement)
        let (language, trees) = (self.language, self.trees)
        var content = shared.plainTexts.trees.withTree(of: entry.value, orParsedIn: trees) { document in
            document.render(rendering, nestingHeadingsBy: nesting) { link in
                guard let result = shared.resolver.resolve(link.destination, in: scope, language: language, trees: trees) else { return nil }
                switch result {
                case .success(let target):
                    return shared.markup.replacement(for: target, hasText: !link.text.isEmpty, context: context)
                case .failure:
                    // The validator reports it; the output keeps the link's own text and no destination.
                    return [.originalContent]
                }
            }
        }
        if !format.isHTML {
            content = content.trimmingTrailingNewlines()
            if inline { content = content.replacingNewlines() }
        }
        return RenderedText(content: content, language: shownIn, isFallback: shownIn != language && !text.isSameInEveryLanguage)
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var result = self
        while result.last == "\n" { result.removeLast() }
        return result
    }

    /// Inline Markdown on one line: line breaks become spaces.
    func replacingNewlines() -> String {
        String(map { $0 == "\n" ? " " : $0 })
    }
}
