internal import CCmark

extension MarkdownDocument {
    /// Every link in the document, in document order.
    public var links: [MarkdownLink] {
        linkNodes().map(Self.link(from:))
    }

    /// Replaces each link for which `replacement` returns a value; links answered with nil stay as they are.
    ///
    /// Links are collected first and changed afterwards, so the walk never sees a changing tree.
    public mutating func rewriteLinks(_ replacement: (MarkdownLink) -> [InlineReplacement]?) {
        for node in linkNodes() {
            guard let replacements = replacement(Self.link(from: node)) else { continue }
            for item in replacements {
                Self.insert(item, before: node, originalOf: node)
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    func linkNodes() -> [OpaquePointer] {
        var nodes: [OpaquePointer] = []
        forEachNode { node, isEntering in
            if isEntering, cmark_node_get_type(node) == CMARK_NODE_LINK { nodes.append(node) }
        }
        return nodes
    }

    static func link(from node: OpaquePointer) -> MarkdownLink {
        MarkdownLink(
            destination: url(of: node),
            text: plainText(of: node),
            line: Int(cmark_node_get_start_line(node)),
            utf8Column: Int(cmark_node_get_start_column(node))
        )
    }

    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += String(cString: cmark_node_get_literal(current))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                text += plainText(of: current)
            }
            child = cmark_node_next(current)
        }
        return text
    }

    /// Inserts the node tree for `item` before `anchor`; `.originalContent` moves `original`'s children.
    static func insert(_ item: InlineReplacement, before anchor: OpaquePointer, originalOf original: OpaquePointer) {
        if case .noBreakBefore = item {
            joinWithPreviousWord(anchor)
            return
        }
        if case .originalContent = item {
            while let child = cmark_node_first_child(original) {
                cmark_node_insert_before(anchor, child)
            }
            return
        }
        let node = makeNode(item, originalOf: original)
        cmark_node_insert_before(anchor, node)
    }

    /// Replaces the space that ends the text node before `node` with a no-break space.
    static func joinWithPreviousWord(_ node: OpaquePointer) {
        guard let previous = cmark_node_previous(node), cmark_node_get_type(previous) == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(previous)
        else { return }
        var text = String(cString: literal)
        guard text.last == " " else { return }
        text.removeLast()
        cmark_node_set_literal(previous, text + "\u{00A0}")
    }

    static func makeNode(_ item: InlineReplacement, originalOf original: OpaquePointer) -> OpaquePointer {
        func container(_ type: cmark_node_type, _ children: [InlineReplacement]) -> OpaquePointer {
            let node = cmark_node_new(type)!
            for child in children {
                if case .originalContent = child {
                    while let moved = cmark_node_first_child(original) { cmark_node_append_child(node, moved) }
                } else {
                    cmark_node_append_child(node, makeNode(child, originalOf: original))
                }
            }
            return node
        }
        switch item {
        case .text(let text):
            let node = cmark_node_new(CMARK_NODE_TEXT)!
            cmark_node_set_literal(node, text)
            return node
        case .code(let text):
            let node = cmark_node_new(CMARK_NODE_CODE)!
            cmark_node_set_literal(node, text)
            return node
        case .link(let destination, let title, let children):
            let node = container(CMARK_NODE_LINK, children)
            cmark_node_set_url(node, destination)
            cmark_node_set_title(node, title)
            return node
        case .strong(let children):
            return container(CMARK_NODE_STRONG, children)
        case .emphasis(let children):
            return container(CMARK_NODE_EMPH, children)
        case .markup(let enter, let exit, let children):
            let node = container(CMARK_NODE_CUSTOM_INLINE, children)
            cmark_node_set_on_enter(node, enter)
            cmark_node_set_on_exit(node, exit)
            return node
        case .originalContent, .noBreakBefore:
            // Handled by the callers; an empty text node keeps the tree valid if it ever gets here.
            return makeNode(.text(""), originalOf: original)
        }
    }
}
