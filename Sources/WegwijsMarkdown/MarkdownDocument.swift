internal import CCmark
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A CommonMark document parsed by cmark, owned by this value: the tree is freed exactly once, when it goes away.
///
/// No `cmark_node` pointer leaves this target. Callers inspect the document through ``links``,
/// rewrite its meaningful links with ``rewriteLinks(_:)``, walk it with a ``MarkdownVisitor``
/// and render it with ``renderHTML()`` or ``renderCommonMark()``.
///
/// Raw HTML (blocks and inline) is removed while parsing, so it can reach no output, and links and
/// images whose scheme is not safe (see ``LinkSafety``) lose their destination and keep their text.
public struct MarkdownDocument: ~Copyable {
    let root: OpaquePointer
    /// What parsing took out of the text because it may reach no output, in document order: the validator
    /// warns of each, so a writer learns why a tag or a link is missing from the page.
    public private(set) var removedContent: [RemovedContent] = []

    /// How many documents this process has parsed: what `--timings` and the one-parse tests count.
    public static var parseCount: Int { parses.load(ordering: .relaxed) }
    private static let parses = Atomic<Int>(0)

    /// Parses `text` as CommonMark.
    public init(parsing text: String) {
        Self.parses.add(1, ordering: .relaxed)
        // cmark copies the input; the length excludes the terminating NUL that withCString adds.
        let length = text.utf8.count
        let document = text.withCString { cmark_parse_document($0, length, CMARK_OPT_DEFAULT) }
        // cmark only fails to allocate; that is not a condition this program can recover from.
        guard let document else { fatalError("cmark could not allocate a document") }
        root = document
        removeUnsafeContent()
    }

    deinit {
        cmark_node_free(root)
    }

    /// Moves every heading `levels` levels down (at most to level 6), so a text's own headings nest
    /// under the page's: `# Heading` in a step's text becomes a level-4 heading under the step's.
    public mutating func nestHeadings(by levels: Int) {
        guard levels > 0 else { return }
        var headings: [OpaquePointer] = []
        forEachNode { node, isEntering in
            if isEntering, cmark_node_get_type(node) == CMARK_NODE_HEADING { headings.append(node) }
        }
        for heading in headings {
            cmark_node_set_heading_level(heading, min(6, cmark_node_get_heading_level(heading) + Int32(levels)))
        }
    }

    // MARK: - Rendering

    /// HTML from cmark's renderer in its safe mode.
    public func renderHTML() -> String {
        guard let buffer = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    /// HTML of the document's inline content only: for a one-paragraph text such as a title, the
    /// paragraph's contents without `<p>`; for anything else, the whole rendering.
    public mutating func renderInlineHTML() -> String {
        guard let paragraph = onlyParagraph else { return renderHTML() }
        // A custom block with empty enter and exit strings renders its children and nothing else.
        let container = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_set_on_enter(container, "")
        cmark_node_set_on_exit(container, "")
        while let child = cmark_node_first_child(paragraph) {
            cmark_node_append_child(container, child)
        }
        cmark_node_replace(paragraph, container)
        cmark_node_free(paragraph)
        return renderHTML().trimmingTrailingNewlines()
    }

    /// CommonMark from cmark's CommonMark renderer, without hard wrapping.
    public func renderCommonMark() -> String {
        guard let buffer = cmark_render_commonmark(root, CMARK_OPT_DEFAULT, 0) else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    /// The document's text without markup: text, code and line breaks, in order.
    public func plainText() -> String {
        var text = ""
        forEachNode { node, isEntering in
            guard isEntering else { return }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += String(cString: cmark_node_get_literal(node))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_CODE_BLOCK:
                if !text.isEmpty, text.last != " " { text += " " }
                if cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK {
                    text += String(cString: cmark_node_get_literal(node))
                }
            default:
                break
            }
        }
        return text.trimmingCharacters(in: [" ", "\n"])
    }

    /// Whether the document is a single paragraph (the expected shape of titles and labels).
    public var isSingleParagraph: Bool { onlyParagraph != nil }

    // MARK: - Internals

    var onlyParagraph: OpaquePointer? {
        guard let first = cmark_node_first_child(root),
            cmark_node_next(first) == nil,
            cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH
        else { return nil }
        return first
    }

    /// Calls `body` for every node of the tree, entering and exiting, in document order.
    /// The tree must not change during the walk: collect nodes first, then change them.
    func forEachNode(_ body: (OpaquePointer, _ isEntering: Bool) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            body(node, event == CMARK_EVENT_ENTER)
        }
    }

    /// Removes raw HTML and neutralises links and images whose destination is not safe, noting each.
    private mutating func removeUnsafeContent() {
        var rawHTML: [OpaquePointer] = []
        var unsafeLinks: [OpaquePointer] = []
        var removed: [RemovedContent] = []
        forEachNode { node, isEntering in
            guard isEntering else { return }
            let kind: RemovedContent.Kind
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                rawHTML.append(node)
                kind = .rawHTML(cmark_node_get_literal(node).map { String(cString: $0) } ?? "")
            case CMARK_NODE_LINK where !LinkSafety.isSafe(linkDestination: Self.url(of: node)):
                unsafeLinks.append(node)
                kind = .link(destination: Self.url(of: node))
            case CMARK_NODE_IMAGE where !LinkSafety.isSafe(imageSource: Self.url(of: node)):
                unsafeLinks.append(node)
                kind = .image(source: Self.url(of: node))
            default:
                return
            }
            removed.append(RemovedContent(
                kind: kind, line: Int(cmark_node_get_start_line(node)), utf8Column: Int(cmark_node_get_start_column(node))))
        }
        removedContent = removed
        for node in rawHTML {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        for node in unsafeLinks {
            Self.replaceWithChildren(node)
        }
    }

    static func url(of node: OpaquePointer) -> String {
        guard let url = cmark_node_get_url(node) else { return "" }
        return String(cString: url)
    }

    /// Puts a node's children where the node was, then frees the node.
    static func replaceWithChildren(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_insert_before(node, child)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var result = self
        while result.last == "\n" { result.removeLast() }
        return result
    }

    func trimmingCharacters(in set: Set<Character>) -> String {
        guard let start = firstIndex(where: { !set.contains($0) }) else { return "" }
        let end = lastIndex(where: { !set.contains($0) })!
        return String(self[start...end])
    }
}
