import WegwijsCore
import WegwijsMarkdown

/// Turns inline Markdown (text, emphasis, code, links…) into styled spans for the terminal.
///
/// ``TerminalBlockLayout`` hands it the inline nodes of each paragraph and takes the spans at the paragraph's
/// end. As a visitor of its own it also renders a whole text on one line (``TerminalTextRenderer/inline(_:in:values:)``):
/// blocks are then joined with a space. Every string from content enters a span through ``append(_:style:)``,
/// which makes it safe; the only other text it writes is the tool's own ("\n", quotes, brackets).
struct TerminalInlineBuilder: MarkdownVisitor {
    /// A link being walked, and what it becomes when its end is reached.
    enum OpenLink {
        /// A `ref:`, `term:`, `input:` or `callout:` link; its text starts at span `start`.
        case meaningful(start: Int, rendering: TerminalLinkRendering)
        /// An ordinary link; `isHyperlink` tells whether it is written as an OSC 8 hyperlink.
        case web(start: Int, destination: String, isHyperlink: Bool)
        /// A link shown as its text alone: a meaningful link that does not resolve (the validator reports
        /// it), or an ordinary link whose destination has control characters.
        case textOnly
    }

    /// The renderer whose resolver, strings, language and capabilities apply.
    let renderer: TerminalTextRenderer
    /// Where the text is, for resolving links.
    let scope: LinkResolver.Scope
    /// Values the admin entered, by input id.
    let values: [String: String]
    /// Whether hard line breaks stay ("\n" in a span); on one line they become spaces.
    let keepsLineBreaks: Bool
    /// Whether a callout shows its legend; false inside a legend, so that a legend naming a callout
    /// cannot render itself forever.
    let showsLegends: Bool

    /// The spans of the current paragraph (or of the whole text, on one line).
    var spans: [TerminalSpan] = []
    /// The `ref:` links met so far.
    var references: [TerminalText.Reference] = []
    /// For each open node, innermost last, the union of its style and those of the nodes around it: kept as
    /// unions so the current style is the last one, not a fold over ten thousand nested emphases.
    var styles: [TerminalStyle] = []
    /// The addresses of the open hyperlinks, innermost last.
    var hyperlinks: [String] = []
    /// The open links, innermost last.
    var links: [OpenLink] = []

    /// A builder for texts in `scope`.
    init(
        renderer: TerminalTextRenderer, scope: LinkResolver.Scope, values: [String: String], keepsLineBreaks: Bool,
        showsLegends: Bool
    ) {
        self.renderer = renderer
        self.scope = scope
        self.values = values
        self.keepsLineBreaks = keepsLineBreaks
        self.showsLegends = showsLegends
    }

    /// Whether styles are written (otherwise characters carry the meaning).
    var usesColor: Bool { renderer.capabilities.usesColor }

    /// The union of the styles of the nodes being walked.
    var style: TerminalStyle { styles.last ?? [] }

    // MARK: - Walking

    /// Handles an inline node; on one line, block boundaries become spaces.
    mutating func enter(_ node: MarkdownNode) {
        switch node.kind {
        case .text(let literal):
            append(literal)
        case .code(let literal):
            if usesColor { append(literal, style: .code) } else { append("`\(literal)`") }
        case .softBreak:
            append(" ")
        case .lineBreak:
            if keepsLineBreaks { spans.append(TerminalSpan("\n")) } else { append(" ") }
        case .emphasis:
            pushStyle(.emphasis)
        case .strong:
            pushStyle(.strong)
        case .link(let destination, _):
            enterLink(destination)
        case .image, .customInline:
            // An image shows its description; the tool's own inline markup (HTML) shows only its content.
            pushStyle([])
        case .htmlInline, .htmlBlock, .thematicBreak:
            break
        case .heading:
            separateBlock()
            pushStyle(.heading)
        case .codeBlock(let literal, _):
            separateBlock()
            let words = literal.split { $0 == "\n" || $0 == " " || $0 == "\t" }
            append(words.joined(separator: " "), style: .code)
        case .document, .paragraph, .blockQuote, .list, .item, .customBlock:
            separateBlock()
        }
    }

    /// Closes what ``enter(_:)`` opened.
    mutating func exit(_ node: MarkdownNode) {
        switch node.kind {
        case .emphasis, .strong, .image, .customInline, .heading:
            _ = styles.popLast()
        case .link:
            exitLink()
        default:
            break
        }
    }

    /// Adds `role` to the style of what follows, until ``popStyle()``.
    mutating func pushStyle(_ role: TerminalStyle) {
        styles.append(style.union(role))
    }

    /// Ends the style pushed last.
    mutating func popStyle() {
        _ = styles.popLast()
    }

    /// The spans so far, leaving none (references stay).
    mutating func takeSpans() -> [TerminalSpan] {
        defer { spans = [] }
        return spans
    }

    // MARK: - Writing spans

    /// Appends `text` from content, made safe, in the current style plus `extra`.
    mutating func append(_ text: String, style extra: TerminalStyle = []) {
        guard !text.isEmpty else { return }
        spans.append(TerminalSpan(TerminalText.safe(text), style: style.union(extra), hyperlink: hyperlinks.last))
    }

    /// Appends spans made elsewhere (already safe), in the current style plus their own.
    mutating func append(_ made: [TerminalSpan]) {
        for span in made {
            spans.append(TerminalSpan(span.text, style: style.union(span.style), hyperlink: span.hyperlink ?? hyperlinks.last))
        }
    }

    /// On one line, a space between blocks.
    private mutating func separateBlock() {
        guard let last = spans.last?.text.last, last != " " else { return }
        spans.append(TerminalSpan(" "))
    }

    /// The text of the spans from `start` on.
    func text(from start: Int) -> String {
        spans[min(start, spans.count)...].map(\.text).joined()
    }
}
