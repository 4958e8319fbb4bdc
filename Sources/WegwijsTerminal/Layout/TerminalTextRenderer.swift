import WegwijsCore
import WegwijsMarkdown

/// Renders texts for the runner's terminal in one language: parse with cmark, walk the tree, lay out lines.
///
/// The terminal counterpart of ``TextRenderer``: meaningful links are resolved by ``LinkResolver`` while the
/// tree is walked, and shown as content-format.md's runner column says:
/// - `[](ref:x)`: the procedure's title (`[](ref:x#step)`: "step N: title"), underlined blue, or between
///   “double quotes” without colour; recorded in ``TerminalText/references``.
/// - `[](term:key)`: the label, bold cyan, or between ‘single quotes’ without colour.
/// - `[](input:id)`: the value entered (bold green; between «guillemets» without colour), else the label as ‹label›.
/// - `[](callout:N)`: `[N: legend]` (bold magenta), kept on the line of the word before it.
///
/// A link that does not resolve keeps its text. Without colour (``ConsoleCapabilities/usesColor``) no escape
/// sequence is written at all; every string from content passes through ``TerminalText/safe(_:keepingNewlines:)``.
public struct TerminalTextRenderer: Sendable {
    /// The widest layout made: wider requests are laid out at this width.
    public static let maximumWidth = 1_000

    /// The site whose texts are rendered.
    let site: Site
    /// Plain titles, for references.
    let plainTexts: PlainTexts
    /// The tool's own words ("step {number}: {title}").
    let strings: InterfaceStrings
    /// What meaningful links stand for.
    let resolver: LinkResolver
    /// The language rendered.
    public let language: String
    /// What the console can show.
    public let capabilities: ConsoleCapabilities

    /// A renderer of `site`'s texts in `language` for a console with `capabilities`.
    public init(site: Site, plainTexts: PlainTexts, strings: InterfaceStrings, language: String, capabilities: ConsoleCapabilities) {
        self.site = site
        self.plainTexts = plainTexts
        self.strings = strings
        resolver = LinkResolver(site: site, plainTexts: plainTexts)
        self.language = language
        self.capabilities = capabilities
    }

    // MARK: - Rendering

    /// Block text (paragraphs, lists, quotes, code) wrapped to `width` display columns, each line starting with
    /// `indent` spaces.
    ///
    /// Paragraphs are separated by one empty line; bullet items start with "• " and ordered items with "1. ",
    /// with a hanging indent; quotes are prefixed "│ "; headings are bold. Code blocks are indented four
    /// columns and not wrapped at spaces: a line wider than the width is broken by display width and its
    /// continuation marked "↪" in the indent, so nothing is cut off. Lines fit `width` (only a single character
    /// wider than the whole width can exceed it); when nesting leaves less than half the width for text,
    /// the prefix (indent, bars, bullets) is cut from the left. `width` is taken as 1 when smaller and
    /// ``maximumWidth`` when larger.
    public func render(
        _ text: Text, in scope: LinkResolver.Scope, values: [String: String], width: Int, indent: Int = 0,
        showsLegends: Bool = true
    ) -> TerminalText
    {
        guard let (entry, shownIn) = entry(of: text, in: scope) else { return TerminalText(lines: [], language: language) }
        let document = MarkdownDocument(parsing: entry.value)
        let inline = TerminalInlineBuilder(renderer: self, scope: scope, values: values, keepsLineBreaks: true, showsLegends: showsLegends)
        let clampedWidth = min(max(width, 1), Self.maximumWidth)
        var layout = TerminalBlockLayout(width: clampedWidth, indent: min(max(indent, 0), clampedWidth), inline: inline)
        document.walk(&layout)
        return TerminalText(
            lines: layout.lines.map { TerminalSpan.line($0, usesColor: capabilities.usesColor) },
            references: layout.inline.references,
            isFallback: isFallback(text, shownIn: shownIn),
            language: shownIn)
    }

    /// One line, not wrapped (titles, labels, legends): blocks are joined with a space, line breaks become spaces.
    /// ``TerminalText/lines`` holds exactly one line, empty when the text is.
    public func inline(_ text: Text, in scope: LinkResolver.Scope, values: [String: String]) -> TerminalText {
        guard let (entry, shownIn) = entry(of: text, in: scope) else { return TerminalText(lines: [""], language: language) }
        let (spans, references) = inlineSpans(of: entry.value, in: scope, values: values, showsLegends: true)
        return TerminalText(
            lines: [TerminalSpan.line(spans, usesColor: capabilities.usesColor)],
            references: references,
            isFallback: isFallback(text, shownIn: shownIn),
            language: shownIn)
    }

    /// `text` on as many lines as `width` needs, each span also in `style`: the titles on the runner's screens,
    /// where a long one must wrap rather than run off the edge. `prefix` starts the first line (`→ 2. `) and
    /// the lines after it are indented as far; `fallbackMark` follows the text when it stands in for a
    /// missing translation.
    func wrappedInline(
        _ text: Text, in scope: LinkResolver.Scope, values: [String: String], width: Int, style: TerminalStyle,
        prefix: String = "", fallbackMark: String
    ) -> [String] {
        let width = min(max(width, 1), Self.maximumWidth)
        var spans: [TerminalSpan] = []
        if let (entry, shownIn) = entry(of: text, in: scope) {
            spans = inlineSpans(of: entry.value, in: scope, values: values, showsLegends: true).spans.map { span in
                var span = span
                span.style.formUnion(style)
                return span
            }
            if isFallback(text, shownIn: shownIn) { spans.append(TerminalSpan(" " + fallbackMark, style: .mark)) }
        }
        return Self.hanging(prefix, width: width) { available in
            let lines = TerminalLineWrapper.wrap(spans, width: available)
            return (lines.isEmpty ? [[]] : lines).map { TerminalSpan.line($0, usesColor: capabilities.usesColor) }
        }
    }

    /// The lines `layOut` makes for the width left after `prefix` (at least 1), the first after `prefix` and
    /// the others indented as far: a hanging indent. A prefix too wide for the screen is cut to leave one column.
    static func hanging(_ prefix: String, width: Int, _ layOut: (Int) -> [String]) -> [String] {
        let hanging = min(TerminalText.displayWidth(prefix), max(0, width - 1))
        return layOut(max(1, width - hanging)).enumerated().map { number, line in
            (number == 0 ? String(prefix.prefix(hanging)) : String(repeating: " ", count: hanging)) + line
        }
    }

    // MARK: - Pieces

    /// The version of `text` to show, in this language or its fallback, with the language it is in.
    func entry(of text: Text, in scope: LinkResolver.Scope) -> (entry: Text.Entry, language: String)? {
        site.entry(of: text, in: language, procedure: scope.procedure)
    }

    /// Whether `text`, shown in `shownIn`, stands in for a missing translation.
    func isFallback(_ text: Text, shownIn: String) -> Bool {
        shownIn != language && !text.isSameInEveryLanguage
    }

    /// `source` as spans on one line (spaces collapsed, no-break spaces written as spaces), and its references.
    func inlineSpans(of source: String, in scope: LinkResolver.Scope, values: [String: String], showsLegends: Bool)
        -> (spans: [TerminalSpan], references: [TerminalText.Reference])
    {
        let document = MarkdownDocument(parsing: source)
        var builder = TerminalInlineBuilder(renderer: self, scope: scope, values: values, keepsLineBreaks: false, showsLegends: showsLegends)
        document.walk(&builder)
        let line = TerminalLineWrapper.wrap(builder.spans, width: .max).first ?? []
        return (line, builder.references)
    }

    /// The legend of marker `number` of the scope's figure, rendered inline with its own links (a term in
    /// a legend stays a term), and its references; nil when the scope has no such marker.
    /// Callouts inside a legend show no legend, so a legend cannot contain itself.
    func legendSpans(number: Int, in scope: LinkResolver.Scope, values: [String: String])
        -> (spans: [TerminalSpan], references: [TerminalText.Reference])?
    {
        guard let callouts = scope.step?.figure?.callouts, callouts.indices.contains(number - 1),
            let (entry, _) = entry(of: callouts[number - 1], in: scope)
        else { return nil }
        return inlineSpans(of: entry.value, in: scope, values: values, showsLegends: false)
    }
}
