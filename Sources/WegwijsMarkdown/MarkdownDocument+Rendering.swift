internal import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one output makes of a document's tree.
public enum MarkdownRendering: Sendable {
    /// HTML blocks, as ``MarkdownDocument/renderHTML()``.
    case html
    /// HTML of a one-paragraph document's inline content, as ``MarkdownDocument/renderInlineHTML()``.
    case inlineHTML
    /// CommonMark, as ``MarkdownDocument/renderCommonMark()``.
    case commonMark
    /// The text without markup, as ``MarkdownDocument/plainText()``.
    case plainText
}

extension MarkdownDocument {
    /// The document rendered as `rendering`, with its headings `headingLevels` levels down and its links
    /// replaced where `replacement` answers, leaving the tree as it was: one parse serves every output.
    ///
    /// The changes are made on the tree (as ``nestHeadings(by:)`` and ``rewriteLinks(_:)`` make them), the
    /// tree is rendered, and every change is undone in reverse order: the nodes made for the replacements are
    /// freed, the links and their children put back where they were, the heading levels and the texts
    /// before no-break links restored.
    public mutating func render(
        _ rendering: MarkdownRendering, nestingHeadingsBy headingLevels: Int = 0,
        rewritingLinks replacement: (MarkdownLink) -> [InlineReplacement]? = { _ in nil }
    ) -> String {
        var headings: [(node: OpaquePointer, level: Int32)] = []
        var links: [OpaquePointer] = []
        forEachNode { node, isEntering in
            guard isEntering else { return }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING where headingLevels > 0: headings.append((node, cmark_node_get_heading_level(node)))
            case CMARK_NODE_LINK: links.append(node)
            default: break
            }
        }
        for (node, level) in headings { cmark_node_set_heading_level(node, min(6, level + Int32(headingLevels))) }
        var undo: [LinkRewrite] = []
        for node in links {
            guard let replacements = replacement(Self.link(from: node)) else { continue }
            undo.append(Self.rewrite(node, with: replacements))
        }
        let text: String
        switch rendering {
        case .html: text = renderHTML()
        case .inlineHTML: text = renderInlineHTMLKeepingTree()
        case .commonMark: text = renderCommonMark()
        case .plainText: text = plainText()
        }
        for rewrite in undo.reversed() { rewrite.undo() }
        for (node, level) in headings { cmark_node_set_heading_level(node, level) }
        return text
    }

    /// Like ``renderInlineHTML()``, but the paragraph is put back afterwards.
    func renderInlineHTMLKeepingTree() -> String {
        guard let paragraph = onlyParagraph else { return renderHTML() }
        let container = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_set_on_enter(container, "")
        cmark_node_set_on_exit(container, "")
        while let child = cmark_node_first_child(paragraph) { cmark_node_append_child(container, child) }
        cmark_node_replace(paragraph, container)
        let text = renderHTML().trimmingTrailingNewlines()
        while let child = cmark_node_first_child(container) { cmark_node_append_child(paragraph, child) }
        cmark_node_replace(container, paragraph)
        cmark_node_free(container)
        return text
    }

    /// What replacing one link changed, so that it can be put back.
    struct LinkRewrite {
        /// The link, unlinked from the tree but not freed.
        let link: OpaquePointer
        /// Its parent and the sibling before it, where it goes back.
        let parent: OpaquePointer
        let previous: OpaquePointer?
        /// Its children, in order, wherever the replacement moved them.
        let children: [OpaquePointer]
        /// The nodes made for the replacement, at the link's place.
        let made: [OpaquePointer]
        /// The literal of the text before the link, when a no-break space replaced its last space.
        let previousLiteral: String?

        func undo() {
            if let previous, let previousLiteral { cmark_node_set_literal(previous, previousLiteral) }
            for child in children { cmark_node_append_child(link, child) }
            for node in made {
                cmark_node_unlink(node)
                cmark_node_free(node)
            }
            if let previous {
                cmark_node_insert_after(previous, link)
            } else {
                cmark_node_prepend_child(parent, link)
            }
        }
    }

    /// Replaces `node` (a link) with `replacements` as ``rewriteLinks(_:)`` does, keeping what undoes it.
    static func rewrite(_ node: OpaquePointer, with replacements: [InlineReplacement]) -> LinkRewrite {
        // Every node has a parent: links are inline, inside a block.
        let parent = cmark_node_parent(node)!
        let previous = cmark_node_previous(node)
        let previousLiteral = previous.flatMap { cmark_node_get_literal($0) }.map { String(cString: $0) }
        var children: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(current)
            child = cmark_node_next(current)
        }
        var made: [OpaquePointer] = []
        for item in replacements {
            switch item {
            case .noBreakBefore:
                joinWithPreviousWord(node)
            case .originalContent:
                while let child = cmark_node_first_child(node) { cmark_node_insert_before(node, child) }
            default:
                let replacement = makeNode(item, originalOf: node)
                cmark_node_insert_before(node, replacement)
                made.append(replacement)
            }
        }
        cmark_node_unlink(node)
        let joined = replacements.contains { if case .noBreakBefore = $0 { true } else { false } }
        return LinkRewrite(
            link: node, parent: parent, previous: previous, children: children, made: made,
            previousLiteral: joined ? previousLiteral : nil)
    }
}
