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
