import WegwijsMarkdown

/// Renders texts through cmark for one output and language: parse, rewrite the meaningful links on the tree, render.
public struct TextRenderer: Sendable {
    let site: Site
    let resolver: LinkResolver
    let markup: LinkMarkup
    /// The language being rendered.
    public let language: String
    /// The output being rendered.
    public let format: OutputFormat

    /// A renderer for `format` in `language`.
    public init(site: Site, plainTexts: PlainTexts, strings: InterfaceStrings, language: String, format: OutputFormat) {
        self.site = site
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
        let fallbacks = scope.procedure.map { site.fallbackLanguages(for: $0) } ?? site.languages
        guard let (entry, shownIn) = text.entry(in: language, fallbacks: fallbacks) else {
            return RenderedText(content: "", language: language, isFallback: false)
        }
        var document = MarkdownDocument(parsing: entry.value)
        // A page has one h1 and ordered headings: a text's own headings go under the step's title or,
        // for texts outside steps, under the procedure's.
        let levels = format.titleHeadingLevels
        document.nestHeadings(by: scope.step == nil ? levels.procedure : levels.step)
        let context = LinkMarkup.Context(scope: scope, currentProcedureID: scope.procedure?.id)
        document.rewriteLinks { link in
            guard let result = resolver.resolve(link.destination, in: scope, language: language) else { return nil }
            switch result {
            case .success(let target):
                return markup.replacement(for: target, hasText: !link.text.isEmpty, context: context)
            case .failure:
                // The validator reports it; the output keeps the link's own text and no destination.
                return [.originalContent]
            }
        }
        let content: String
        switch (format.isHTML, inline) {
        case (true, true): content = document.renderInlineHTML()
        case (true, false): content = document.renderHTML()
        case (false, true): content = document.renderCommonMark().trimmingTrailingNewlines().replacingNewlines()
        case (false, false): content = document.renderCommonMark().trimmingTrailingNewlines()
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
