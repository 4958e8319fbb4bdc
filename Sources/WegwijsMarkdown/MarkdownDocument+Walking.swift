internal import CCmark

extension MarkdownDocument {
    /// Walks the whole document in order with `visitor`: ``MarkdownVisitor/enter(_:)`` for each node,
    /// then its children, then ``MarkdownVisitor/exit(_:)``.
    ///
    /// Node types this version does not know (a later cmark's) are passed over; their children are still walked.
    public func walk(_ visitor: inout some MarkdownVisitor) {
        forEachNode { pointer, isEntering in
            guard let node = Self.describe(pointer) else { return }
            if isEntering {
                visitor.enter(node)
                // cmark's iterator gives leaves an enter event only; a visitor gets both.
                if node.kind.isLeaf { visitor.exit(node) }
            } else {
                visitor.exit(node)
            }
        }
    }

    // MARK: - Describing nodes

    /// The description of one cmark node, or nil for a node type this version does not know.
    static func describe(_ node: OpaquePointer) -> MarkdownNode? {
        guard let kind = kind(of: node) else { return nil }
        return MarkdownNode(
            kind: kind, line: Int(cmark_node_get_start_line(node)), utf8Column: Int(cmark_node_get_start_column(node)))
    }

    /// What a cmark node is, or nil for a node type this version does not know.
    static func kind(of node: OpaquePointer) -> MarkdownNode.Kind? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: .document
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST: listKind(of: node)
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK: .codeBlock(literal: literal(of: node), info: string(cmark_node_get_fence_info(node)))
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_HTML_BLOCK: .htmlBlock(literal: literal(of: node))
        case CMARK_NODE_CUSTOM_BLOCK: .customBlock(onEnter: onEnter(of: node), onExit: onExit(of: node))
        case CMARK_NODE_TEXT: .text(literal(of: node))
        case CMARK_NODE_CODE: .code(literal(of: node))
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link(destination: url(of: node), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE: .image(source: url(of: node), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_HTML_INLINE: .htmlInline(literal(of: node))
        case CMARK_NODE_CUSTOM_INLINE: .customInline(onEnter: onEnter(of: node), onExit: onExit(of: node))
        default: nil
        }
    }

    /// A list's kind: ordered or not, its start, and whether it is tight.
    static func listKind(of node: OpaquePointer) -> MarkdownNode.Kind {
        let isOrdered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
        return .list(
            isOrdered: isOrdered,
            start: isOrdered ? Int(cmark_node_get_list_start(node)) : 0,
            isTight: cmark_node_get_list_tight(node) != 0)
    }

    /// A node's text: of a text, code span, code block or HTML node.
    static func literal(of node: OpaquePointer) -> String { string(cmark_node_get_literal(node)) }
    /// The text a custom node's renderers write before its children.
    static func onEnter(of node: OpaquePointer) -> String { string(cmark_node_get_on_enter(node)) }
    /// The text a custom node's renderers write after its children.
    static func onExit(of node: OpaquePointer) -> String { string(cmark_node_get_on_exit(node)) }

    /// A copy of a string cmark owns; cmark answers NULL where a node has no such string.
    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
