/// One node of a ``MarkdownDocument``, described by value for a ``MarkdownVisitor``.
///
/// A description, not a handle: it holds copies of the node's strings and numbers and no cmark pointer,
/// so it may be kept, compared and sent anywhere after the walk.
public struct MarkdownNode: Sendable, Equatable {
    /// What kind of node this is, with the values that kind carries.
    public enum Kind: Sendable, Equatable {
        // MARK: - Blocks

        /// The whole document.
        case document
        /// A paragraph.
        case paragraph
        /// An ATX or setext heading of `level` 1 to 6.
        case heading(level: Int)
        /// A block quote.
        case blockQuote
        /// A list; `start` is the first item's number of an ordered list and 0 for a bullet list.
        /// A tight list has no blank lines between its items.
        case list(isOrdered: Bool, start: Int, isTight: Bool)
        /// An item of a list.
        case item
        /// A fenced or indented code block: its text (ending in a line break) and the fence's info string.
        case codeBlock(literal: String, info: String)
        /// A thematic break (`---`).
        case thematicBreak
        /// Raw HTML as a block. ``MarkdownDocument`` removes these while parsing; a walker never meets one
        /// in a parsed document, but the kind exists so that every cmark node has a description.
        case htmlBlock(literal: String)
        /// A block added by a program, with the text its renderers write around it.
        case customBlock(onEnter: String, onExit: String)

        // MARK: - Inlines

        /// Text.
        case text(String)
        /// A code span.
        case code(String)
        /// A line end inside a paragraph that is not a hard break: usually shown as a space.
        case softBreak
        /// A hard line break (two spaces or a backslash before the line end).
        case lineBreak
        /// Emphasis (`*a*`).
        case emphasis
        /// Strong emphasis (`**a**`).
        case strong
        /// A link; its text is in its children.
        case link(destination: String, title: String)
        /// An image; its description (the alternative text) is in its children.
        case image(source: String, title: String)
        /// Raw inline HTML; removed while parsing, like ``htmlBlock(literal:)``.
        case htmlInline(String)
        /// Inline content added by a program (such as ``InlineReplacement/markup(enter:exit:children:)``),
        /// with the text its renderers write around its children.
        case customInline(onEnter: String, onExit: String)

        /// Whether the node can have no children: a visitor's `exit` follows its `enter` at once.
        public var isLeaf: Bool {
            switch self {
            case .codeBlock, .thematicBreak, .htmlBlock, .text, .code, .softBreak, .lineBreak, .htmlInline: true
            default: false
            }
        }

        /// Whether the node is a block (the document, a paragraph, a list…) rather than inline content.
        public var isBlock: Bool {
            switch self {
            case .document, .paragraph, .heading, .blockQuote, .list, .item, .codeBlock, .thematicBreak, .htmlBlock,
                .customBlock:
                true
            default:
                false
            }
        }
    }

    /// What the node is.
    public var kind: Kind
    /// The line the node starts on in the parsed text, 1-based; 0 for a node a program added.
    public var line: Int
    /// The column the node starts at, 1-based, counted in UTF-8 bytes as cmark counts; 0 for an added node.
    public var utf8Column: Int

    /// A node of `kind` starting at `line` and `utf8Column`.
    public init(kind: Kind, line: Int = 0, utf8Column: Int = 0) {
        self.kind = kind
        self.line = line
        self.utf8Column = utf8Column
    }
}
