import WegwijsMarkdown

/// Renders texts through cmark for one output and language: the text's one tree, its meaningful links
/// rewritten and its headings nested for this render alone, rendered.
public struct TextRenderer: Sendable {
    let site: Site
    let plainTexts: PlainTexts
    private(set) var resolver: LinkResolver
    let markup: LinkMarkup
    /// The language being rendered.
    public let language: String
    /// The output being rendered.
    public let format: OutputFormat
    /// Where texts that are not the site's own are parsed once, for every output of one job; with none, each
    /// render parses its text for itself.
    var trees: TextTrees? {
        didSet { resolver.trees = trees }
    }

    /// A renderer for `format` in `language`.
    public init(site: Site, plainTexts: PlainTexts, strings: InterfaceStrings, language: String, format: OutputFormat) {
        self.site = site
        self.plainTexts = plainTexts
        resolver = LinkResolver(site: site, plainTexts: plainTexts)
        markup = LinkMarkup(strings: strings, language: language, format: format, procedureOrder: site.procedureIndex)
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
        guard let (entry, shownIn) = site.entry(of: text, in: language, procedure: scope.procedure) else {
            return RenderedText(content: "", language: language, isFallback: false)
        }
        // A page has one h1 and ordered headings: a text's own headings go under the step's title or,
        // for texts outside steps, under the procedure's.
        let levels = format.titleHeadingLevels
        let nesting = scope.step == nil ? levels.procedure : levels.step
        let rendering: MarkdownRendering =
            switch (format.isHTML, inline) {
            case (true, true): .inlineHTML
            case (true, false): .html
            case (false, _): .commonMark
            }
        let context = LinkMarkup.Context(scope: scope, currentProcedureID: scope.procedure?.id)
        let (resolver, markup, language) = (self.resolver, self.markup, self.language)
        var content = plainTexts.trees.withTree(of: entry.value, orParsedIn: trees) { document in
            document.render(rendering, nestingHeadingsBy: nesting) { link in
                guard let result = resolver.resolve(link.destination, in: scope, language: language) else { return nil }
                switch result {
                case .success(let target):
                    return markup.replacement(for: target, hasText: !link.text.isEmpty, context: context)
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
