import WegwijsMarkdown

/// CommonMark trees of texts, each parsed once and shared by every output that needs it.
///
/// A text's tree is made the first time any output asks for it (keyed by its CommonMark source: two texts
/// written alike share one tree) and serves the HTML, Markdown and print renders, the plain texts and the
/// search index after it; what differs per output (link destinations, anchors, heading levels) is applied to
/// the tree for one render and undone after it (``MarkdownDocument/render(_:nestingHeadingsBy:rewritingLinks:)``).
///
/// One store serves one procedure's work (a build's job renders all of its pages from one); the site's own
/// texts and the procedures' titles, which every page shows, are in ``PlainTexts``' store for the whole build.
/// A tree is lent to one caller at a time; a caller that finds it lent out (a text whose render shows the
/// text itself, or two threads rendering one of the site's texts at once) parses a copy of its own.
public final class TextTrees: Sendable {
    /// One parsed text, lent to one caller at a time.
    final class Tree: Sendable {
        /// The document; nil while it is lent out.
        private let document: Protected<MarkdownDocument?>

        init(parsing source: String) {
            document = Protected(MarkdownDocument(parsing: source))
        }

        /// `body`'s answer with the document, or with a document parsed for `body` alone while it is lent out:
        /// to a render of this very text (a title whose reference shows that title) or, for the site's
        /// shared texts, to another thread at the same moment.
        func withDocument<Result: Sendable>(parsedFrom source: String, _ body: (inout MarkdownDocument) -> Result) -> Result {
            guard var lent = document.withLock({ $0.take() }) else {
                var own = MarkdownDocument(parsing: source)
                return body(&own)
            }
            let result = body(&lent)
            var returned: MarkdownDocument? = consume lent
            document.withLock { swap(&$0, &returned) }
            return result
        }
    }

    /// The trees a store holds from the start (the site's): never changed, so read without a lock.
    private let fixed: [String: Tree]
    /// The trees a store parses as it is asked (a job's), behind its lock; nil for a store of fixed trees.
    private let added: Protected<[String: Tree]>?

    /// An empty store that parses each text the first time it is asked for.
    public init() {
        fixed = [:]
        added = Protected([:])
    }

    /// A store that holds the trees of `sources` from the start, and no others.
    init(parsing sources: some Sequence<String>) {
        var trees: [String: Tree] = [:]
        for source in sources where trees[source] == nil { trees[source] = Tree(parsing: source) }
        fixed = trees
        added = nil
    }

    /// `body`'s answer with the tree of `source`, parsed the first time it is asked for (or, in a store of
    /// fixed trees that lacks it, for `body` alone).
    ///
    /// `body` may change the tree for its render but must leave it as it found it (the document's
    /// `render(_:nestingHeadingsBy:rewritingLinks:)` does).
    func withTree<Result: Sendable>(of source: String, _ body: (inout MarkdownDocument) -> Result) -> Result {
        if let tree = fixed[source] { return tree.withDocument(parsedFrom: source, body) }
        guard let added else {
            var document = MarkdownDocument(parsing: source)
            return body(&document)
        }
        let tree = added.withLock { trees in
            if let tree = trees[source] { return tree }
            let tree = Tree(parsing: source)
            trees[source] = tree
            return tree
        }
        return tree.withDocument(parsedFrom: source, body)
    }

    /// `body`'s answer with the tree of `source`: this store's when it has one, else `local`'s (parsed there
    /// the first time), else a tree parsed for `body` alone when there is no `local` store.
    ///
    /// This store is then one that holds its trees from the start (the site's, in ``PlainTexts``); `local`, the
    /// store of one job.
    func withTree<Result: Sendable>(
        of source: String, orParsedIn local: TextTrees?, _ body: (inout MarkdownDocument) -> Result
    ) -> Result {
        if let tree = fixed[source] { return tree.withDocument(parsedFrom: source, body) }
        if let local { return local.withTree(of: source, body) }
        var document = MarkdownDocument(parsing: source)
        return body(&document)
    }
}
