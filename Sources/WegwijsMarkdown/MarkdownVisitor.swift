/// Something that walks a ``MarkdownDocument`` in document order, as swift-markdown's `MarkupWalker` does.
///
/// ``MarkdownDocument/walk(_:)`` calls ``enter(_:)`` for a node, then walks its children, then calls
/// ``exit(_:)`` for the same node; a leaf (``MarkdownNode/Kind/isLeaf``) is exited right after it is entered.
/// Both requirements do nothing by default, so a visitor implements only what it needs.
/// The walk reads the tree and never changes it.
public protocol MarkdownVisitor {
    /// Called when the walk reaches `node`, before its children.
    mutating func enter(_ node: MarkdownNode)
    /// Called when the walk leaves `node`, after its children.
    mutating func exit(_ node: MarkdownNode)
}

extension MarkdownVisitor {
    /// Does nothing.
    public mutating func enter(_ node: MarkdownNode) {}
    /// Does nothing.
    public mutating func exit(_ node: MarkdownNode) {}
}
