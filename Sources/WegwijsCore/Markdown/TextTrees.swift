import WegwijsMarkdown
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CommonMark trees of texts, each parsed once and shared by every output that needs it.
///
/// A text's tree is made the first time any output asks for it (keyed by its CommonMark source: two texts
/// written alike share one tree) and serves the HTML, Markdown and print renders, the plain texts and the
/// search index after it; what differs per output (link destinations, anchors, heading levels) is applied to
/// the tree for one render and undone after it (``MarkdownDocument/render(_:nestingHeadingsBy:rewritingLinks:)``).
///
/// One store serves one procedure's work (a build's job renders all of its pages from one); the site's own
/// texts and the procedures' titles, which every page shows, are in ``PlainTexts``' store for the whole build.
/// A tree is lent to one caller at a time. A caller that finds one of the site's trees lent to another thread
/// waits for it; one that finds a tree lent to its own render (a text whose render shows the text itself) parses
/// a copy of its own (see ``Tree/withDocument(parsedFrom:_:)``).
public final class TextTrees: Sendable {
    /// One parsed text, lent to one caller at a time.
    final class Tree: Sendable {
        /// The document; nil while it is lent out.
        private let document: Protected<MarkdownDocument?>
        /// Whether the tree is the site's, which every job's thread may ask for.
        private let isShared: Bool

        init(parsing source: String, shared: Bool) {
            document = Protected(MarkdownDocument(parsing: source))
            isShared = shared
        }

        /// `body`'s answer with the document, or with a document parsed for `body` alone while it is lent out
        /// to a render of this very text (a title whose reference shows that title), or for long.
        ///
        /// A thread waits for a shared tree that another thread has. One that holds no shared tree waits as long
        /// as it takes: the holder needs nothing the waiter has (a job's own trees are its thread's alone). One
        /// that holds a shared tree waits a little, then parses a copy: two titles that show each other, taken by
        /// two threads at once, would otherwise wait for each other forever. So every wait ends.
        func withDocument<Result: Sendable>(parsedFrom source: String, _ body: (inout MarkdownDocument) -> Result) -> Result {
            let patience: Duration? = isShared ? (SharedTreeHolds.count == 0 ? nil : .milliseconds(50)) : .zero
            guard var lent = take(waitingAtMost: patience) else {
                var own = MarkdownDocument(parsing: source)
                return body(&own)
            }
            if isShared { SharedTreeHolds.count += 1 }
            let result = body(&lent)
            if isShared { SharedTreeHolds.count -= 1 }
            var returned: MarkdownDocument? = consume lent
            document.withLock { swap(&$0, &returned) }
            return result
        }

        /// The document, taken out; nil when it stayed lent out for `patience` (nil: however long it takes).
        /// Renders of one text are short, so a waiter yields its core until the tree is back.
        private func take(waitingAtMost patience: Duration?) -> MarkdownDocument? {
            let clock = ContinuousClock()
            let deadline = patience.map { clock.now + $0 }
            while true {
                if let document = document.withLock({ $0.take() }) { return document }
                if let deadline, clock.now >= deadline { return nil }
                sched_yield()
            }
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
    ///
    /// The trees `previous` holds of the same sources are taken over rather than parsed again (a site kept loaded
    /// between builds, ``LiveSite``, parses only its changed titles); `previous` must not be in use any more.
    init(parsing sources: some Sequence<String>, reusing previous: TextTrees? = nil) {
        var trees: [String: Tree] = [:]
        for source in sources where trees[source] == nil {
            trees[source] = previous?.fixed[source] ?? Tree(parsing: source, shared: true)
        }
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
            let tree = Tree(parsing: source, shared: false)
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

/// How many of the site's shared trees the calling thread holds: a per-thread count (renders nest on one
/// thread, a job never moves to another while it renders).
enum SharedTreeHolds {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    static var count: Int {
        get { Int(bitPattern: pthread_getspecific(key)) }
        set { pthread_setspecific(key, UnsafeRawPointer(bitPattern: newValue)) }
    }
}
