/// One node of a ``YAMLDocument``: the document and the index of the node's (first) event.
///
/// An alias reads as the node it names, with that node's position (as Yams composed it): handles never
/// point at an alias event.
struct YAMLNode: Sendable {
    /// The document the node is in.
    let document: YAMLDocument
    /// The index of the node's first event in ``YAMLDocument/events``; never an alias's.
    let index: Int

    /// A handle on the node at `index`, following an alias to its node.
    init(document: YAMLDocument, index: Int) {
        self.document = document
        let event = document.events[index]
        self.index = event.kind == .alias ? Int(event.link) : index
    }

    /// What the node is, with its contents.
    enum Content {
        case scalar(Scalar)
        case sequence(Items)
        case mapping(Pairs)
    }

    /// A scalar: its value and how it was written.
    struct Scalar {
        /// The value, as YAML made it of the source (quotes, escapes, folding and indentation undone).
        var string: String
        /// The scalar style.
        var style: YAMLEvent.Style
    }

    /// The event that starts the node.
    var event: YAMLEvent { document.events[index] }

    /// The node's content.
    var content: Content {
        switch event.kind {
        case .sequenceStart: .sequence(Items(document: document, start: index))
        case .mappingStart: .mapping(Pairs(document: document, start: index))
        default: .scalar(Scalar(string: document.value(at: index), style: event.style))
        }
    }

    /// The scalar, or nil for a collection.
    var scalar: Scalar? {
        guard case .scalar(let scalar) = content else { return nil }
        return scalar
    }

    /// The items of a sequence or the keys and values of a mapping, in order, as handles.
    struct Items: Sequence {
        /// The document.
        let document: YAMLDocument
        /// The index of the collection's start event.
        let start: Int

        func makeIterator() -> Iterator { Iterator(document: document, position: start + 1) }

        /// Whether the collection has no items.
        var isEmpty: Bool { document.events[start].link == UInt32(start + 1) }

        /// Steps from item to item, over each item's subtree.
        struct Iterator: IteratorProtocol {
            let document: YAMLDocument
            var position: Int

            mutating func next() -> YAMLNode? {
                guard document.events[position].kind != .collectionEnd else { return nil }
                defer { position = document.indexAfter(position) }
                return YAMLNode(document: document, index: position)
            }
        }
    }

    /// The entries of a mapping, as key and value handles in the order written.
    struct Pairs: Sequence {
        /// The keys and values, alternately.
        let items: Items

        init(document: YAMLDocument, start: Int) { items = Items(document: document, start: start) }

        func makeIterator() -> Iterator { Iterator(items: items.makeIterator()) }

        /// Whether the mapping has no entries.
        var isEmpty: Bool { items.isEmpty }
        /// The keys, in order.
        var keys: [YAMLNode] { map(\.key) }

        /// Takes the items two at a time.
        struct Iterator: IteratorProtocol {
            var items: Items.Iterator

            mutating func next() -> (key: YAMLNode, value: YAMLNode)? {
                guard let key = items.next(), let value = items.next() else { return nil }
                return (key, value)
            }
        }
    }
}
