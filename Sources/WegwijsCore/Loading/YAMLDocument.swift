/// A place in a YAML file as libyaml marks it, with the byte offset added.
///
/// `line` and `column` are 0-based, the column in Unicode scalars (libyaml's unit); `offset` counts UTF-8
/// bytes from the start of the file's text, after a byte order mark.
struct YAMLMark: Sendable, Equatable {
    /// The line, 0-based.
    var line: UInt32
    /// The column in Unicode scalars, 0-based.
    var column: UInt32
    /// The UTF-8 byte offset in the file's text.
    var offset: UInt32

    /// This place as a 1-based location in `file`.
    func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: Int(line) + 1, column: Int(column) + 1)
    }
}

/// One node event of a YAML document, reduced to what reading needs: 40 bytes, no class, no tree.
///
/// A document is the flat list of its events in the order libyaml produced them: a scalar or an alias is
/// one event; a sequence or mapping is its start event, its items' events, and its end event, each pointing
/// at the other (`link`), so a reader steps over a whole subtree at once.
struct YAMLEvent: Sendable {
    /// What the event is.
    enum Kind: UInt8, Sendable {
        case scalar, sequenceStart, mappingStart, collectionEnd, alias
    }

    /// How a node was written: a scalar's quoting or block style, a collection's flow or block style.
    enum Style: UInt8, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded, block, flow
    }

    /// What the event is.
    var kind: Kind
    /// How its node was written (an end event repeats its collection's style).
    var style: Style
    /// Where the node starts: a scalar's first character, opening quote or `|`/`>` indicator; a collection's
    /// first key, `-`, `[` or `{`; an alias's `*`.
    var start: YAMLMark
    /// Where it ends, as libyaml marks it: just after a flow scalar's last character or closing quote, just
    /// after the line breaks a block scalar takes (the start of the next line), just after `]`/`}`.
    var end: YAMLMark
    /// A scalar's value: where its UTF-8 bytes are in the document's ``YAMLDocument/values``.
    var valueStart: UInt32 = 0
    var valueCount: UInt32 = 0
    /// A collection's start: the index of its end event; an end: the index of its start; an alias: the
    /// index of the node it names.
    var link: UInt32 = 0
}

/// A YAML document read from libyaml's events: the events, and the bytes of every scalar's value.
struct YAMLDocument: Sendable {
    /// The node events, the root's first.
    var events: [YAMLEvent] = []
    /// Every scalar's value, one after the other.
    var values: [UInt8] = []

    /// The root node, or nil for a stream without a document.
    var root: YAMLNode? { events.isEmpty ? nil : YAMLNode(document: self, index: 0) }

    /// The value of the scalar event at `index`.
    func value(at index: Int) -> String {
        let event = events[index]
        let start = Int(event.valueStart)
        return values.withUnsafeBufferPointer { buffer in
            String(decoding: buffer[start..<(start + Int(event.valueCount))], as: UTF8.self)
        }
    }

    /// The index of the event after the node at `index` and everything inside it.
    func indexAfter(_ index: Int) -> Int {
        let event = events[index]
        return event.kind == .sequenceStart || event.kind == .mappingStart ? Int(event.link) + 1 : index + 1
    }
}

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
