/// What a build renders: everything, or (for a site kept loaded between builds, ``LiveSite``) only the
/// procedures an edit can have changed, with the pieces of the others kept from before.
struct RenderPlan: Sendable {
    /// The ids of the procedures whose files and pieces are rendered; nil: every procedure.
    var procedures: Set<String>? = nil
    /// Whether the index pages, the site files (404 pages, sitemap) and the printed guides' pieces that are no
    /// chapter are rendered.
    var rendersIndexes = true
    /// The pieces of what is not rendered, from an earlier build of the same site; nil in a full build.
    var kept: KeptPieces? = nil
    /// Whether the build answers what it rendered (``RenderOutcome/kept``), to keep for the next one.
    var keepsPieces = false
    /// Whether the printed guides and search indexes are written with the pages, left out, or written alone.
    var guides = Guides.withPages

    enum Guides: Sendable {
        /// Everything, the guides streamed as their pieces are rendered.
        case withPages
        /// The pages, indexes and shared files only; the guides' pieces are rendered (and kept) but not written.
        case none
        /// Only the guides, of the kept pieces (the plan renders no procedure and no index then).
        case only
    }

    /// Whether `procedure`'s files and pieces are rendered.
    func renders(_ procedure: Procedure) -> Bool {
        procedures?.contains(procedure.id) ?? true
    }
}

/// The pieces of the printed guides and search indexes a build made, each procedure's findings and page files,
/// kept for the next build of a site that stays loaded. Indexed by procedure id, then by the builder's languages.
struct KeptPieces: Sendable {
    /// Each procedure's chapter of each language's printed guide.
    var chapters: [String: [String]] = [:]
    /// Each procedure's line of each language's search index.
    var searchLines: [String: [String]] = [:]
    /// The words of each procedure's lines whose stem differs, with the stem.
    var stems: [String: [[String: String]]] = [:]
    /// The paths of each procedure's pages.
    var pagePaths: [String: [String]] = [:]
    /// What each procedure's checks found.
    var findings: [String: ContentChecks.ProcedureFindings] = [:]
    /// The pieces of each language's printed guide that are no chapter, by their number.
    var printPieces = PrintPieceTexts()

    /// Takes `other`'s pieces (of other procedures) in.
    mutating func add(_ other: KeptPieces) {
        chapters.merge(other.chapters) { first, _ in first }
        searchLines.merge(other.searchLines) { first, _ in first }
        stems.merge(other.stems) { first, _ in first }
        pagePaths.merge(other.pagePaths) { first, _ in first }
        findings.merge(other.findings) { first, _ in first }
        printPieces.texts.merge(other.printPieces.texts) { first, _ in first }
    }

    /// `newer`'s pieces in place of these for the procedures it rendered, and its print pieces when it has them;
    /// the pieces of procedures no longer in `procedureIDs` are dropped.
    func updated(with newer: KeptPieces, procedureIDs: Set<String>, rendersIndexes: Bool) -> KeptPieces {
        var result = self
        result.add(newer)
        for id in newer.pagePaths.keys {
            result.chapters[id] = newer.chapters[id]
            result.searchLines[id] = newer.searchLines[id]
            result.stems[id] = newer.stems[id]
            result.pagePaths[id] = newer.pagePaths[id]
            result.findings[id] = newer.findings[id]
        }
        if rendersIndexes { result.printPieces = newer.printPieces }
        result.chapters = result.chapters.filter { procedureIDs.contains($0.key) }
        result.searchLines = result.searchLines.filter { procedureIDs.contains($0.key) }
        result.stems = result.stems.filter { procedureIDs.contains($0.key) }
        result.pagePaths = result.pagePaths.filter { procedureIDs.contains($0.key) }
        result.findings = result.findings.filter { procedureIDs.contains($0.key) }
        return result
    }
}

/// The texts of printed-guide pieces, by part (language) and number.
struct PrintPieceTexts: Sendable {
    struct Key: Hashable, Sendable {
        var part: Int
        var number: Int
    }
    var texts: [Key: String] = [:]

    subscript(part: Int, number: Int) -> String? {
        get { texts[Key(part: part, number: number)] }
        set { texts[Key(part: part, number: number)] = newValue }
    }
}

/// What a build rendered.
struct RenderOutcome: Sendable {
    /// Every diagnostic, when the session left each procedure's checks to the build; otherwise nil.
    var diagnostics: Diagnostics?
    /// What it rendered, when the plan keeps pieces.
    var kept: KeptPieces
    /// The paths of the index pages and site files rendered (none when the plan left them).
    var indexPaths: [String]
    /// The paths of the files every build renders: the shared files, the printed guides, the search indexes.
    var alwaysPaths: [String]
}
